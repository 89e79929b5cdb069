import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { traced } from '../observability/tracer';
import { requiredEnv } from './dynamodb-documents';
import { type ExportFile, type ExportFiles, type ExportLink } from './export-files';

/** Long enough to start a download from the answer; short enough that a leaked link dies soon. */
const EXPORT_LINK_SECONDS = 15 * 60;

/**
 * Writes an export to the bucket EXPORT_BUCKET_NAME names (lib/audit-exports.ts: private,
 * encrypted, objects gone after a day) and answers a presigned GET signed by this function's
 * role, which saves the file under its name (`Content-Disposition`).
 */
class S3ExportFiles implements ExportFiles {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async publish(file: ExportFile): Promise<ExportLink> {
    const key = `audit/${file.name}`;
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: file.body,
        ContentType: file.contentType,
      }),
    );
    const signedAt = Date.now();
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: `attachment; filename="${file.filename}"`,
      }),
      { expiresIn: EXPORT_LINK_SECONDS, signingDate: new Date(signedAt) },
    );
    return { url, expiresAt: new Date(signedAt + EXPORT_LINK_SECONDS * 1000).toISOString() };
  }
}

export function awsExportFiles(): ExportFiles {
  return new S3ExportFiles(
    traced(new S3Client({ maxAttempts: 5 })),
    requiredEnv('EXPORT_BUCKET_NAME'),
  );
}
