import type { Clock } from './clock';

/** One event of GetExecutionHistory, in the AWS SDK's shape (timestamp as Date). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  [details: string]: unknown;
}

/** The subset of aws-local-stepfunctions' event log entries that is mapped. */
export interface LibraryEvent {
  type: string;
  timestamp: number;
  input?: unknown;
  output?: unknown;
  Error?: string;
  Cause?: unknown;
  index?: number;
  state?: { name: string; type: string; input: unknown; output?: unknown };
  parentState?: { name: string; type: string; input: unknown };
}

const STATE_TYPE_PREFIX: Record<string, string> = {
  Task: 'Task',
  Choice: 'Choice',
  Pass: 'Pass',
  Wait: 'Wait',
  Succeed: 'Succeed',
  Fail: 'Fail',
  Map: 'Map',
  Parallel: 'Parallel',
};

export function json(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

function causeString(cause: unknown): string {
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) return cause.message;
  return json(cause);
}

/** Append-only execution history with AWS ids (1-based) and previousEventId links. */
export class ExecutionHistory {
  readonly events: HistoryEvent[] = [];

  constructor(private readonly clock: Clock) {}

  add(type: string, details?: Record<string, unknown>): HistoryEvent {
    const id = this.events.length + 1;
    const event: HistoryEvent = {
      timestamp: new Date(this.clock.now()),
      type,
      id,
      previousEventId: id - 1,
      ...details,
    };
    this.events.push(event);
    return event;
  }

  /**
   * Maps one library event to AWS history events. Execution-level start/terminal events and
   * Task sub-events (TaskScheduled, TaskSucceeded, ...) are recorded by the service itself.
   * Returns the number of *state transitions* the event represents (entered or retried state).
   */
  addLibraryEvent(event: LibraryEvent): number {
    const state = event.state;
    switch (event.type) {
      case 'StateEntered': {
        if (!state) return 0;
        const prefix = STATE_TYPE_PREFIX[state.type] ?? state.type;
        this.add(`${prefix}StateEntered`, {
          stateEnteredEventDetails: {
            name: state.name,
            input: json(state.input),
            inputDetails: { truncated: false },
          },
        });
        return 1;
      }
      case 'StateExited': {
        if (!state) return 0;
        const prefix = STATE_TYPE_PREFIX[state.type] ?? state.type;
        this.add(`${prefix}StateExited`, {
          stateExitedEventDetails: {
            name: state.name,
            output: json(state.output),
            outputDetails: { truncated: false },
          },
        });
        return 0;
      }
      case 'StateFailed':
        // Task failures are recorded as TaskFailed/TaskTimedOut by the service.
        if (state && (state.type === 'Map' || state.type === 'Parallel')) {
          this.add(`${state.type}StateFailed`);
        }
        return 0;
      case 'StateRetried':
        return 1;
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed': {
        const detailsKey = `${event.type[0].toLowerCase()}${event.type.slice(1)}EventDetails`;
        this.add(event.type, {
          [detailsKey]: { name: event.parentState?.name, index: event.index },
        });
        return 0;
      }
      default:
        return 0;
    }
  }

  addExecutionFailed(error: string, cause: unknown): void {
    this.add('ExecutionFailed', {
      executionFailedEventDetails: { error, cause: causeString(cause) },
    });
  }
}
