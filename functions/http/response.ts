import { type RefusalBody } from '../domain/refusal';

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** A binary body (an XLSX export) travels base64-encoded. */
  isBase64Encoded?: boolean;
}

/**
 * Every answer of this API may name a person (a candidate, an officer), so none is kept by a
 * browser or proxy cache, and none is content-sniffed into something it is not (a CSV cell
 * read as HTML). A route whose answer is public overrides the cache policy (the API docs).
 */
const PRIVATE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A file to download (CSV, XLSX): private like every answer, named by the filename. */
export function download(
  contentType: string,
  body: string,
  options: { filename?: string; base64?: boolean } = {},
): HttpResponse {
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      ...PRIVATE_RESPONSE_HEADERS,
      ...(options.filename
        ? { 'content-disposition': `attachment; filename="${options.filename}"` }
        : {}),
    },
    body,
    ...(options.base64 ? { isBase64Encoded: true } : {}),
  };
}

export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...PRIVATE_RESPONSE_HEADERS,
      ...headers,
    },
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
