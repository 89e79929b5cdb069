import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createResolver,
  listResources,
  loadStackTemplate,
  resolveIntrinsics,
  resolveOutputs,
  type CfnTemplate,
} from '../../../lib/local/template';

const fixtureCdkOut = path.join(__dirname, '../../fixtures/local-cdk-out');

describe('loadStackTemplate', () => {
  it('finds the only stack through manifest.json', () => {
    const loaded = loadStackTemplate(fixtureCdkOut);
    expect(loaded.stackName).toBe('LocalFixtureStack');
    expect(loaded.templatePath).toBe(path.join(fixtureCdkOut, 'LocalFixtureStack.template.json'));
    expect(Object.keys(loaded.template.Resources)).toContain('EchoFunction1A2B3C4D');
  });

  it('needs a stackName when the assembly has several stacks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-test-'));
    const stack = (file: string) => ({
      type: 'aws:cloudformation:stack',
      properties: { templateFile: file },
    });
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        artifacts: { First: stack('First.template.json'), Second: stack('Second.template.json') },
      }),
    );
    fs.writeFileSync(
      path.join(dir, 'Second.template.json'),
      JSON.stringify({ Resources: { X: { Type: 'T' } } }),
    );

    expect(() => loadStackTemplate(dir)).toThrow(/several stacks \(First, Second\)/);
    expect(() => loadStackTemplate(dir, { stackName: 'Third' })).toThrow(/"Third" is not in/);
    expect(loadStackTemplate(dir, { stackName: 'Second' }).template.Resources.X.Type).toBe('T');
    fs.rmSync(dir, { recursive: true });
  });

  it('explains that synth is missing when there is no manifest', () => {
    expect(() => loadStackTemplate(os.tmpdir() + '/does-not-exist')).toThrow(/cdk synth/);
  });
});

