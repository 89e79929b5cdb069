import { randomBytes } from 'node:crypto';
import { SfnServiceError } from './sfn-errors';

/** Why a token stopped being valid. */
export type TokenOutcome = 'succeeded' | 'failed' | 'timedOut' | 'stopped';

const TOKEN_PREFIX = 'LSFN1';
const TOKEN_RE = /^LSFN1[A-Za-z0-9_-]{86}$/;
const MAX_TOKEN_LENGTH = 2048;

/** Issues unique, single-use task tokens and remembers which ones were closed. */
export class CallbackTokenRegistry<T> {
  private readonly pending = new Map<string, T>();
  private readonly closed = new Map<string, TokenOutcome>();

  /** A fresh, unguessable token (AWS tokens are opaque strings up to 2048 chars). */
  issue(): string {
    return TOKEN_PREFIX + randomBytes(64).toString('base64url');
  }

  register(token: string, entry: T): void {
    this.pending.set(token, entry);
  }

  /** Marks a token as used; it can never be used again. */
  close(token: string, outcome: TokenOutcome): void {
    this.pending.delete(token);
    this.closed.set(token, outcome);
  }

  get size(): number {
    return this.pending.size;
  }

  values(): IterableIterator<T> {
    return this.pending.values();
  }

  /**
   * Returns the pending entry for `token` or throws what AWS throws:
   * - not a string / empty / too long → ValidationException
   * - already closed (success, failure, timeout, execution stopped) → TaskTimedOut
   *   (AWS: "Task Timed Out: 'Provided task does not exist anymore'")
   * - well-formed but never issued → TaskDoesNotExist
   * - malformed → InvalidToken
   */
  lookup(token: unknown): T {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw new SfnServiceError(
        'ValidationException',
        "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length between 1 and 2048",
      );
    }
    const entry = this.pending.get(token);
    if (entry !== undefined) return entry;
    if (this.closed.has(token)) {
      throw new SfnServiceError(
        'TaskTimedOut',
        "Task Timed Out: 'Provided task does not exist anymore'",
      );
    }
    if (TOKEN_RE.test(token)) {
      throw new SfnServiceError('TaskDoesNotExist', 'Task does not exist anymore');
    }
    throw new SfnServiceError('InvalidToken', "Invalid Token: 'Unable to deserialize the token'");
  }

  outcomeOf(token: string): TokenOutcome | 'pending' | undefined {
    if (this.pending.has(token)) return 'pending';
    return this.closed.get(token);
  }
}
