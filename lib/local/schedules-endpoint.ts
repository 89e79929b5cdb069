/**
 * Runs one of the template's scheduled rules now, served beside the HTTP API (local only, never
 * deployed). Locally a cron is only approximated (lib/local/schedules.ts); a test or a demo that
 * needs "the 07:00 run" asks for it here:
 *
 *   POST /local/schedules/{name}/run  → 200 { schedule, result } once the target has returned
 *        (name: the rule's logical id, or its start: `DigestDailyDigestSchedule`)
 *
 * The run goes through the same path as a timer's (IAM: the rule's Lambda permission). Unknown or
 * ambiguous name: 404 / 409; the same schedule still running: 409; the target failed: 502.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ScheduleRunner, ScheduleRunningError } from './schedules';

const RUN = /^\/local\/schedules\/([^/]+)\/run$/;

export function createSchedulesHandler(runner: () => ScheduleRunner | undefined) {
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  const refuse = (res: ServerResponse, status: number, code: string, vi: string, en: string) =>
    reply(res, status, { code, message: vi, message_en: en, field: 'name' });

  const run = async (name: string, res: ServerResponse): Promise<void> => {
    const schedules = runner();
    if (!schedules) {
      refuse(
        res,
        503,
        'SCHEDULES_NOT_STARTED',
        'Lịch chạy chưa khởi động',
        'Schedules have not started yet',
      );
      return;
    }
    const found = schedules.find(name);
    if (found.length === 0) {
      refuse(
        res,
        404,
        'SCHEDULE_NOT_FOUND',
        `Không có lịch chạy ${name}`,
        `No schedule named ${name}`,
      );
      return;
    }
    if (found.length > 1) {
      refuse(
        res,
        409,
        'SCHEDULE_AMBIGUOUS',
        `Tên ${name} ứng với nhiều lịch chạy`,
        `${name} names several schedules: ${found.map((s) => s.name).join(', ')}`,
      );
      return;
    }
    const [schedule] = found;
    try {
      const result = await schedules.runNow(schedule);
      reply(res, 200, { schedule: schedule.name, result: result ?? null });
    } catch (error) {
      if (error instanceof ScheduleRunningError) {
        refuse(res, 409, 'SCHEDULE_RUNNING', `Lịch ${schedule.name} đang chạy`, error.message);
        return;
      }
      const err = error as Error;
      reply(res, 502, {
        code: 'SCHEDULE_TARGET_FAILED',
        message: `Lịch ${schedule.name} chạy không thành công`,
        message_en: `${err.name}: ${err.message}`,
        field: 'name',
      });
    }
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
    const match = RUN.exec(path);
    if (!match || req.method !== 'POST') return false;
    run(decodeURIComponent(match[1]), res).catch((error: unknown) => {
      if (!res.headersSent) reply(res, 500, { code: 'INTERNAL', message_en: String(error) });
    });
    return true;
  };
}