describe('resolveIntrinsics', () => {
  const { template } = loadStackTemplate(fixtureCdkOut);
  const context = { template, region: 'ap-southeast-1', stackName: 'LocalFixtureStack' };
  const resolve = createResolver(context);

  it('lists resources by type', () => {
    expect(listResources(template, 'AWS::DynamoDB::Table').map((r) => r.logicalId)).toEqual([
      'ItemsTable5AAC2C46',
      'AuditTable',
    ]);
  });

  it('resolves pseudo parameters and template parameters', () => {
    expect(resolve({ Ref: 'AWS::Partition' })).toBe('aws');
    expect(resolve({ Ref: 'AWS::Region' })).toBe('ap-southeast-1');
    expect(resolve({ Ref: 'AWS::AccountId' })).toBe('000000000000');
    expect(resolve({ Ref: 'AWS::URLSuffix' })).toBe('amazonaws.com');
    expect(resolve({ Ref: 'AWS::StackName' })).toBe('LocalFixtureStack');
    expect(resolve({ Ref: 'BootstrapVersion' })).toBe('/cdk-bootstrap/hnb659fds/version');
    expect(createResolver({ template })({ Ref: 'AWS::Region' })).toBe('us-east-1');
  });

  it('gives resources their local physical names and ARNs', () => {
    expect(resolve({ Ref: 'ItemsTable5AAC2C46' })).toBe('ItemsTable5AAC2C46');
    expect(resolve({ Ref: 'AuditTable' })).toBe('LocalFixtureStack-audit');
    expect(resolve({ Ref: 'EchoFunction1A2B3C4D' })).toBe('EchoFunction1A2B3C4D');
    expect(resolve({ Ref: 'HttpApi' })).toBe('HttpApi');
    expect(resolve({ Ref: 'AdmissionWorkflow' })).toBe(
      'arn:aws:states:ap-southeast-1:000000000000:stateMachine:AdmissionWorkflow',
    );
    expect(resolve({ 'Fn::GetAtt': ['AdmissionWorkflow', 'Name'] })).toBe('AdmissionWorkflow');
    expect(resolve({ 'Fn::GetAtt': ['EchoFunction1A2B3C4D', 'Arn'] })).toBe(
      'arn:aws:lambda:ap-southeast-1:000000000000:function:EchoFunction1A2B3C4D',
    );
    expect(resolve({ 'Fn::GetAtt': 'ItemsTable5AAC2C46.Arn' })).toBe(
      'arn:aws:dynamodb:ap-southeast-1:000000000000:table/ItemsTable5AAC2C46',
    );
    expect(resolve({ 'Fn::GetAtt': ['AuditTable', 'StreamArn'] })).toMatch(
      /^arn:aws:dynamodb:ap-southeast-1:000000000000:table\/LocalFixtureStack-audit\/stream\//,
    );
    expect(resolve({ 'Fn::GetAtt': ['EchoFunctionServiceRole', 'Arn'] })).toBe(
      'arn:aws:iam::000000000000:role/EchoFunctionServiceRole',
    );
  });

  it('resolves Join, Sub (both forms), Select and Split inside nested structures', () => {
    const value = {
      list: [
        { 'Fn::Join': [':', ['a', { Ref: 'AWS::Region' }]] },
        {
          'Fn::Sub':
            '${AWS::StackName}/${ItemsTable5AAC2C46}/${AdmissionWorkflow.Name}/${!Literal}',
        },
        {
          'Fn::Sub': [
            'https://${Host}/${AWS::Region}',
            { Host: { 'Fn::Select': [1, { 'Fn::Split': ['.', 'a.b.c'] }] } },
          ],
        },
      ],
      nested: { keep: 1, drop: { Ref: 'AWS::NoValue' } },
    };
    expect(resolve(value)).toEqual({
      list: [
        'a:ap-southeast-1',
        'LocalFixtureStack/ItemsTable5AAC2C46/AdmissionWorkflow/${Literal}',
        'https://b/ap-southeast-1',
      ],
      nested: { keep: 1 },
    });
  });

  it('lets the caller override Ref and GetAtt', () => {
    const overridden = createResolver({
      template,
      refOverrides: { BootstrapVersion: '20' },
      getAttOverrides: { 'HttpApi.ApiEndpoint': 'http://127.0.0.1:3000' },
    });
    expect(overridden({ Ref: 'BootstrapVersion' })).toBe('20');
    expect(overridden({ 'Fn::GetAtt': ['HttpApi', 'ApiEndpoint'] })).toBe('http://127.0.0.1:3000');
    expect(overridden({ 'Fn::Sub': '${HttpApi.ApiEndpoint}/items' })).toBe(
      'http://127.0.0.1:3000/items',
    );
  });

  it('fails loudly on unknown references and functions', () => {
    expect(() => resolve({ Ref: 'Nope' })).toThrow(/Nope, which is not in the template/);
    expect(() => resolve({ 'Fn::GetAtt': ['Nope', 'Arn'] })).toThrow(/Nope is not in the template/);
    expect(() => resolve({ 'Fn::ImportValue': 'shared' })).toThrow(
      /cannot resolve Fn::ImportValue/,
    );
  });

  it('evaluates conditions for Fn::If', () => {
    const withConditions: CfnTemplate = {
      ...template,
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] } },
    };
    const value = { 'Fn::If': ['IsProd', 'big', 'small'] };
    expect(resolveIntrinsics(value, { template: withConditions })).toBe('small');
    expect(resolveIntrinsics(value, { template: withConditions, region: 'eu-west-1' })).toBe('big');
  });

  it('resolves Outputs', () => {
    expect(
      resolveOutputs({ ...context, getAttOverrides: { 'HttpApi.ApiEndpoint': 'http://x' } }),
    ).toEqual({
      ApiUrl: 'http://x',
      ItemsTableName: 'ItemsTable5AAC2C46',
      WorkflowName: 'AdmissionWorkflow',
      ApiSubUrl: 'https://HttpApi.execute-api.ap-southeast-1.amazonaws.com/',
    });
    expect(resolveOutputs(context).ApiUrl).toBe(
      'https://HttpApi.execute-api.ap-southeast-1.amazonaws.com',
    );
  });
});
