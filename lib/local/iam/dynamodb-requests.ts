/**
 * What IAM checks for one DynamoDB API request: an action and a resource per table, index or
 * transaction item. There is no `dynamodb:TransactWriteItems` permission: each item of a
 * transaction is authorized as its own PutItem, UpdateItem, DeleteItem or ConditionCheckItem
 * (with `dynamodb:EnclosingOperation`), and TransactGetItems as GetItem per item.
 */
export interface DynamoDbCheck {
  action: string;
  resource: string;
  context?: Record<string, string>;
}

const TRANSACT_WRITE_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

export function dynamoDbChecks(
  operation: string,
  input: Record<string, unknown>,
  where: { region: string; accountId: string },
): DynamoDbCheck[] {
  const tableArn = (name: unknown) => {
    const text = String(name);
    return text.startsWith('arn:')
      ? text
      : `arn:aws:dynamodb:${where.region}:${where.accountId}:table/${text}`;
  };
  switch (operation) {
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys((input.RequestItems as object) ?? {}).map((table) => ({
        action: `dynamodb:${operation}`,
        resource: tableArn(table),
      }));
    case 'TransactWriteItems':
      return ((input.TransactItems as Record<string, { TableName?: string }>[]) ?? []).flatMap(
        (item) =>
          Object.entries(item).map(([kind, member]) => ({
            action: TRANSACT_WRITE_ACTIONS[kind] ?? `dynamodb:${kind}`,
            resource: tableArn(member?.TableName),
            context: { 'dynamodb:EnclosingOperation': 'TransactWriteItems' },
          })),
      );
    case 'TransactGetItems':
      return ((input.TransactItems as { Get?: { TableName?: string } }[]) ?? []).map((item) => ({
        action: 'dynamodb:GetItem',
        resource: tableArn(item.Get?.TableName),
        context: { 'dynamodb:EnclosingOperation': 'TransactGetItems' },
      }));
    default: {
      if (input.TableName === undefined) {
        return [{ action: `dynamodb:${operation}`, resource: '*' }];
      }
      const table = tableArn(input.TableName);
      const index = input.IndexName === undefined ? '' : `/index/${String(input.IndexName)}`;
      return [{ action: `dynamodb:${operation}`, resource: table + index }];
    }
  }
}
