/**
 * The local runtime's clock control, served beside the HTTP API (local only, never deployed):
 *
 *   GET  /local/clock                                → { now, offsetMs }
 *   POST /local/clock { "advanceDays": 365 }         → moves the business clock forward
 *        { "advanceMs": 3600000 } | { "to": "2027-01-15T09:00:00+07:00" }
 *
 * After moving, every callback timeout and schedule that became due fires, and the answer waits
 * until the workflows have settled, so a test or a demo reads the consequences right away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { readRequestBody } from './local-server';
import { ClockCannotGoBackError, type RuntimeClock } from './runtime-clock';

const DAY_MS = 24 * 60 * 60 * 1000;
const PATH = '/local/clock';

const moveRequest = z.union([
  z.strictObject({ advanceDays: z.number().int().min(0).max(3660) }),
  z.strictObject({
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(3660 * DAY_MS),
  }),
  z.strictObject({ to: z.iso.datetime({ offset: true }) }),
]);

export interface ClockEndpointOptions {
  clock: RuntimeClock;
  /** Fires what became due and resolves once the workflows have settled. */
  afterMove: () => Promise<void>;
}

export function createClockHandler(options: ClockEndpointOptions) {
  const { clock } = options;
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  const state = () => ({ now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs() });
  const refuse = (res: ServerResponse, status: number, code: string, vi: string, en: string) =>
    reply(res, status, { code, message: vi, message_en: en, field: 'body' });

  const move = async (req: IncomingMessage, res: ServerResponse) => {
    let text: string;
    try {
      text = await readRequestBody(req, 4096, () => new Error('too large'));
    } catch {
      refuse(res, 413, 'BODY_TOO_LARGE', 'Nội dung quá lớn', 'The body is too large');
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text || '{}');
    } catch {
      refuse(
        res,
        400,
        'INVALID_JSON',
        'Nội dung không phải JSON hợp lệ',
        'The body is not valid JSON',
      );
      return;
    }
    const parsed = moveRequest.safeParse(body);
    if (!parsed.success) {
      refuse(
        res,
        400,
        'INVALID_CLOCK_MOVE',
        'Cần đúng một trong advanceDays, advanceMs hoặc to (thời điểm ISO 8601 có múi giờ)',
        'Give exactly one of advanceDays, advanceMs or to (an ISO 8601 time with offset)',
      );
      return;
    }
    const request = parsed.data;
    try {
      if ('advanceDays' in request) clock.advance(request.advanceDays * DAY_MS);
      else if ('advanceMs' in request) clock.advance(request.advanceMs);
      else clock.advanceTo(Date.parse(request.to));
    } catch (error) {
      if (!(error instanceof ClockCannotGoBackError)) throw error;
      refuse(
        res,
        409,
        'CLOCK_CANNOT_GO_BACK',
        'Đồng hồ chỉ được chỉnh tiến, không lùi về quá khứ',
        error.message,
      );
      return;
    }
    await options.afterMove();
    reply(res, 200, state());
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== PATH) return false;
    if (req.method === 'GET') reply(res, 200, state());
    else if (req.method === 'POST') {
      move(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          reply(res, 500, {
            code: 'CLOCK_MOVE_FAILED',
            message: 'Không chỉnh được đồng hồ',
            message_en: `Could not move the clock: ${String(error)}`,
          });
        }
      });
    } else {
      res.writeHead(405, { allow: 'GET, POST' });
      res.end();
    }
    return true;
  };
}
