import type { Middleware } from 'openapi-fetch';
import { ContractValidator, type RecordedResponse } from './contract-validator';

/**
 * Every response the e2e client (ApiClient, through the typed client) sees in this test file.
 * test/e2e/support/contract-check.ts validates them against the OpenAPI document after the file's
 * tests; test/e2e/contract.test.ts also asserts that every route was seen.
 */
export const recordedResponses: RecordedResponse[] = [];

export const recordResponses: Middleware = {
  async onResponse({ request, response }) {
    const url = new URL(request.url);
    recordedResponses.push({
      method: request.method,
      url: `${url.pathname}${url.search}`,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      // A clone: the caller still reads the body.
      body: await response.clone().text(),
    });
  },
};

let validator: ContractValidator | undefined;

/** The recorded responses the OpenAPI document does not describe. */
export function contractViolations(responses = recordedResponses): string[] {
  validator ??= new ContractValidator();
  return responses.map((r) => validator!.violation(r)).filter((v): v is string => Boolean(v));
}
