/**
 * Query-string (presigned) SigV4 as S3 checks it: the URL carries the algorithm, credential
 * scope, date, lifetime, signed headers and signature; S3 recomputes the signature over the
 * canonical request (method, path as sent, sorted query without the signature, signed headers,
 * `UNSIGNED-PAYLOAD`) with the secret of the credential's access key, and refuses an expired or
 * altered URL (an S3Error with S3's code and wording). Written from the SigV4 specification, independently of the SDK's signer.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { S3Error } from './s3-error';

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 refuses a presigned URL that claims to live longer than a week. */
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;

export interface PresignedRequest {
  accessKeyId: string;
  /** `YYYYMMDD/region/service/aws4_request` */
  scope: string;
  /** `YYYYMMDDTHHMMSSZ` */
  amzDate: string;
  expiresSeconds: number;
  signedHeaders: string[];
  signature: string;
}

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function uriEscape(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function queryPairs(rawQuery: string): [string, string][] {
  if (!rawQuery) return [];
  return rawQuery.split('&').map((pair) => {
    const index = pair.indexOf('=');
    const [key, value] = index < 0 ? [pair, ''] : [pair.slice(0, index), pair.slice(index + 1)];
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, '%20'));
    return [decode(key), decode(value)];
  });
}

/** The presigned fields of a query, or undefined when the request is not query-signed. */
export function readPresigned(rawQuery: string): PresignedRequest | undefined {
  const query = new Map(queryPairs(rawQuery));
  if (!query.has('X-Amz-Algorithm') && !query.has('X-Amz-Signature')) return undefined;
  const fields = [
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Signature',
    'X-Amz-Date',
    'X-Amz-SignedHeaders',
    'X-Amz-Expires',
  ];
  if (fields.some((field) => !query.get(field))) {
    throw new S3Error(
      'AuthorizationQueryParametersError',
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      400,
    );
  }
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) {
    throw new S3Error(
      'AuthorizationQueryParametersError',
      'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
      400,
    );
  }
  const expires = Number(query.get('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 0) {
    throw new S3Error('AuthorizationQueryParametersError', 'X-Amz-Expires should be a number', 400);
  }
  if (expires > MAX_PRESIGNED_SECONDS) {
    throw new S3Error(
      'AuthorizationQueryParametersError',
      `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_SECONDS}`,
      400,
    );
  }
  const credential = query.get('X-Amz-Credential')!;
  const slash = credential.indexOf('/');
  const amzDate = query.get('X-Amz-Date')!;
  if (slash < 1 || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    throw new S3Error(
      'AuthorizationQueryParametersError',
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
      400,
    );
  }
  return {
    accessKeyId: credential.slice(0, slash),
    scope: credential.slice(slash + 1),
    amzDate,
    expiresSeconds: expires,
    signedHeaders: query.get('X-Amz-SignedHeaders')!.split(';'),
    signature: query.get('X-Amz-Signature')!,
  };
}

/** When the URL was signed (X-Amz-Date), in epoch milliseconds. */
function signedAt(presigned: PresignedRequest): number {
  const d = presigned.amzDate;
  return Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +d.slice(9, 11),
    +d.slice(11, 13),
    +d.slice(13, 15),
  );
}

/** The signature S3 computes for this request with `secretAccessKey`. */
export function presignedSignature(input: {
  method: string;
  /** The path exactly as sent (percent-encoded). */
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  presigned: PresignedRequest;
  secretAccessKey: string;
}): string {
  const { presigned } = input;
  const query = queryPairs(input.rawQuery)
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => [uriEscape(key), uriEscape(value)])
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const headers = presigned.signedHeaders
    .map((name) => {
      const value = input.headers[name];
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      return `${name}:${text.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const canonicalRequest = [
    input.method,
    input.rawPath,
    query,
    headers,
    presigned.signedHeaders.join(';'),
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const stringToSign = [
    ALGORITHM,
    presigned.amzDate,
    presigned.scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  let key: Buffer = Buffer.from(`AWS4${input.secretAccessKey}`);
  for (const part of presigned.scope.split('/'))
    key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/**
 * Refuses the request unless it is within its lifetime (by `nowMs`) and its signature is the one
 * `secretAccessKey` gives; S3 checks the lifetime first.
 */
export function verifyPresigned(
  input: Parameters<typeof presignedSignature>[0] & { nowMs: number },
): void {
  const { presigned } = input;
  const start = signedAt(presigned);
  const end = start + presigned.expiresSeconds * 1000;
  if (input.nowMs > end) {
    throw new S3Error('AccessDenied', 'Request has expired', 403, {
      'X-Amz-Expires': String(presigned.expiresSeconds),
      Expires: new Date(end).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ServerTime: new Date(input.nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }
  if (input.nowMs < start - 15 * 60_000) {
    throw new S3Error('AccessDenied', 'Request is not valid yet', 403);
  }
  const expected = Buffer.from(presignedSignature(input));
  const given = Buffer.from(presigned.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new S3Error(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403,
      { AWSAccessKeyId: presigned.accessKeyId },
    );
  }
}
