import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';

/**
 * aws-local-stepfunctions matches `States.TaskFailed` against every Task error *except*
 * instances of its private `StatesTimeoutError` class (AWS semantics: TaskFailed does not
 * match States.Timeout). The class is not exported, so a one-off probe execution whose
 * Task times out after 1 ms captures its constructor. Until the probe has finished, a
 * plain Error named `States.Timeout` is used (which `States.TaskFailed` would also match).
 */
type ErrorCtor = new () => Error;

let timeoutCtor: ErrorCtor | undefined;
let probe: Promise<boolean> | undefined;

export function primeStatesTimeoutError(): Promise<boolean> {
  if (!probe) {
    probe = (async () => {
      const definition = {
        StartAt: 'Probe',
        States: {
          Probe: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            TimeoutSeconds: 0.001,
            End: true,
          },
        },
      } as unknown as StateMachineDefinition;
      const machine = new StateMachine(definition, { validationOptions: { noValidate: true } });
      const run = machine.run(
        {},
        { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise<never>(() => {}) } } },
      );
      try {
        await run.result;
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause;
        if (cause instanceof Error && cause.name === 'States.Timeout') {
          timeoutCtor = cause.constructor as ErrorCtor;
        }
      }
      return timeoutCtor !== undefined;
    })();
  }
  return probe;
}

/** Creates the `States.Timeout` error to raise into a Task (Cause = `cause`). */
export function createStatesTimeoutError(cause: string): Error {
  let err: Error;
  if (timeoutCtor) {
    err = new timeoutCtor();
  } else {
    err = new Error();
    err.name = 'States.Timeout';
  }
  err.message = cause;
  return err;
}
