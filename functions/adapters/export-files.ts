/** A file written for a caller to download, and the link that downloads it. */
export interface ExportFile {
  /** The object's name in the export store (unique; the adapter adds its prefix). */
  name: string;
  contentType: string;
  /** What the browser saves it as. */
  filename: string;
  body: string;
}

export interface ExportLink {
  url: string;
  /** ISO instant after which the link is refused. */
  expiresAt: string;
}

/** Where exports too large for one response go (S3 on AWS, the local S3 endpoint locally). */
export interface ExportFiles {
  publish(file: ExportFile): Promise<ExportLink>;
}
