import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import { type Caller } from '../domain/caller';
import { parseOrRefuse } from '../domain/parse';
import { refuse } from '../domain/refusal';
import { callerOf } from './caller-of';
import { type RouteContract } from './contract/route';
import { idempotencyKeyOf } from './idempotency-key';
import { ifMatchVersionOf } from './if-match';
import { jsonBody } from './json-body';

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The path parameters as the route's schema gives them (none on a page shown a malformed link). */
type PathOf<R extends RouteContract> = R extends { params: infer S }
  ? R extends { malformedPath: 'page' }
    ? Output<S> | undefined
    : Output<S>
  : undefined;

/** The body as the route's JSON schema gives it, or as a route's own reader decodes it. */
export type JsonBodyOf<R extends RouteContract> = R extends { body: { schema: infer S } }
  ? Output<S>
  : undefined;

/** Everything a handler needs from a request, checked against the route's registry entry. */
export interface RouteInput<R extends RouteContract, Body = JsonBodyOf<R>> {
  caller: R extends { auth: 'jwt' } ? Caller : undefined;
  path: PathOf<R>;
  query: R extends { query: infer S } ? Output<S> : undefined;
  body: Body;
  idempotencyKey: R extends { idempotent: true } ? string : undefined;
  /**
   * What the command is remembered under (caller, route, resource and Idempotency-Key): the
   * items a bulk command writes are named after it, so a replay finds them.
   */
  commandKey: R extends { idempotent: true } ? string : undefined;
  /** The version `If-Match` names, on a route that honours it and when the request sent one. */
  ifMatch: R extends { ifMatch: true } ? number | undefined : undefined;
}

/** A route's input once its types are erased (what the middleware passes along). */
export interface AnyRouteInput {
  caller?: Caller;
  path?: unknown;
  query?: unknown;
  body?: unknown;
  idempotencyKey?: string;
  commandKey?: string;
  ifMatch?: number;
}

/** How a route reads what its registry entry cannot say alone. */
export interface RouteReading<Body> {
  /** Runs before anything about the request is read: a role that may not act learns that first. */
  authorize?: (caller: Caller) => void;
  /** Checks the decoded JSON before its schema (a bulk request's size and duplicates first). */
  checkBody?: (raw: unknown) => void | Promise<void>;
  /** Decodes a body that is not the route's JSON (a CSV or spreadsheet file). */
  readBody?: (event: APIGatewayProxyEventV2) => Body;
}

function pathOf(route: RouteContract, event: APIGatewayProxyEventV2): unknown {
  if (!route.params) return undefined;
  const raw = event.pathParameters ?? {};
  const malformed = route.malformedPath;
  if (malformed === undefined) return parseOrRefuse(route.params, raw, { code: 'INVALID_PATH' });
  const parsed = route.params.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (malformed === 'page') return undefined;
  return refuse('not-found', { ...malformed.notFound, field: /\{(\w+)\}/.exec(route.path)?.[1] });
}

/**
 * Reads a request as its route declares it, in the order a client can best act on: who asks
 * (and whether their role may), the path, the Idempotency-Key, If-Match, the query, the body.
 * Each refusal has the one error shape (code, Vietnamese and English message, field).
 */
export async function readRouteInput<R extends RouteContract, Body>(
  route: R,
  reading: RouteReading<Body>,
  event: APIGatewayProxyEventV2,
): Promise<RouteInput<R, Body>> {
  const caller = route.auth === 'jwt' ? callerOf(event) : undefined;
  if (caller && reading.authorize) reading.authorize(caller);
  const path = pathOf(route, event);
  const idempotencyKey = route.idempotent ? idempotencyKeyOf(event) : undefined;
  const ifMatch = route.ifMatch ? ifMatchVersionOf(event) : undefined;
  const query = route.query
    ? parseOrRefuse(route.query, event.queryStringParameters ?? {}, { code: 'INVALID_QUERY' })
    : undefined;
  let body: unknown;
  if (reading.readBody) {
    body = reading.readBody(event);
  } else if (route.body) {
    const raw = jsonBody(event);
    await reading.checkBody?.(raw);
    body = parseOrRefuse(route.body.schema, raw, { code: 'INVALID_BODY' });
  }
  return { caller, path, query, body, idempotencyKey, ifMatch } as RouteInput<R, Body>;
}
