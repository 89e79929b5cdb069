/** An S3 error: its code, message, HTTP status and the extra elements S3 puts in the XML. */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}
