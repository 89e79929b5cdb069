/**
 * HTTP endpoint speaking S3's REST protocol for objects, so the unmodified `@aws-sdk/client-s3`
 * (endpoint = url, or AWS_ENDPOINT_URL_S3; path-style, as the SDK uses for an IP endpoint) and
 * presigned links work locally.
 *
 * Serves the template's `AWS::S3::Bucket`s: PutObject (PUT /bucket/key), GetObject and HeadObject
 * (GET / HEAD /bucket/key), signed in the Authorization header or presigned in the query string.
 * A presigned URL is verified as S3 verifies it (lib/local/sigv4-presigned.ts): lifetime by the
 * business clock the functions sign with, then the signature with the secret of the credential's
 * access key. `response-content-disposition` / `response-content-type` override the stored
 * headers on a signed GET. An object older than the bucket's lifecycle expiration is gone.
 * A request signed by no one is anonymous and denied (the buckets are private). Errors are S3's
 * XML `<Error><Code/><Message/>…</Error>` with S3's status.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { guarded, listenLocally, readRequestBytes, type LocalServer } from './local-server';
import { S3Error } from './s3-error';
import { readPresigned, verifyPresigned } from './sigv4-presigned';
import { listResources, type CfnTemplate, type Resolve } from './template';

/** Who signed a request: an access key id, from the header or the presigned query. */
export interface S3Request {
  operation: 'PutObject' | 'GetObject' | 'HeadObject';
  bucket: string;
  key: string;
  /** Undefined for an anonymous request. */
  accessKeyId?: string;
  headers: IncomingMessage['headers'];
}

export interface S3EndpointOptions {
  template: CfnTemplate;
  resolve: Resolve;
  /** Keep objects here (under `s3/`); without it they live in memory. */
  dataDir?: string;
  /** The clock the functions sign with (presigned lifetimes). Default: real time. */
  now?: () => number;
  /** The secret of an access key (to verify a presigned URL); undefined for an unknown key. */
  secretOf: (accessKeyId: string) => string | undefined;
  /** IAM (lib/local/iam/service-guards.ts): throws an S3Error to refuse. */
  authorize?: (request: S3Request) => void;
  port?: number;
  host?: string;
}

interface StoredObject {
  contentType: string;
  contentDisposition?: string;
  etag: string;
  lastModified: number;
  body: Buffer;
}

/** 5 GiB is S3's single PUT limit; locally an export is far smaller. */
const MAX_OBJECT_BYTES = 256 * 1024 * 1024;

interface ServedBucket {
  name: string;
  expirationDays?: number;
}

