import { retryThrottled } from '../../../client/api-client';

/** The typed client's answer to API Gateway's 429: resend the same request, then give up. */
describe('retryThrottled', () => {
  const throttled = () =>
    new Response('{"message":"Too Many Requests"}', {
      status: 429,
      headers: { 'content-type': 'application/json' },
    });

  it('resends the same request, body included, until it is no longer throttled', async () => {
    const bodies: string[] = [];
    const answers = [throttled(), throttled(), new Response('{}', { status: 201 })];
    const fetchImpl = (async (request: Request) => {
      bodies.push(await request.text());
      return answers.shift()!;
    }) as typeof fetch;
    const send = retryThrottled(fetchImpl, { baseDelayMs: 1 });
    const response = await send(
      new Request('http://127.0.0.1/candidates', { method: 'POST', body: '{"a":1}' }),
    );
    expect(response.status).toBe(201);
    expect(bodies).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });

  it('answers the last 429 once its attempts are spent, and passes any other status through', async () => {
    let calls = 0;
    const always429 = (async () => (calls++, throttled())) as typeof fetch;
    const response = await retryThrottled(always429, { attempts: 3, baseDelayMs: 1 })(
      new Request('http://127.0.0.1/tasks'),
    );
    expect(response.status).toBe(429);
    expect(calls).toBe(3);
    calls = 0;
    const refusal = (async () => (calls++, new Response('{}', { status: 400 }))) as typeof fetch;
    expect((await retryThrottled(refusal)(new Request('http://127.0.0.1/x'))).status).toBe(400);
    expect(calls).toBe(1);
  });
});
