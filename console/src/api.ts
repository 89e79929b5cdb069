import { createAdmissionClient, type AdmissionApi } from '../../client/api-client';
import type { ConsoleConfig } from './config';

export type { AdmissionApi };

/** The typed client of the officers' API (client/api-client.ts) at the configured base. */
export function apiFor(config: ConsoleConfig, token: string): AdmissionApi {
  const baseUrl = new URL(config.apiBase, location.href).toString().replace(/\/$/, '');
  return createAdmissionClient({ baseUrl, token });
}

/** The API's one error shape (and the gateway's `{message}` when the token is refused). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  message_en: string;
  field?: string;
  details?: Record<string, unknown>;
}

export function refusalOf(error: unknown, response: Response): Refusal {
  const body = (error ?? {}) as Partial<Refusal> & { message?: string };
  if (body.code) return { ...(body as Refusal), status: response.status };
  if (response.status === 401) {
    return {
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'Phiên đăng nhập đã hết hạn, hãy đăng nhập lại',
      message_en: 'Your session has expired; sign in again',
    };
  }
  return {
    status: response.status,
    code: 'HTTP_' + response.status,
    message: `Máy chủ trả lời ${response.status}`,
    message_en: body.message ?? `The server answered ${response.status}`,
  };
}

/** A key for a write that must happen once, whatever the network does. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/** Downloads what a GET returns (CSV, XLSX) with the officer's token, under the server's name. */
export async function download(
  config: ConsoleConfig,
  token: string,
  path: string,
  fallbackName: string,
): Promise<Refusal | undefined> {
  const url = new URL(`${config.apiBase.replace(/\/$/, '')}${path}`, location.href);
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    return refusalOf(await response.json().catch(() => ({})), response);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return undefined;
}
