import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './api-types';

/**
 * The typed client of the officers' API. Its paths, parameters, bodies and responses are the
 * types openapi-typescript generated from the OpenAPI document (client/api-types.ts), which is
 * generated from the route contract registry: a call the contract does not allow does not compile.
 *
 *   const api = createAdmissionClient({ baseUrl: 'http://127.0.0.1:3000', token });
 *   const { data, error } = await api.GET('/candidates/{id}', { params: { path: { id } } });
 */
export type AdmissionApi = Client<paths>;
export type { paths };

export interface AdmissionClientOptions {
  baseUrl: string;
  /** An officer's JWT, sent as `Authorization: Bearer`. */
  token?: string;
  /** Observes or changes requests and responses (the e2e tests record every response). */
  middleware?: Middleware[];
}

/**
 * API Gateway answers 429 `{"message":"Too Many Requests"}` when a route's throttling limit is
 * reached (docs/architecture.md, "Throttling"), before any function runs: nothing was done, so
 * the request is sent again, whatever its method, after Retry-After when a response carries one,
 * else after an exponential backoff with jitter (as the AWS SDKs retry throttling).
 */
export function retryThrottled(
  fetchImpl: typeof fetch = globalThis.fetch,
  { attempts = 8, baseDelayMs = 100, maxDelayMs = 5_000 } = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      const response = await fetchImpl(request.clone());
      if (response.status !== 429 || attempt >= attempts) return response;
      const retryAfter = Number(response.headers.get('retry-after'));
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      const delay =
        retryAfter > 0 ? retryAfter * 1000 : backoff / 2 + Math.random() * (backoff / 2);
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
}

export function createAdmissionClient(options: AdmissionClientOptions): AdmissionApi {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: retryThrottled(),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
  });
  if (options.middleware?.length) client.use(...options.middleware);
  return client;
}
