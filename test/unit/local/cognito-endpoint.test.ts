import {
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CognitoApproverDirectory } from '../../../functions/adapters/approver-directory';
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
    const directory = new CognitoApproverDirectory(client, 'Pool');
    expect(await directory.approversOf('dd-kdn')).toEqual([
      { userId: 'a-1', name: 'Vũ Mạnh Chiến' },
    ]);
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
    expect(await new CognitoApproverDirectory(client, 'Pool').approversOf('dd-kdn')).toHaveLength(
      65,
    );
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
