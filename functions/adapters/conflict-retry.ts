import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isTransactionConflict } from './dynamodb-errors';

/**
 * Transaction conflicts, retried inside the function. DynamoDB cancels a transaction that touches
 * an item another transaction holds, and refuses a single write to such an item; nothing was
 * written, and the same request usually succeeds a few milliseconds later. The SDK does not retry
 * these (they are 400s), so every DynamoDB client of the functions does, with full jitter so that
 * the requests that collided do not collide again. When the budget is spent the error goes up:
 * the HTTP layer answers 503 with Retry-After, Step Functions retries the task.
 */
export interface ConflictRetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The cap of the first retry's delay; it doubles each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has gone since the first attempt. */
  budgetMs: number;
}

export const CONFLICT_RETRY_POLICY: ConflictRetryPolicy = {
  maxAttempts: 16,
  baseDelayMs: 25,
  maxDelayMs: 800,
  budgetMs: 6_000,
};

/** Full jitter: a uniform delay between 0 and the exponential cap of this retry (1-based). */
export function conflictRetryDelay(
  retry: number,
  policy: ConflictRetryPolicy,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

export interface ConflictRetryOptions {
  policy?: ConflictRetryPolicy;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails otherwise than by a conflict, or the policy is spent. */
export async function retryOnTransactionConflict<T>(
  attempt: () => Promise<T>,
  options: ConflictRetryOptions = {},
): Promise<T> {
  const policy = options.policy ?? CONFLICT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const started = now();
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      const delay = conflictRetryDelay(attempts, policy, options.random);
      if (attempts >= policy.maxAttempts || now() - started + delay > policy.budgetMs) throw error;
      await sleep(delay);
    }
  }
}

/**
 * Adds the retry to a client: every command is sent again, whole (serialised and signed anew),
 * while DynamoDB answers with a transaction conflict.
 */
export function retryTransactionConflicts<Client extends DynamoDBClient>(client: Client): Client {
  client.middlewareStack.add((next) => (args) => retryOnTransactionConflict(() => next(args)), {
    step: 'initialize',
    name: 'retryTransactionConflicts',
    priority: 'high',
    override: true,
  });
  return client;
}
