import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Refusal } from '../../../functions/domain/refusal';
import {
  expectedVersionOf,
  ifMatchVersionOf,
  preconditionOnStale,
} from '../../../functions/http/if-match';

const event = (ifMatch?: string) =>
  ({ headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }) as APIGatewayProxyEventV2;

function refusalOf(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
  }
  throw new Error('no refusal');
}

describe('the expected version of a write', () => {
  it.each([
    [undefined, 4, { version: 4, fromIfMatch: false }],
    ['"4"', undefined, { version: 4, fromIfMatch: true }],
    ['W/"4"', undefined, { version: 4, fromIfMatch: true }],
    ['"4"', 4, { version: 4, fromIfMatch: true }],
  ])('If-Match %s with expectedVersion %s', (header, body, expected) => {
    expect(expectedVersionOf(ifMatchVersionOf(event(header)), body)).toEqual(expected);
  });

  it.each([
    [undefined, undefined, 'INVALID_BODY', 'expectedVersion'],
    ['4', undefined, 'INVALID_HEADER', 'If-Match'],
    ['"0"', undefined, 'INVALID_HEADER', 'If-Match'],
    ['*', undefined, 'INVALID_HEADER', 'If-Match'],
    ['"4"', 5, 'INVALID_HEADER', 'If-Match'],
  ])('refuses If-Match %s with expectedVersion %s', (header, body, code, field) => {
    const refusal = refusalOf(() => expectedVersionOf(ifMatchVersionOf(event(header)), body));
    expect(refusal.kind).toBe('invalid');
    expect(refusal.body).toMatchObject({ code, field });
  });

  it('answers a stale If-Match 412 and a stale expectedVersion 409', async () => {
    const stale = () =>
      Promise.reject(
        new Refusal('conflict', { code: 'VERSION_CONFLICT', message: 'x', message_en: 'x' }),
      );
    await expect(
      preconditionOnStale({ version: 3, fromIfMatch: true }, stale),
    ).rejects.toMatchObject({ kind: 'precondition-failed', body: { code: 'VERSION_CONFLICT' } });
    await expect(
      preconditionOnStale({ version: 3, fromIfMatch: false }, stale),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });
});
