import { createHash } from 'node:crypto';

/** The ETag of a versioned resource: its version, quoted; If-Match sends it back. */
export function versionETag(version: number): string {
  return `"${version}"`;
}

/** A weak ETag of a resource without a version (a unit on a day): a digest of what was sent. */
export function contentETag(body: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  return `W/"${digest.slice(0, 22)}"`;
}
