import { createHash, randomUUID } from 'node:crypto';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** The fields tests read from GET /candidates/{id}. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads arbitrary response fields
export type CandidateBody = Record<string, any>;

/** A thin HTTP client over fetch: what a cell officer's tool would send, nothing more. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  /** The same API as another user. */
  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...options.headers,
      },
      body:
        options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      headers: response.headers,
    };
  }

  /** The raw response, for non-JSON bodies such as CSV exports. */
  fetchRaw(path: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
  }

  /**
   * Nominates; a body without an ID number gets one derived from the person's other data, so
   * that each test person is distinct and the same person always has the same number.
   */
  nominate(body: Record<string, unknown>, key = randomUUID()) {
    const person = 'nationalId' in body ? body : { ...body, nationalId: nationalIdFor(body) };
    return this.request('POST', '/candidates', {
      body: person,
      headers: { 'idempotency-key': key },
    });
  }

  act(id: string, body: unknown, key = randomUUID()) {
    return this.request('POST', `/candidates/${id}/actions`, {
      body,
      headers: { 'idempotency-key': key },
    });
  }

  candidate(id: string) {
    return this.request('GET', `/candidates/${id}`);
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
