import { inflateRawSync } from 'node:zlib';

/** Far above any spreadsheet an officer uploads, far below what could exhaust a function. */
const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024;

export class ZipFormatError extends Error {
  readonly name = 'ZipFormatError';
}

/**
 * Reads a zip archive's files (stored or deflated) from its central directory. Every file is
 * inflated with a ceiling, so a small upload cannot expand into gigabytes (a zip bomb).
 */
export function unzip(archive: Buffer, maxBytes = MAX_UNZIPPED_BYTES): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > archive.length) {
    throw new ZipFormatError('Not a zip archive: no end of central directory');
  }
  const count = archive.readUInt16LE(end + 10);
  let p = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > archive.length || archive.readUInt32LE(p) !== 0x02014b50) {
      throw new ZipFormatError('Bad central directory entry');
    }
    const method = archive.readUInt16LE(p + 10);
    const compressedSize = archive.readUInt32LE(p + 20);
    const nameLength = archive.readUInt16LE(p + 28);
    const extraLength = archive.readUInt16LE(p + 30);
    const commentLength = archive.readUInt16LE(p + 32);
    const localOffset = archive.readUInt32LE(p + 42);
    const name = archive.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (localOffset + 30 > archive.length || archive.readUInt32LE(localOffset) !== 0x04034b50) {
      throw new ZipFormatError('Bad local header');
    }
    const dataStart =
      localOffset +
      30 +
      archive.readUInt16LE(localOffset + 26) +
      archive.readUInt16LE(localOffset + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    try {
      content =
        method === 8
          ? inflateRawSync(data, { maxOutputLength: maxBytes - total })
          : method === 0
            ? Buffer.from(data)
            : (() => {
                throw new ZipFormatError(`Unsupported compression method ${method}`);
              })();
    } catch (error) {
      if (error instanceof ZipFormatError) throw error;
      throw new ZipFormatError(`Cannot inflate ${name}: ${(error as Error).message}`);
    }
    total += content.length;
    if (total > maxBytes) throw new ZipFormatError('The archive expands beyond the limit');
    files.set(name, content);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
