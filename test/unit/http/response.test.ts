import { download, json, refusalResponse } from '../../../functions/http/response';

describe('every answer is private: no-store and nosniff', () => {
  it.each([
    ['JSON', json(200, { fullName: 'Nguyễn Văn An' })],
    ['a refusal', refusalResponse(400, { code: 'X', message: 'x', message_en: 'x' })],
    ['CSV', download('text/csv; charset=utf-8', 'a,b', { filename: 'a.csv' })],
    [
      'XLSX',
      download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'UEs=', {
        filename: 'a.xlsx',
        base64: true,
      }),
    ],
  ])('%s', (_kind, response) => {
    expect(response.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  it('names the file and keeps a binary body base64', () => {
    expect(download('text/csv', 'a', { filename: 'r.csv' }).headers['content-disposition']).toBe(
      'attachment; filename="r.csv"',
    );
    expect(download('x', 'UEs=', { base64: true }).isBase64Encoded).toBe(true);
  });

  it('a public answer may override the cache policy, not the sniffing one', () => {
    const docs = json(200, {}, { 'cache-control': 'public, max-age=300' });
    expect(docs.headers).toMatchObject({
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
  });
});