/** The buckets of the template, with their lifecycle expiration (the shortest enabled rule). */
function readBuckets(template: CfnTemplate, resolve: Resolve): ServedBucket[] {
  return listResources(template, 'AWS::S3::Bucket').map(({ logicalId, resource }) => {
    const rules =
      (
        (resolve(resource.Properties?.LifecycleConfiguration) as {
          Rules?: { Status?: string; ExpirationInDays?: number }[];
        }) ?? {}
      ).Rules ?? [];
    const days = rules
      .filter((r) => r.Status === 'Enabled' && typeof r.ExpirationInDays === 'number')
      .map((r) => r.ExpirationInDays!);
    return {
      name: String(resolve({ Ref: logicalId })),
      ...(days.length > 0 ? { expirationDays: Math.min(...days) } : {}),
    };
  });
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendError(res: ServerResponse, error: S3Error, requestId: string, method?: string): void {
  const details = Object.entries(error.details)
    .map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
    .join('');
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code>` +
    `<Message>${xmlEscape(error.message)}</Message>${details}` +
    `<RequestId>${requestId}</RequestId><HostId>local</HostId></Error>`;
  res.writeHead(error.statusCode, {
    'content-type': 'application/xml',
    'x-amz-request-id': requestId,
    ...(method === 'HEAD' ? {} : { 'content-length': Buffer.byteLength(body) }),
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** `aws-chunked` bodies (the SDK's streaming uploads): the chunks' data without signatures or trailers. */
function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(offset, lineEnd).toString('latin1').split(';')[0], 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function objectStore(dataDir: string | undefined) {
  const memory = new Map<string, StoredObject>();
  const dir = dataDir ? path.join(path.resolve(dataDir), 's3') : undefined;
  const fileOf = (bucket: string, key: string) =>
    path.join(dir!, bucket, createHash('sha256').update(key).digest('hex'));
  return {
    put(bucket: string, key: string, object: StoredObject): void {
      memory.set(`${bucket}/${key}`, object);
      if (!dir) return;
      const file = fileOf(bucket, key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const { body, ...meta } = object;
      fs.writeFileSync(`${file}.body`, body, { mode: 0o600 });
      fs.writeFileSync(`${file}.json`, JSON.stringify(meta), { mode: 0o600 });
    },
    get(bucket: string, key: string): StoredObject | undefined {
      const cached = memory.get(`${bucket}/${key}`);
      if (cached || !dir) return cached;
      const file = fileOf(bucket, key);
      if (!fs.existsSync(`${file}.json`)) return undefined;
      const meta = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as Omit<
        StoredObject,
        'body'
      >;
      return { ...meta, body: fs.readFileSync(`${file}.body`) };
    },
  };
}

/** `AWS4-HMAC-SHA256 Credential=AKID/…` → AKID. */
function headerAccessKeyId(headers: IncomingMessage['headers']): string | undefined {
  return /Credential=([^/,\s]+)\//.exec(String(headers.authorization ?? ''))?.[1];
}

export async function startS3Endpoint(options: S3EndpointOptions): Promise<LocalServer> {
  const buckets = new Map(readBuckets(options.template, options.resolve).map((b) => [b.name, b]));
  const objects = objectStore(options.dataDir);
  const now = options.now ?? Date.now;

  const handle = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const rawPath = queryStart < 0 ? url : url.slice(0, queryStart);
    const rawQuery = queryStart < 0 ? '' : url.slice(queryStart + 1);
    const [bucketName, ...keyParts] = rawPath.slice(1).split('/').map(decodeURIComponent);
    const key = keyParts.join('/');
    const method = req.method ?? 'GET';
    const operation = ({ PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject' } as const)[
      method as 'PUT' | 'GET' | 'HEAD'
    ];
    if (!operation || !bucketName || !key) {
      throw new S3Error(
        'NotImplemented',
        'A header you provided implies functionality that is not implemented',
        501,
      );
    }

    let accessKeyId = headerAccessKeyId(req.headers);
    const presigned = readPresigned(rawQuery);
    if (presigned) {
      const secret = options.secretOf(presigned.accessKeyId);
      if (secret === undefined) {
        throw new S3Error(
          'InvalidAccessKeyId',
          'The AWS Access Key Id you provided does not exist in our records.',
          403,
          {
            AWSAccessKeyId: presigned.accessKeyId,
          },
        );
      }
      verifyPresigned({
        method,
        rawPath,
        rawQuery,
        headers: req.headers,
        presigned,
        secretAccessKey: secret,
        nowMs: now(),
      });
      accessKeyId = presigned.accessKeyId;
    }

    const bucket = buckets.get(bucketName);
    if (!bucket) {
      throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, {
        BucketName: bucketName,
      });
    }
    if (!accessKeyId) throw new S3Error('AccessDenied', 'Access Denied', 403);
    options.authorize?.({ operation, bucket: bucketName, key, accessKeyId, headers: req.headers });

    if (operation === 'PutObject') {
      const raw = await readRequestBytes(
        req,
        MAX_OBJECT_BYTES,
        () =>
          new S3Error(
            'EntityTooLarge',
            'Your proposed upload exceeds the maximum allowed size',
            400,
          ),
      );
      const chunked = String(req.headers['content-encoding'] ?? '').includes('aws-chunked');
      const body = chunked ? decodeAwsChunked(raw) : raw;
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      objects.put(bucketName, key, {
        contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'),
        ...(req.headers['content-disposition']
          ? { contentDisposition: String(req.headers['content-disposition']) }
          : {}),
        etag,
        lastModified: now(),
        body,
      });
      res.writeHead(200, {
        etag,
        'x-amz-request-id': requestId,
        'x-amz-server-side-encryption': 'AES256',
        'content-length': 0,
      });
      res.end();
      return;
    }

    const object = objects.get(bucketName, key);
    const expired =
      object &&
      bucket.expirationDays !== undefined &&
      now() > object.lastModified + bucket.expirationDays * 86_400_000;
    if (!object || expired) {
      throw new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
    }
    const query = new URLSearchParams(rawQuery);
    res.writeHead(200, {
      'content-type': query.get('response-content-type') ?? object.contentType,
      ...((query.get('response-content-disposition') ?? object.contentDisposition)
        ? {
            'content-disposition':
              query.get('response-content-disposition') ?? object.contentDisposition,
          }
        : {}),
      'content-length': object.body.length,
      etag: object.etag,
      'last-modified': new Date(object.lastModified).toUTCString(),
      'x-amz-server-side-encryption': 'AES256',
      'x-amz-request-id': requestId,
    });
    res.end(operation === 'HeadObject' ? undefined : object.body);
  };

  return listenLocally((req, res) => {
    const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    guarded(
      (request, response) => handle(request, response, requestId),
      (response, error) => {
        const answer =
          error instanceof S3Error
            ? error
            : new S3Error(
                'InternalError',
                'We encountered an internal error. Please try again.',
                500,
              );
        sendError(response, answer, requestId, req.method);
      },
    )(req, res);
  }, options);
}
