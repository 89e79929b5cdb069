/** Error codes the Step Functions API returns (the SDK maps `__type` to exception classes). */
export type SfnErrorCode =
  | 'TaskDoesNotExist'
  | 'InvalidToken'
  | 'TaskTimedOut'
  | 'InvalidOutput'
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'ExecutionLimitExceeded'
  | 'StateMachineDoesNotExist'
  | 'InvalidArn'
  | 'InvalidExecutionInput'
  | 'InvalidName'
  | 'ValidationException'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'ServiceUnavailable';

/** An API-level error of the local Step Functions service (HTTP 400 unless stated). */
export class SfnServiceError extends Error {
  constructor(
    readonly code: SfnErrorCode,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export function isSfnServiceError(err: unknown): err is SfnServiceError {
  return err instanceof SfnServiceError;
}

/**
 * An error raised *into* a running state (Task) so that Retry/Catch match it by `name`.
 * The library turns it into `{ Error: name, Cause: message }` for Catch.
 */
export function stateError(name: string, cause: string): Error {
  const err = new Error(cause);
  err.name = name;
  return err;
}

/**
 * An error that Retry/Catch must not handle (like AWS's States.Runtime).
 * aws-local-stepfunctions reads `isRetryable` / `isCatchable` from the thrown error.
 */
export class UncatchableStateError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}
