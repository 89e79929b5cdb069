import type { z } from 'zod';
import type { ErrorCode } from './error-codes';

/** User-facing text: Vietnamese first, English beside it. */
export interface Bilingual {
  vi: string;
  en: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A response header the route sets; documented once in openapi.ts. */
export type ResponseHeader = 'ETag' | 'Location' | 'Content-Disposition' | 'Retry-After';

export interface ResponseContract {
  description: Bilingual;
  /** A zod schema of the JSON body (the handler's output), or a non-JSON media type. */
  schema?: z.ZodType;
  /** Defaults to application/json when `schema` is set. */
  contentType?: string;
  /** Other media types the same status may answer with (a `format=csv` export). */
  alternatives?: { contentType: string; description: Bilingual }[];
  headers?: ResponseHeader[];
}

export interface BodyContract {
  /** The zod schema the handler validates the body with (parseOrRefuse). */
  schema: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
  /** Other media types accepted with a textual description (a CSV file). */
  alternatives?: { contentType: string; description: Bilingual }[];
}

/**
 * One route of the officers' API: what it takes, what it answers and how it refuses.
 * The handler validates with the very schemas named here.
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

/** Keeps the schemas' own types so that handlers parse with them and get typed values back. */
export function defineRoute<const R extends RouteContract>(route: R): R {
  return route;
}
