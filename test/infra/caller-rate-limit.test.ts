import { peakRequestsPerActiveOfficerHour, routeThrottles } from '../../lib/api-throttling';
import { callerRateLimits } from '../../lib/caller-rate-limit';
import { capacityModel, NATIONAL_CAPACITY_MODEL } from '../../lib/capacity-model';

/** The web firewall's per-caller limits, derived from the capacity model (a pure function). */
describe('callerRateLimits', () => {
  const national = callerRateLimits(NATIONAL_CAPACITY_MODEL);

  it('lets one officer send many times the peak average, within a one-minute window', () => {
    const averagePerMinute = peakRequestsPerActiveOfficerHour(NATIONAL_CAPACITY_MODEL) / 60;
    expect(national.evaluationWindowSeconds).toBe(60);
    expect(national.perCaller).toBeGreaterThanOrEqual(
      averagePerMinute * NATIONAL_CAPACITY_MODEL.headroom * 10,
    );
    // …yet far below one route's national share: one caller cannot use it up.
    const nationalTasksPerMinute =
      routeThrottles(NATIONAL_CAPACITY_MODEL)['GET /tasks'].rateLimit * 60;
    expect(national.perCaller).toBeLessThan(nationalTasksPerMinute / 10);
  });

  it('counts every officer-driven route: an officer sends tens of requests an hour at the peak', () => {
    const perHour = peakRequestsPerActiveOfficerHour(NATIONAL_CAPACITY_MODEL);
    expect(perHour).toBeGreaterThan(60);
    expect(perHour).toBeLessThan(200);
  });

  it('gives an office behind one address room for many officers', () => {
    expect(national.perAddress).toBeGreaterThanOrEqual(national.perCaller * 20);
  });

  it('tells a blocked caller to wait out the window', () => {
    expect(national.retryAfterSeconds).toBe(national.evaluationWindowSeconds);
  });

  it('follows the model: more headroom, a higher limit; never below WAF minimum of 10', () => {
    const wider = callerRateLimits(
      capacityModel({ headroom: NATIONAL_CAPACITY_MODEL.headroom * 2 }),
    );
    expect(wider.perCaller).toBeGreaterThan(national.perCaller);
    const tiny = callerRateLimits(capacityModel({ headroom: 0.001 }));
    expect(tiny.perCaller).toBe(10);
  });
});
