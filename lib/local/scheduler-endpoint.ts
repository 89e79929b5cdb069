/**
 * HTTP endpoint speaking EventBridge Scheduler's REST-JSON protocol, so the unmodified
 * `@aws-sdk/client-scheduler` (AWS_ENDPOINT_URL_SCHEDULER) manages schedules of the local runtime:
 *
 *   POST   /schedules/{Name}            CreateSchedule   → { ScheduleArn }
 *   PUT    /schedules/{Name}            UpdateSchedule   → { ScheduleArn }
 *   GET    /schedules/{Name}?groupName= GetSchedule
 *   DELETE /schedules/{Name}?groupName= DeleteSchedule
 *   GET    /schedules?ScheduleGroup=&NamePrefix=&State=&MaxResults=&NextToken=  ListSchedules
 *
 * Errors carry `x-amzn-ErrorType` and `{ Message }`, with the status Scheduler uses (Conflict 409,
 * ResourceNotFound 404, Validation 400). Timestamps are epoch seconds, as on the wire.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsServiceError, sendAwsJson } from './aws-json-protocol';
import type { CreateScheduleInput, LocalScheduler, StoredSchedule } from './local-scheduler';
import { guarded, listenLocally, readRequestBody, type LocalServer } from './local-server';
import { listResources, type CfnTemplate, type Resolve } from './template';

export type SchedulerEndpoint = LocalServer;

const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_PAGE = 100;

/** The names of the template's schedule groups. */
export function readScheduleGroupNames(template: CfnTemplate, resolve: Resolve): string[] {
  return listResources(template, 'AWS::Scheduler::ScheduleGroup').map(({ logicalId, resource }) =>
    String(
      resource.Properties?.Name ? resolve(resource.Properties.Name) : resolve({ Ref: logicalId }),
    ),
  );
}

/** One Scheduler API request, as IAM sees it (lib/local/iam/service-guards.ts). */
export interface SchedulerRequest {
  operation:
    'CreateSchedule' | 'UpdateSchedule' | 'GetSchedule' | 'DeleteSchedule' | 'ListSchedules';
  name?: string;
  groupName: string;
  input?: CreateScheduleInput;
}

export async function startSchedulerEndpoint(options: {
  scheduler: LocalScheduler;
  port?: number;
  host?: string;
  /** May refuse a request before it runs (throws AwsServiceError, e.g. AccessDeniedException). */
  authorize?: (request: IncomingMessage, details: SchedulerRequest) => void;
}): Promise<SchedulerEndpoint> {
  const { scheduler } = options;
  const send = (res: ServerResponse, status: number, body: unknown, errorType?: string) =>
    sendAwsJson(res, { status, body, contentType: 'application/json', errorType });
  const sendError = (res: ServerResponse, error: unknown) => {
    const e =
      error instanceof AwsServiceError
        ? error
        : new AwsServiceError('InternalServerException', String(error), 500);
    send(res, e.statusCode, { Message: e.message }, e.code);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/schedules(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) {
      throw new AwsServiceError('UnknownOperationException', `No route ${url.pathname}`, 404);
    }
    const name = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
    const query = url.searchParams;
    if (name === undefined) {
      if (req.method !== 'GET') throw unsupported(req.method);
      options.authorize?.(req, {
        operation: 'ListSchedules',
        groupName: query.get('ScheduleGroup') ?? 'default',
      });
      const all = scheduler.list({
        groupName: query.get('ScheduleGroup') ?? undefined,
        namePrefix: query.get('NamePrefix') ?? undefined,
        state: query.get('State') ?? undefined,
      });
      const start = Number(query.get('NextToken') ?? 0) || 0;
      const size = Number(query.get('MaxResults') ?? DEFAULT_PAGE) || DEFAULT_PAGE;
      const page = all.slice(start, start + size);
      send(res, 200, {
        Schedules: page.map(toSummary),
        ...(start + size < all.length ? { NextToken: String(start + size) } : {}),
      });
      return;
    }
    switch (req.method) {
      case 'POST':
      case 'PUT': {
        const body = await readRequestBody(
          req,
          MAX_BODY_BYTES,
          () => new AwsServiceError('ValidationException', 'Request body too large', 413),
        );
        let input: CreateScheduleInput;
        try {
          input = { ...(JSON.parse(body || '{}') as CreateScheduleInput), Name: name };
        } catch {
          throw new AwsServiceError('ValidationException', 'Request body is not valid JSON');
        }
        options.authorize?.(req, {
          operation: req.method === 'POST' ? 'CreateSchedule' : 'UpdateSchedule',
          name,
          groupName: input.GroupName ?? 'default',
          input,
        });
        send(res, 200, req.method === 'POST' ? scheduler.create(input) : scheduler.update(input));
        return;
      }
      case 'GET':
        options.authorize?.(req, {
          operation: 'GetSchedule',
          name,
          groupName: query.get('groupName') ?? 'default',
        });
        send(res, 200, toWire(scheduler.get(name, query.get('groupName') ?? undefined)));
        return;
      case 'DELETE':
        options.authorize?.(req, {
          operation: 'DeleteSchedule',
          name,
          groupName: query.get('groupName') ?? 'default',
        });
        scheduler.delete(name, query.get('groupName') ?? undefined);
        send(res, 200, {});
        return;
      default:
        throw unsupported(req.method);
    }
  };
  return listenLocally(guarded(handle, sendError), options);
}

const unsupported = (method: string | undefined) =>
  new AwsServiceError('UnknownOperationException', `Unsupported method ${method}`, 405);

const seconds = (epochMs: number) => epochMs / 1000;

function toWire(schedule: StoredSchedule) {
  return {
    Arn: schedule.Arn,
    Name: schedule.Name,
    GroupName: schedule.GroupName,
    ScheduleExpression: schedule.ScheduleExpression,
    ScheduleExpressionTimezone: schedule.ScheduleExpressionTimezone,
    Description: schedule.Description,
    State: schedule.State,
    FlexibleTimeWindow: schedule.FlexibleTimeWindow,
    ActionAfterCompletion: schedule.ActionAfterCompletion,
    Target: schedule.Target,
    CreationDate: seconds(schedule.CreationDate),
    LastModificationDate: seconds(schedule.LastModificationDate),
  };
}

function toSummary(schedule: StoredSchedule) {
  const { Arn, Name, GroupName, State, CreationDate, LastModificationDate } = toWire(schedule);
  return {
    ...{ Arn, Name, GroupName, State, CreationDate, LastModificationDate },
    Target: { Arn: schedule.Target.Arn },
  };
}
