/**
 * A refusal is the only way the domain says "no". It carries everything a caller needs to
 * explain the problem to a Vietnamese officer and to a program: a stable code, both languages,
 * and the field at fault. Handlers map it to an HTTP status without inspecting the message.
 */
export type RefusalKind =
  | 'invalid' // 400: the request itself is malformed
  | 'unauthenticated' // 401
  | 'forbidden' // 403: a known user whose role may not do this
  | 'not-found' // 404
  | 'conflict' // 409: the candidate moved on, or another decision got there first
  | 'precondition-failed' // 412: the If-Match version is not the current one
  | 'too-large' // 413
  | 'rule' // 422: well-formed, but a rule of the procedure forbids it
  | 'unavailable'; // 503: try again later

export interface RefusalBody {
  code: string;
  message: string;
  message_en: string;
  field?: string;
  details?: Record<string, unknown>;
}

export class Refusal extends Error {
  readonly name = 'Refusal';
  constructor(
    readonly kind: RefusalKind,
    readonly body: RefusalBody,
  ) {
    super(`${body.code}: ${body.message_en}`);
  }
}

export function refuse(kind: RefusalKind, body: RefusalBody): never {
  throw new Refusal(kind, body);
}

export const HTTP_STATUS_OF: Record<RefusalKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'too-large': 413,
  rule: 422,
  unavailable: 503,
};
