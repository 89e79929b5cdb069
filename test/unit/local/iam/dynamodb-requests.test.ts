import { dynamoDbChecks } from '../../../../lib/local/iam/dynamodb-requests';

const where = { region: 'us-east-1', accountId: '000000000000' };
const table = (name: string) => `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`;

describe('the IAM checks of a DynamoDB request', () => {
  it('authorizes each transaction item as its own action (there is no TransactWriteItems permission)', () => {
    expect(
      dynamoDbChecks(
        'TransactWriteItems',
        {
          TransactItems: [
            { Update: { TableName: 'A', Key: {} } },
            { Put: { TableName: 'A', Item: {} } },
            { ConditionCheck: { TableName: 'B', Key: {} } },
            { Delete: { TableName: 'B', Key: {} } },
          ],
        },
        where,
      ).map(({ action, resource }) => [action, resource]),
    ).toEqual([
      ['dynamodb:UpdateItem', table('A')],
      ['dynamodb:PutItem', table('A')],
      ['dynamodb:ConditionCheckItem', table('B')],
      ['dynamodb:DeleteItem', table('B')],
    ]);
  });

  it('names the index of a Query, and every table of a batch', () => {
    expect(dynamoDbChecks('Query', { TableName: 'A', IndexName: 'GSI1' }, where)).toEqual([
      { action: 'dynamodb:Query', resource: `${table('A')}/index/GSI1` },
    ]);
    expect(
      dynamoDbChecks('BatchGetItem', { RequestItems: { A: {}, B: {} } }, where).map(
        (c) => c.resource,
      ),
    ).toEqual([table('A'), table('B')]);
    expect(dynamoDbChecks('GetItem', { TableName: table('A'), Key: {} }, where)).toEqual([
      { action: 'dynamodb:GetItem', resource: table('A') },
    ]);
  });
});
