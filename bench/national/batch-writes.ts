import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The benchmark's bulk loading: a transaction's items grouped into BatchWriteItem calls (25
 * puts each, several calls at once, unprocessed items resent). Only for a table nobody else
 * writes while it loads: a batch put has no condition.
 */

/** One Put/Update of a TransactWriteItems call, as the store's item builders return them. */
export type TransactItem = {
  Put?: { Item: Record<string, unknown> };
  Update?: {
    Key: Record<string, unknown>;
    UpdateExpression: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  };
  Delete?: unknown;
  ConditionCheck?: unknown;
};

/**
 * The item an `ADD … SET …` update leaves behind when it is the first write to its key, and
 * what adding another such update to it leaves: the store's counter and gauge updates merged
 * (their ADD operands summed), so a million increments are written as their totals.
 */
export function applyUpdate(
  existing: Record<string, unknown> | undefined,
  update: NonNullable<TransactItem['Update']>,
): Record<string, unknown> {
  const names = update.ExpressionAttributeNames ?? {};
  const values = update.ExpressionAttributeValues ?? {};
  const name = (token: string) => (token.startsWith('#') ? names[token] : token);
  const item: Record<string, unknown> = { ...(existing ?? {}), ...update.Key };
  const clauses = update.UpdateExpression.split(/\b(ADD|SET)\b/).map((c) => c.trim());
  for (let i = 1; i < clauses.length; i += 2) {
    const [verb, body] = [clauses[i], clauses[i + 1]];
    for (const part of body
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      if (verb === 'ADD') {
        const [target, operand] = part.split(/\s+/);
        item[name(target)] = ((item[name(target)] as number) ?? 0) + (values[operand] as number);
      } else {
        const [target, operand] = part.split('=').map((p) => p.trim());
        if (!operand.startsWith(':')) throw new Error(`Unsupported SET ${part}`);
        item[name(target)] = values[operand];
      }
    }
  }
  return item;
}

/** Puts every item, `concurrency` calls of 25 at a time; `progress` after each call. */
export async function batchPut(
  documents: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
  options: { concurrency: number; progress?: (written: number) => void },
): Promise<void> {
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + 25);
      next += 25;
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * attempt)));
        const { UnprocessedItems } = await documents.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
      written += chunk.length;
      options.progress?.(written);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}
