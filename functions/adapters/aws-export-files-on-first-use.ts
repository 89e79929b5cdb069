import { type ExportFiles } from './export-files';
import { onFirstUse } from './on-first-use';

/**
 * The export store (s3-export-files.ts) with the S3 SDK and its presigner loaded at the first
 * file published rather than at the cold start: an audit export goes to S3 only when its CSV
 * outgrows one response; a JSON page or a small CSV answers inline and never reaches S3.
 */
export function awsExportFilesOnFirstUse(): ExportFiles {
  const files = onFirstUse(async () => (await import('./s3-export-files')).awsExportFiles());
  return { publish: async (file) => (await files()).publish(file) };
}
