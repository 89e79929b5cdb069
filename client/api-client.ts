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

export function createAdmissionClient(options: AdmissionClientOptions): AdmissionApi {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
  });
  if (options.middleware?.length) client.use(...options.middleware);
  return client;
}
