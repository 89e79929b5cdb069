import { type CapacityModel, peakActiveOfficers, peakAdmissionsPerSecond } from './capacity-model';

/**
 * Per-route throttling of the HTTP API stage, derived from the capacity model
 * (docs/architecture.md, "Capacity model" and "Throttling"). Each route declares where its
 * traffic comes from: officers browsing (requests per active officer per hour), the files
 * themselves (requests per admission: nominations, decisions) or a fixed ceiling (public pages).
 * The limit is the peak demand times the model's headroom, never below a floor so a quiet route
 * still serves a few officers at once.
 */
type RouteDemand =
  | { perActiveOfficerHour: number }
  | { perAdmission: keyof Pick<CapacityModel, 'nominationsPerAdmission' | 'actionsPerAdmission'> }
  | { perAdmissionCount: number }
  | { fixed: RouteThrottle };

export interface RouteThrottle {
  /** Steady-state requests per second (`ThrottlingRateLimit`). */
  rateLimit: number;
  /** Token bucket size (`ThrottlingBurstLimit`). */
  burstLimit: number;
}

/** Every route of the API (route keys as API Gateway writes them) and its source of traffic. */
const ROUTE_DEMAND: Record<string, RouteDemand> = {
  'POST /candidates': { perAdmission: 'nominationsPerAdmission' },
  'GET /candidates': { perActiveOfficerHour: 10 },
  'GET /candidates/{id}': { perActiveOfficerHour: 30 },
  'GET /candidates/{id}/history': { perActiveOfficerHour: 5 },
  'GET /tasks': { perActiveOfficerHour: 20 },
  'POST /candidates/{id}/actions': { perAdmission: 'actionsPerAdmission' },
  'POST /candidates/bulk-actions': { perActiveOfficerHour: 0.5 },
  'POST /candidates/{id}/corrections': { perActiveOfficerHour: 0.05 },
  'GET /audit': { perActiveOfficerHour: 0.1 },
  'PUT /quotas': { perActiveOfficerHour: 0.1 },
  'GET /quotas': { perActiveOfficerHour: 0.5 },
  'POST /quotas/import': { perActiveOfficerHour: 0.02 },
  'GET /quotas/export': { perActiveOfficerHour: 0.1 },
  'GET /reports/quotas': { perActiveOfficerHour: 2 },
  'POST /classes': { perActiveOfficerHour: 0.05 },
  'GET /classes': { perActiveOfficerHour: 1 },
  'GET /classes/{id}': { perActiveOfficerHour: 2 },
  'POST /classes/{id}/enrolments': { perActiveOfficerHour: 0.5 },
  'POST /classes/{id}/results': { perActiveOfficerHour: 0.5 },
  'POST /units': { perActiveOfficerHour: 0.05 },
  'POST /units/import': { perActiveOfficerHour: 0.01 },
  'GET /units/{id}': { perActiveOfficerHour: 5 },
  'POST /units/{id}/moves': { perActiveOfficerHour: 0.02 },
  'POST /units/{id}/retirement': { perActiveOfficerHour: 0.02 },
  'GET /onboarding/template': { perActiveOfficerHour: 0.05 },
  'POST /onboarding/imports': { perActiveOfficerHour: 0.02 },
  'POST /accounts': { perActiveOfficerHour: 0.1 },
  'GET /accounts': { perActiveOfficerHour: 0.5 },
  'GET /accounts/{id}': { perActiveOfficerHour: 0.5 },
  'PATCH /accounts/{id}': { perActiveOfficerHour: 0.1 },
  'GET /me/deliveries': { perActiveOfficerHour: 1 },
  // An approval link is opened a few times per decision (page, details, a mail scanner's
  // prefetch) and decided once; there are three committee decisions per admission.
  'GET /approvals/{approvalId}': { perAdmissionCount: 9 },
  'GET /approvals/{approvalId}/details': { perAdmissionCount: 6 },
  'POST /approvals/{approvalId}/decision': { perAdmissionCount: 3 },
  // Public reference pages: no officer load, a fixed ceiling against crawlers.
  'GET /openapi.json': { fixed: { rateLimit: 10, burstLimit: 20 } },
  'GET /docs': { fixed: { rateLimit: 10, burstLimit: 20 } },
};

/** Any route without its own settings (`$default`: unknown paths answered 404). */
export const DEFAULT_ROUTE_THROTTLE: RouteThrottle = { rateLimit: 10, burstLimit: 20 };

/** A quiet route still serves this many requests a second, and a burst of twice that. */
const FLOOR_RATE = 10;
/** The bucket holds this many seconds of the steady rate: a page opens several calls at once. */
const BURST_SECONDS = 2;
/**
 * API Gateway's default account-level quota per Region (10,000 requests/s, burst 5,000): the sum
 * of the route limits must stay below it, or the account throttles before the routes do
 * (test/infra/throttling.test.ts checks it).
 * @internal
 */
export const ACCOUNT_RATE_LIMIT = 10_000;
/** @internal */
export const ACCOUNT_BURST_LIMIT = 5_000;

function peakDemand(demand: Exclude<RouteDemand, { fixed: unknown }>, model: CapacityModel) {
  if ('perActiveOfficerHour' in demand) {
    return (peakActiveOfficers(model) * demand.perActiveOfficerHour) / 3600;
  }
  const perAdmission =
    'perAdmission' in demand ? model[demand.perAdmission] : demand.perAdmissionCount;
  return peakAdmissionsPerSecond(model) * perAdmission;
}

function routeThrottle(demand: RouteDemand, model: CapacityModel): RouteThrottle {
  if ('fixed' in demand) return demand.fixed;
  const rateLimit = Math.max(FLOOR_RATE, Math.ceil(peakDemand(demand, model) * model.headroom));
  return { rateLimit, burstLimit: rateLimit * BURST_SECONDS };
}

/**
 * Every officer-driven request of the busiest hour (all routes but the fixed public pages), per
 * officer at work in that hour: what one officer sends on average at the national peak.
 */
export function peakRequestsPerActiveOfficerHour(model: CapacityModel): number {
  const perSecond = Object.values(ROUTE_DEMAND)
    .filter((demand): demand is Exclude<RouteDemand, { fixed: unknown }> => !('fixed' in demand))
    .reduce((total, demand) => total + peakDemand(demand, model), 0);
  return (perSecond * 3600) / peakActiveOfficers(model);
}

/** The limits of every route, by route key. */
export function routeThrottles(model: CapacityModel): Record<string, RouteThrottle> {
  return Object.fromEntries(
    Object.entries(ROUTE_DEMAND).map(([routeKey, demand]) => [
      routeKey,
      routeThrottle(demand, model),
    ]),
  );
}
