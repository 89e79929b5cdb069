import { type RefusalBody } from '../domain/refusal';

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** A binary body (an XLSX export) travels base64-encoded. */
  isBase64Encoded?: boolean;
}

export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function refusalResponse(
  statusCode: number,
  body: RefusalBody,
  headers?: Record<string, string>,
) {
  return json(statusCode, body, headers);
}
