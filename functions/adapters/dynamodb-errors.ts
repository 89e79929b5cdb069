/**
 * What a DynamoDB error means for the caller, read from its name and cancellation reasons (no SDK
 * classes: the Powertools idempotency layer and the document client may carry different copies).
 *
 * - a condition failure is a business outcome: the item is not as the write expected;
 * - a transaction conflict is contention: another request held one of the items for a moment,
 *   nothing was written, and the same request may succeed if sent again.
 */
interface CancellationReason {
  Code?: string;
}

type DynamoDbError = Error & { CancellationReasons?: CancellationReason[] };

const reasonCodesOf = (error: DynamoDbError): string[] => {
  if (error.CancellationReasons) return error.CancellationReasons.map((r) => r.Code ?? 'None');
  // "Transaction cancelled, please refer cancellation reasons for specific reasons [None, …]"
  const listed = /\[([^\]]*)\]\s*$/.exec(error.message ?? '')?.[1];
  return listed ? listed.split(',').map((code) => code.trim()) : [];
};

export function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  return (
    error.name === 'TransactionCanceledException' &&
    reasonCodesOf(error).includes('ConditionalCheckFailed')
  );
}

/**
 * True for `TransactionConflictException` (a single write to an item a transaction holds), and
 * for a `TransactionCanceledException` whose only reasons are `TransactionConflict` (and `None`).
 * A cancellation that also names a failed condition is a business outcome, not contention.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TransactionConflictException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const codes = reasonCodesOf(error).filter((code) => code !== 'None');
  return codes.length > 0 && codes.every((code) => code === 'TransactionConflict');
}
