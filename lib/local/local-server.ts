import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on loopback (port 0 = any free port) and closes without waiting for idle sockets. */
export async function listenLocally(
  listener: RequestListener,
  options: { port?: number; host?: string } = {},
): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(listener);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (the SDK pools connections) would otherwise delay close.
        server.closeAllConnections();
      }),
  };
}

/** The request body as text, refusing (with `tooLarge()`) more than `maxBytes`. */
export async function readRequestBody(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<string> {
  return (await readRequestBytes(req, maxBytes, tooLarge)).toString('utf8');
}

/** The request body as bytes, refusing (with `tooLarge()`) more than `maxBytes`. */
export function readRequestBytes(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(tooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Runs an async handler; whatever it throws becomes `onError`'s answer (or a dropped socket). */
export function guarded(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  onError: (res: ServerResponse, error: unknown) => void,
): RequestListener {
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      onError(res, error);
    });
  };
}
