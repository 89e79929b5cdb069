import { peakRequestsPerActiveOfficerHour } from './api-throttling';
import type { CapacityModel } from './capacity-model';

/**
 * The per-caller limits of the web firewall (lib/web-firewall.ts), derived from the capacity model
 * (docs/architecture.md, "Capacity model" and "Throttling"). The HTTP API's limits are per route
 * and shared by the whole country; these are per caller, so one officer's script or a stolen token
 * cannot use up a route's share.
 *
 * An officer at the peak sends `peakRequestsPerActiveOfficerHour` requests in an hour on average;
 * a busy officer does an hour's average in a few minutes (a roster graded, a page of files opened
 * one after another), so the limit allows `CALLER_INTENSITY` times the average rate, times the
 * model's headroom.
 */
export interface CallerRateLimits {
  /** WAF's evaluation window: the trailing seconds over which requests are counted. */
  evaluationWindowSeconds: 60 | 120 | 300 | 600;
  /** Requests one caller (one `Authorization` header) may send in the window. */
  perCaller: number;
  /** Requests one source address may send in the window, with or without a token. */
  perAddress: number;
  /**
   * What a blocked caller is told to wait (`Retry-After`): the window, after which a caller who
   * stopped has no request left in it. WAF reviews its counts every few seconds, so a block
   * lifts shortly after.
   */
  retryAfterSeconds: number;
}

/** A working officer at their busiest against the average officer of the peak hour (assumption). */
const CALLER_INTENSITY = 12;
/**
 * Officers behind one public address: a committee office or an enterprise behind one NAT
 * (assumption); the address limit catches floods from callers that rotate tokens or send none.
 */
const OFFICERS_PER_ADDRESS = 50;
/** WAF refuses a rate-based limit below 10 requests in the window. */
const WAF_MINIMUM_LIMIT = 10;
const WINDOW_SECONDS = 60;

export function callerRateLimits(model: CapacityModel): CallerRateLimits {
  const averagePerWindow = (peakRequestsPerActiveOfficerHour(model) * WINDOW_SECONDS) / 3600;
  const perCaller = Math.max(
    WAF_MINIMUM_LIMIT,
    Math.ceil(averagePerWindow * CALLER_INTENSITY * model.headroom),
  );
  return {
    evaluationWindowSeconds: WINDOW_SECONDS,
    perCaller,
    perAddress: perCaller * OFFICERS_PER_ADDRESS,
    retryAfterSeconds: WINDOW_SECONDS,
  };
}
