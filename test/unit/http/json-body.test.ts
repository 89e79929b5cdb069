import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Refusal } from '../../../functions/domain/refusal';
import { bodyText, jsonBody } from '../../../functions/http/json-body';

function eventWith(body: string, isBase64Encoded: boolean, contentType = 'application/json') {
  return {
    body,
    isBase64Encoded,
    headers: { 'content-type': contentType },
  } as unknown as APIGatewayProxyEventV2;
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return `${error.kind} ${error.body.code} ${error.body.field}`;
    throw error;
  }
  return 'accepted';
}

// `{"fullName":"Nguy<0xE1 0xBB>n"}`: a UTF-8 sequence cut short, as a Windows-1258 export makes.
const truncated = Buffer.concat([
  Buffer.from('{"fullName":"Nguy'),
  Buffer.from([0xe1, 0xbb]),
  Buffer.from('n"}'),
]);

describe('request bodies are UTF-8 or refused (failed before: stored with U+FFFD)', () => {
  it.each([
    [
      'invalid bytes, base64-encoded',
      eventWith(truncated.toString('base64'), true),
      'invalid INVALID_UTF8 body',
    ],
    [
      'invalid bytes decoded by the gateway',
      eventWith(truncated.toString('utf8'), false),
      'invalid INVALID_UTF8 body',
    ],
    [
      'an overlong encoding of "/"',
      eventWith(Buffer.from([0x22, 0xc0, 0xaf, 0x22]).toString('base64'), true),
      'invalid INVALID_UTF8 body',
    ],
    [
      'valid Vietnamese, base64-encoded',
      eventWith(Buffer.from('{"fullName":"Nguyễn"}').toString('base64'), true),
      'accepted',
    ],
    ['valid Vietnamese as text', eventWith('{"fullName":"Nguyễn"}', false), 'accepted'],
  ])('%s → %s', (_what, event, expected) => {
    expect(codeOf(() => jsonBody(event))).toBe(expected);
  });

  it('a CSV body is held to the same rule', () => {
    expect(codeOf(() => bodyText(eventWith(truncated.toString('base64'), true, 'text/csv')))).toBe(
      'invalid INVALID_UTF8 body',
    );
    expect(
      bodyText(eventWith(Buffer.from('a,b\nĐống Đa,1').toString('base64'), true, 'text/csv')),
    ).toBe('a,b\nĐống Đa,1');
  });
});
