import { ContractValidator } from '../../e2e/support/contract-validator';

const validator = new ContractValidator();
const json = (body: unknown) => JSON.stringify(body);
const refusal = (code: string) => json({ code, message: 'vi', message_en: 'en' });

describe('the contract validator of the e2e tests', () => {
  it('finds the documented route, literal paths before templates', () => {
    expect(validator.routeOf('POST', '/units/import')).toBe('POST /units/import');
    expect(validator.routeOf('GET', '/units/hn?on=2025-01-01')).toBe('GET /units/{id}');
    expect(validator.routeOf('GET', '/nowhere')).toBeUndefined();
  });

  it('accepts a response the document describes', () => {
    const page = { items: [], nextCursor: 'abc' };
    const base = { method: 'GET', url: '/candidates?unit=hn', contentType: 'application/json' };
    expect(validator.violation({ ...base, status: 200, body: json(page) })).toBeUndefined();
    expect(
      validator.violation({ ...base, status: 400, body: refusal('INVALID_CURSOR') }),
    ).toBeUndefined();
  });

  it('flags a wrong body, an undocumented status, a code the route does not list', () => {
    const base = { method: 'GET', url: '/candidates?unit=hn', contentType: 'application/json' };
    expect(validator.violation({ ...base, status: 200, body: json({ items: 'x' }) })).toMatch(
      /items/,
    );
    expect(validator.violation({ ...base, status: 418, body: '{}' })).toMatch(/not documented/);
    expect(
      validator.violation({ ...base, status: 400, body: refusal('UNIT_HAS_CHILDREN') }),
    ).toMatch(/code/);
    expect(
      validator.violation({ ...base, status: 400, body: json({ code: 'INVALID_QUERY' }) }),
    ).toMatch(/message/);
    expect(
      validator.violation({ ...base, status: 200, contentType: 'text/html', body: '<p>' }),
    ).toMatch(/content type/);
  });

  it('allows only the catch-all refusal outside the documented routes', () => {
    const base = { method: 'GET', url: '/nowhere', status: 404, contentType: 'application/json' };
    expect(validator.violation({ ...base, body: refusal('ROUTE_NOT_FOUND') })).toBeUndefined();
    expect(validator.violation({ ...base, body: refusal('CANDIDATE_NOT_FOUND') })).toMatch(
      /undocumented route/,
    );
  });
});
