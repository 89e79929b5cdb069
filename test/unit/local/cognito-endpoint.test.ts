import {
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CognitoIdentityProvider } from '../../../functions/adapters/cognito-identity-provider';
import { type CognitoEndpoint, startCognitoEndpoint } from '../../../lib/local/cognito-endpoint';
import { createLocalJwtIssuer } from '../../../lib/local/jwt-issuer';
import { createUserRegistry, type UserRegistry } from '../../../lib/local/user-registry';
import { type CfnTemplate, createResolver } from '../../../lib/local/template';

const template: CfnTemplate = {
  Resources: {
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
    Approvers: {
      Type: 'AWS::Cognito::UserPoolGroup',
      Properties: { UserPoolId: { Ref: 'Pool' }, GroupName: 'approver' },
    },
    Officers: {
      Type: 'AWS::Cognito::UserPoolGroup',
      Properties: { UserPoolId: { Ref: 'Pool' }, GroupName: 'cell-officer' },
    },
  },
};

describe('local Cognito endpoint (ListUsersInGroup)', () => {
  let users: UserRegistry;
  let endpoint: CognitoEndpoint;
  let client: CognitoIdentityProviderClient;

  beforeEach(async () => {
    users = createUserRegistry();
    endpoint = await startCognitoEndpoint({
      template,
      resolve: createResolver({ template }),
      users,
    });
    client = new CognitoIdentityProviderClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterEach(() => endpoint.close());

  it('lists the users the issuer issued tokens for, by group, with their unit', async () => {
    const issuer = createLocalJwtIssuer({ users });
    issuer.issueToken({
      sub: 'a-1',
      name: 'Vũ Mạnh Chiến',
      groups: ['approver'],
      unitId: 'dd-kdn',
    });
    issuer.issueToken({ sub: 'a-2', name: 'Đỗ Dũng', groups: ['approver'], unitId: 'tt-kdn' });
    issuer.issueToken({ sub: 'c-1', name: 'Bình', groups: ['cell-officer'], unitId: 'dd-kdn' });
    const { Users } = await client.send(
      new ListUsersInGroupCommand({ UserPoolId: 'Pool', GroupName: 'approver' }),
    );
    expect(Users!.map((u) => u.Username)).toEqual(['a-1', 'a-2']);
    expect(Users![0].Attributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: 'a-1' },
        { Name: 'custom:unit_id', Value: 'dd-kdn' },
      ]),
    );
    const provider = new CognitoIdentityProvider(client, 'Pool');
    expect(await provider.getUser('a-1')).toMatchObject({
      userId: 'a-1',
      name: 'Vũ Mạnh Chiến',
      unitId: 'dd-kdn',
      groups: ['approver'],
      enabled: true,
    });
  });

  it('pages with NextToken, as the SDK paginator expects', async () => {
    for (let i = 0; i < 65; i++) {
      users.register({ sub: `u-${i}`, name: `U ${i}`, groups: ['approver'], unitId: 'dd-kdn' });
    }
    const first = await client.send(
      new ListUsersInGroupCommand({ UserPoolId: 'Pool', GroupName: 'approver', Limit: 60 }),
    );
    expect(first.Users).toHaveLength(60);
    expect(first.NextToken).toBeDefined();
    const listed = [];
    for await (const user of new CognitoIdentityProvider(client, 'Pool').listUsers()) {
      listed.push(user);
    }
    expect(listed).toHaveLength(65);
  });

  it('creates, regroups, moves, disables and re-enables users as the admin API does', async () => {
    const invitations: string[] = [];
    await endpoint.close();
    const poolTemplate: CfnTemplate = {
      Resources: {
        ...template.Resources,
        Pool: {
          Type: 'AWS::Cognito::UserPool',
          Properties: {
            AliasAttributes: ['email'],
            Schema: [
              { Name: 'email', Required: true },
              { Name: 'name', Required: true },
              { Name: 'unit_id', AttributeDataType: 'String' },
            ],
          },
        },
      },
    };
    endpoint = await startCognitoEndpoint({
      template: poolTemplate,
      resolve: createResolver({ template: poolTemplate }),
      users,
      invite: (user) => invitations.push(user.email!),
    });
    client = new CognitoIdentityProviderClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const provider = new CognitoIdentityProvider(client, 'Pool');
    const input = {
      username: 'binh-1',
      email: 'binh@example.vn',
      name: 'Trần Thị Bình',
      unitId: 'dd-kdn',
      groups: ['cell-officer' as const],
    };
    const created = await provider.createUser(input);
    expect(created).toMatchObject({ username: 'binh-1', groups: ['cell-officer'], enabled: true });
    expect(invitations).toEqual(['binh@example.vn']);
    // The same request completing after a crash returns the same user; another address is refused.
    expect((await provider.createUser(input)).userId).toBe(created.userId);
    await expect(provider.createUser({ ...input, email: 'x@example.vn' })).rejects.toMatchObject({
      name: 'UsernameTakenError',
    });
    await expect(
      provider.createUser({ ...input, username: 'binh@example.vn' }),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      provider.createUser({ ...input, username: 'other', email: 'binh@example.vn' }),
    ).rejects.toMatchObject({ name: 'AliasExistsException' });
    await provider.setGroups('binh-1', ['cell-officer'], ['approver']);
    await provider.setUnit('binh-1', 'hn-dongda');
    await provider.setEnabled('binh-1', false);
    expect(await provider.getUser('binh-1')).toMatchObject({
      groups: ['approver'],
      unitId: 'hn-dongda',
      enabled: false,
    });
    expect(() =>
      createLocalJwtIssuer({ users }).issueToken({
        sub: created.userId,
        name: 'x',
        groups: [],
        unitId: 'dd-kdn',
      }),
    ).toThrow('User is disabled');
    await provider.setEnabled('binh-1', true);
    expect((await provider.getUser('binh-1'))!.enabled).toBe(true);
    expect(await provider.getUser('nobody')).toBeUndefined();
    await expect(provider.setGroups('binh-1', [], ['nosuchgroup' as never])).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('answers unknown pools and groups as Cognito does', async () => {
    await expect(
      client.send(new ListUsersInGroupCommand({ UserPoolId: 'Other', GroupName: 'approver' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      client.send(new ListUsersInGroupCommand({ UserPoolId: 'Pool', GroupName: 'nobody' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('keeps the registry in the data dir, shared with `npm run token`', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'users-'));
    try {
      // What `npm run token` does: an issuer on the data dir, no server.
      createLocalJwtIssuer({ dataDir }).issueToken({
        sub: 'a-9',
        name: 'Approver',
        groups: ['approver'],
        unitId: 'dd-kdn',
      });
      const registry = createUserRegistry({ dataDir });
      expect(registry.list().map((u) => [u.sub, u.unitId])).toEqual([['a-9', 'dd-kdn']]);
      registry.register({ sub: 'a-9', name: 'Approver', groups: ['approver'], unitId: 'hn' });
      expect(createUserRegistry({ dataDir }).list()).toMatchObject([{ sub: 'a-9', unitId: 'hn' }]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
