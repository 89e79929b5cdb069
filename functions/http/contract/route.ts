import type { z } from 'zod';
import { builtOnFirstUse } from '../../domain/built-on-first-use';
import type { ErrorCode } from './error-codes';

/** The 404 a route answers for a path id that cannot exist (the field is the parameter's name). */
export interface PathNotFound {
  code: ErrorCode;
  message: string;
  message_en: string;
}

/** User-facing text: Vietnamese first, English beside it. */
export interface Bilingual {
  vi: string;
  en: string;
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A response header the route sets; documented once in openapi.ts. */
export type ResponseHeader = 'ETag' | 'Location' | 'Content-Disposition' | 'Retry-After';

export interface ResponseContract {
  description: Bilingual;
  /**
   * The zod schema of the JSON body (the handler's output), built when asked for: only the
   * OpenAPI document reads it, so no function builds its answers' schemas at its cold start.
   * Or a non-JSON media type.
   */
  schema?: () => z.ZodType;
  /** Defaults to application/json when `schema` is set. */
  contentType?: string;
  /** Other media types the same status may answer with (a `format=csv` export). */
  alternatives?: { contentType: string; description: Bilingual }[];
  headers?: ResponseHeader[];
}

interface BodyContract {
  /** The zod schema the contract middleware reads a JSON body with (functions/http/route-input.ts). */
  schema: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
  /** Other media types accepted with a textual description (a CSV file). */
  alternatives?: { contentType: string; description: Bilingual }[];
}

/**
 * One route of the officers' API: what it takes, what it answers and how it refuses.
 * The contract middleware (functions/http/contract-middleware.ts) reads requests with the very
 * schemas named here.
 */
export interface RouteContract {
  method: HttpMethod;
  /** API Gateway path syntax: `/candidates/{id}`. */
  path: string;
  /** Stable name for the OpenAPI operation and the typed client. */
  operationId: string;
  tag: string;
  summary: Bilingual;
  description: Bilingual;
  /** `jwt`: an officer's Cognito token (Authorization: Bearer). `none`: a public route. */
  auth: 'jwt' | 'none';
  /** A write: requires the Idempotency-Key header (a replay answers the first response). */
  idempotent?: boolean;
  /** Honours `If-Match: "<version>"` (the ETag of the read) on this write. */
  ifMatch?: boolean;
  params?: z.ZodType;
  /**
   * A path parameter of the wrong shape. By default 400 INVALID_PATH. An id that can name nothing
   * may answer as not found instead (`notFound`: the route's own 404, as for an id that does not
   * exist); a page for people shows its own invalid-link state (`page`: the handler gets no path).
   */
  malformedPath?: { notFound: PathNotFound } | 'page';
  query?: z.ZodType;
  body?: BodyContract;
  responses: Partial<Record<number, ResponseContract>>;
  /** Every refusal code the route can answer (grouped by status in the document). */
  errors: readonly ErrorCode[];
}

/** `METHOD /path`, the same key API Gateway gives the deployed route (`routeKey`). */
export type RouteKey = `${HttpMethod} /${string}`;

export function routeKeyOf(route: Pick<RouteContract, 'method' | 'path'>): RouteKey {
  return `${route.method} ${route.path}` as RouteKey;
}

/** Keeps the schemas' own types so that each handler gets its input typed by its route's schemas. */
export function defineRoute<const R extends RouteContract>(route: R): R {
  return route;
}

/**
 * The registry of routes, each defined (its schemas built) the first time it is read: a function
 * serves one route or a few, and would otherwise build the schemas of every route of the API at its
 * cold start (docs/architecture.md, "Bundles"). Listing the registry defines them all.
 */
export function routesBuiltOnFirstUse<Definitions extends Record<string, () => RouteContract>>(
  definitions: Definitions,
): { readonly [Key in keyof Definitions]: ReturnType<Definitions[Key]> } {
  const routes = {};
  for (const [key, define] of Object.entries(definitions)) {
    Object.defineProperty(routes, key, { enumerable: true, get: builtOnFirstUse(define) });
  }
  return routes as { readonly [Key in keyof Definitions]: ReturnType<Definitions[Key]> };
}
