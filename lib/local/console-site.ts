/**
 * The officers' console on this machine, as CloudFront serves it on AWS (docs/architecture.md,
 * "Console"): the built files under `/app/`, `/app/config.json` naming the local managed login
 * (lib/local/managed-login.ts) and the API at `/api`, and the same security headers (a CSP
 * without 'unsafe-inline'), so a page that breaks the policy breaks here first.
 */
import type * as http from 'node:http';
import type { ConsoleConfig } from '../../console/src/config';

export const CONSOLE_PATH = '/app/';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

export interface ConsoleSiteOptions {
  /** The built files by name; asked once, at the first request (the runtime starts it early). */
  files: () => Promise<Map<string, Uint8Array>>;
  /** The sign-in service's origin, which the console posts the code to (the CSP's connect-src). */
  issuerOrigin: string;
  /** The configuration for a browser that reached the console at `origin`. */
  config: (origin: string) => ConsoleConfig;
}

function securityHeaders(issuerOrigin: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      `connect-src 'self' ${issuerOrigin}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  };
}

export function createConsoleSite(
  options: ConsoleSiteOptions,
): (request: http.IncomingMessage, response: http.ServerResponse) => boolean {
  const headers = securityHeaders(options.issuerOrigin);
  return (request, response) => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname === '/app') {
      response.writeHead(301, { location: CONSOLE_PATH });
      response.end();
      return true;
    }
    if (!pathname.startsWith(CONSOLE_PATH)) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return true;
    }
    const name = pathname.slice(CONSOLE_PATH.length) || 'index.html';
    const send = (status: number, type: string, body: Uint8Array | string, cache: string) => {
      response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': cache });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (name === 'config.json') {
      const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
      send(200, TYPES.json, JSON.stringify(options.config(origin)), 'no-store');
      return true;
    }
    options.files().then(
      (files) => {
        const file = files.get(name);
        if (!file) return send(404, 'text/plain; charset=utf-8', 'Not Found', 'no-store');
        const type = TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
        send(200, type, file, name === 'index.html' ? 'no-cache' : 'public, max-age=60');
      },
      (error: Error) =>
        send(
          500,
          'text/plain; charset=utf-8',
          `Console build failed: ${error.message}`,
          'no-store',
        ),
    );
    return true;
  };
}
