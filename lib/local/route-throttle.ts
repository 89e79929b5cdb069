/**
 * API Gateway's stage throttling, emulated: one token bucket per route key, holding up to the
 * route's `ThrottlingBurstLimit` tokens and refilled at its `ThrottlingRateLimit` per second; a
 * request takes a token or is answered 429 before the authorizer and the integration run. Routes
 * without their own `RouteSettings` entry use the stage's `DefaultRouteSettings`; a route with
 * neither is not throttled by the stage (the account quota is not emulated).
 */
interface ThrottleSettings {
  rateLimit: number;
  burstLimit: number;
}

export interface StageThrottling {
  defaultRoute?: ThrottleSettings;
  routes: Record<string, ThrottleSettings>;
}

interface RouteSettingsProperty {
  ThrottlingRateLimit?: number;
  ThrottlingBurstLimit?: number;
}

/** The stage's settings as the template declares them (DefaultRouteSettings, RouteSettings). */
export function readStageThrottling(stageProperties: {
  DefaultRouteSettings?: RouteSettingsProperty;
  RouteSettings?: Record<string, RouteSettingsProperty>;
}): StageThrottling {
  const settings = (property: RouteSettingsProperty | undefined) =>
    property?.ThrottlingRateLimit === undefined && property?.ThrottlingBurstLimit === undefined
      ? undefined
      : {
          rateLimit: Number(property.ThrottlingRateLimit ?? Number.POSITIVE_INFINITY),
          burstLimit: Number(property.ThrottlingBurstLimit ?? Number.POSITIVE_INFINITY),
        };
  const routes: Record<string, ThrottleSettings> = {};
  for (const [routeKey, property] of Object.entries(stageProperties.RouteSettings ?? {})) {
    const route = settings(property);
    if (route) routes[routeKey] = route;
  }
  return { defaultRoute: settings(stageProperties.DefaultRouteSettings), routes };
}

export interface RouteThrottler {
  /** Takes a token for the route; false when the request is to be throttled. */
  admit(routeKey: string): boolean;
}

export function createRouteThrottler(
  throttling: StageThrottling,
  now: () => number = () => performance.now(),
): RouteThrottler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    admit(routeKey) {
      const limit = throttling.routes[routeKey] ?? throttling.defaultRoute;
      if (!limit) return true;
      const at = now();
      const bucket = buckets.get(routeKey) ?? { tokens: limit.burstLimit, at };
      const refill = ((at - bucket.at) / 1000) * limit.rateLimit;
      bucket.tokens = Math.min(limit.burstLimit, bucket.tokens + refill);
      bucket.at = at;
      buckets.set(routeKey, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
