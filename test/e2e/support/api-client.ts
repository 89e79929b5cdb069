import { createHash, randomUUID } from 'node:crypto';
import { type AdmissionApi, createAdmissionClient, type paths } from '../../../client/api-client';
import { recordResponses } from './contract-recorder';

type NominationBody = paths['/candidates']['post']['requestBody']['content']['application/json'];
type ActionBody =
  paths['/candidates/{id}/actions']['post']['requestBody']['content']['application/json'];

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** The fields tests read from GET /candidates/{id}. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads arbitrary response fields
export type CandidateBody = Record<string, any>;

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** Turns what the typed client answers into the status, parsed body and headers tests read. */
function asApiResponse<T>(result: { data?: unknown; error?: unknown; response: Response }) {
  const parse = (value: unknown) =>
    typeof value === 'string' ? (value ? JSON.parse(value) : undefined) : value;
  return {
    status: result.response.status,
    body: parse(result.response.ok ? result.data : result.error) as T,
    headers: result.response.headers,
  };
}

/**
 * What a cell officer's tool would send, through the typed client generated from the OpenAPI
 * document (client/api-client.ts). Every response is recorded and checked against the document
 * after each test file (support/contract-check.ts).
 */
export class ApiClient {
  /** The typed client: tests that want the contract's types call it directly. */
  readonly api: AdmissionApi;

  constructor(
    private readonly baseUrl: string,
    token?: string,
  ) {
    this.api = createAdmissionClient({ baseUrl, token, middleware: [recordResponses] });
  }

  /** The same API as another user. */
  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  /**
   * Any request, including ones the contract refuses (unknown fields, raw bodies, wrong paths):
   * still sent by the typed client, untyped.
   */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const raw = options.rawBody !== undefined;
    const result = await this.api.request(
      method.toLowerCase() as Method,
      path as never,
      {
        body: raw ? options.rawBody : options.body,
        bodySerializer: raw ? (body: unknown) => body : undefined,
        headers: options.headers,
        parseAs: 'text',
      } as never,
    );
    return asApiResponse<T>(result);
  }

  /** The raw response, for non-JSON bodies such as CSV exports. */
  async fetchRaw(path: string): Promise<Response> {
    let raw: Response | undefined;
    const keep = {
      onResponse: ({ response }: { response: Response }) => {
        raw = response.clone();
      },
    };
    await this.api.request(
      'get',
      path as never,
      {
        parseAs: 'text',
        middleware: [keep],
      } as never,
    );
    return raw!;
  }

  /**
   * Nominates; a body without an ID number gets one derived from the person's other data, so
   * that each test person is distinct and the same person always has the same number.
   */
  async nominate(body: Record<string, unknown>, key = randomUUID()) {
    const person = 'nationalId' in body ? body : { ...body, nationalId: nationalIdFor(body) };
    return asApiResponse<Record<string, unknown>>(
      await this.api.POST('/candidates', {
        body: person as NominationBody,
        params: { header: { 'Idempotency-Key': key } },
      }),
    );
  }

  async act(id: string, body: unknown, key = randomUUID()) {
    return asApiResponse<Record<string, unknown>>(
      await this.api.POST('/candidates/{id}/actions', {
        params: { path: { id }, header: { 'Idempotency-Key': key } },
        body: body as ActionBody,
      }),
    );
  }

  async candidate(id: string) {
    return asApiResponse<CandidateBody>(
      await this.api.GET('/candidates/{id}', { params: { path: { id } } }),
    );
  }

  /** Polls until the workflow has parked the candidate at `stage` (or closed it there). */
  async waitForStage(id: string, stage: string, timeoutMs = 20_000): Promise<CandidateBody> {
    const deadline = Date.now() + timeoutMs;
    let last: CandidateBody | undefined;
    while (Date.now() < deadline) {
      const { status, body } = await this.candidate(id);
      if (status === 200) {
        last = body as CandidateBody;
        const settled = body.status === 'AWAITING_ACTION' || body.status === 'CLOSED';
        if (body.stage === stage && settled) return body as CandidateBody;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `Candidate ${id} did not settle at ${stage}; last seen ${JSON.stringify(last)}`,
    );
  }
}

/** A well-formed 12-digit citizen ID number (CCCD) that depends only on the person's data. */
export function nationalIdFor(person: Record<string, unknown>): string {
  const digits = BigInt(
    `0x${createHash('sha256').update(JSON.stringify(person)).digest('hex').slice(0, 15)}`,
  );
  return `0${(digits % 10n ** 11n).toString().padStart(11, '0')}`;
}
