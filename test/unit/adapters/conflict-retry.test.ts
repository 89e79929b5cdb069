import {
  CONFLICT_RETRY_POLICY,
  conflictRetryDelay,
  retryOnTransactionConflict,
} from '../../../functions/adapters/conflict-retry';
import {
  isConditionFailure,
  isTransactionConflict,
} from '../../../functions/adapters/dynamodb-errors';

const named = (name: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...fields });
const canceled = (...codes: string[]) =>
  named('TransactionCanceledException', { CancellationReasons: codes.map((Code) => ({ Code })) });

describe('what a DynamoDB error means', () => {
  it('a conflict is contention; a failed condition is a business outcome', () => {
    expect(isTransactionConflict(named('TransactionConflictException'))).toBe(true);
    expect(isTransactionConflict(canceled('None', 'TransactionConflict'))).toBe(true);
    expect(isTransactionConflict(canceled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(
      false,
    );
    expect(isConditionFailure(canceled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(
      true,
    );
    expect(isTransactionConflict(canceled('None', 'None'))).toBe(false);
    expect(isTransactionConflict(named('ConditionalCheckFailedException'))).toBe(false);
    expect(isConditionFailure(named('ConditionalCheckFailedException'))).toBe(true);
    expect(isConditionFailure(canceled('None', 'TransactionConflict'))).toBe(false);
    // Without the parsed reasons, the message lists them.
    const fromMessage = named('TransactionCanceledException');
    fromMessage.message =
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]';
    expect(isTransactionConflict(fromMessage)).toBe(true);
  });
});

describe('conflict retry policy', () => {
  it('draws full jitter under a doubling cap', () => {
    const policy = { ...CONFLICT_RETRY_POLICY, baseDelayMs: 10, maxDelayMs: 50 };
    expect(conflictRetryDelay(1, policy, () => 0.999)).toBe(9);
    expect(conflictRetryDelay(2, policy, () => 0.999)).toBe(19);
    expect(conflictRetryDelay(3, policy, () => 0.5)).toBe(20);
    expect(conflictRetryDelay(9, policy, () => 0.999)).toBe(49);
    expect(conflictRetryDelay(9, policy, () => 0)).toBe(0);
  });

  it('retries conflicts until the attempt succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retryOnTransactionConflict(
      async () => {
        calls += 1;
        if (calls < 3) throw canceled('None', 'TransactionConflict');
        return 'written';
      },
      { sleep: async (ms) => void delays.push(ms), random: () => 0.5 },
    );
    expect(result).toBe('written');
    expect(calls).toBe(3);
    expect(delays).toEqual([12, 25]);
  });

  it('gives up after the attempts, with the conflict itself', async () => {
    let calls = 0;
    const conflict = named('TransactionConflictException');
    await expect(
      retryOnTransactionConflict(
        async () => {
          calls += 1;
          throw conflict;
        },
        { sleep: async () => undefined, policy: { ...CONFLICT_RETRY_POLICY, maxAttempts: 4 } },
      ),
    ).rejects.toBe(conflict);
    expect(calls).toBe(4);
  });

  it('gives up when the next delay would overrun the time budget', async () => {
    let clock = 0;
    let calls = 0;
    await expect(
      retryOnTransactionConflict(
        async () => {
          calls += 1;
          clock += 400;
          throw named('TransactionConflictException');
        },
        {
          now: () => clock,
          random: () => 0.999,
          sleep: async (ms) => void (clock += ms),
          policy: { maxAttempts: 100, baseDelayMs: 100, maxDelayMs: 100, budgetMs: 1_000 },
        },
      ),
    ).rejects.toMatchObject({ name: 'TransactionConflictException' });
    // Attempts end at 400, 899 and 1398 ms: after the third, the next delay would overrun 1 s.
    expect(calls).toBe(3);
  });

  it('never retries a business outcome or another error', async () => {
    for (const error of [
      canceled('ConditionalCheckFailed', 'None'),
      named('ValidationException'),
    ]) {
      let calls = 0;
      await expect(
        retryOnTransactionConflict(async () => {
          calls += 1;
          throw error;
        }),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });
});
