import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ERROR_CODES } from '../../../functions/http/contract/error-codes';
import { renderDocsPage } from '../../../functions/http/contract/docs-page';
import { openApiDocument } from '../../../functions/http/contract/openapi';
import { allRoutes } from '../../../functions/http/contract/routes';

type Json = Record<string, unknown>;
const document = openApiDocument();
const paths = document.paths as Record<string, Record<string, Json>>;
const operationOf = (method: string, path: string) => paths[path][method.toLowerCase()];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with one operation per registered route and unique operation ids', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(paths).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(allRoutes().length);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path parameter of each template, and Vietnamese and English text', () => {
    for (const route of allRoutes()) {
      const operation = operationOf(route.method, route.path);
      const declared = (operation.parameters as Json[])
        .filter((p) => p.in === 'path')
        .map((p) => p.name);
      const inTemplate = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect([route.operationId, declared]).toEqual([route.operationId, inTemplate]);
      expect(operation['x-summary-vi']).toBe(route.summary.vi);
      expect(operation['x-summary-en']).toBe(route.summary.en);
      expect(String(operation.description)).toContain(route.description.en);
    }
  });

  it('requires Idempotency-Key on every write and a JWT on every route but the public ones', () => {
    for (const route of allRoutes()) {
      const operation = operationOf(route.method, route.path);
      const refs = (operation.parameters as Json[]).map((p) => p.$ref);
      expect([route.operationId, refs.includes('#/components/parameters/IdempotencyKey')]).toEqual([
        route.operationId,
        route.method !== 'GET',
      ]);
      expect(operation.security).toEqual(route.auth === 'jwt' ? [{ officerJwt: [] }] : []);
    }
    expect(operationOf('POST', '/candidates/{id}/actions').parameters).toContainEqual({
      $ref: '#/components/parameters/IfMatch',
    });
  });

  it('documents each refusal code under its status, in the one error shape', () => {
    const nominate = operationOf('POST', '/candidates').responses as Record<string, Json>;
    expect(nominate['409']['x-error-codes']).toContain('DUPLICATE_NOMINATION');
    expect(nominate['400']['x-error-codes']).toEqual(
      expect.arrayContaining(['INVALID_BODY', 'MISSING_IDEMPOTENCY_KEY', 'UNIT_NOT_FOUND']),
    );
    expect(String(nominate['422'].description)).toContain(
      `\`EDUCATION_BELOW_MINIMUM\`: ${ERROR_CODES.EDUCATION_BELOW_MINIMUM.vi} / ${ERROR_CODES.EDUCATION_BELOW_MINIMUM.en}`,
    );
    const schemas = (document.components as Json).schemas as Json;
    expect((schemas.Error as Json).required).toEqual(['code', 'message', 'message_en']);
  });

  it('has schemas a JSON Schema 2020-12 validator compiles, for every body and response', () => {
    const ajv = addFormats(new Ajv2020({ strict: false }));
    const components = (document.components as Json).schemas as Json;
    let compiled = 0;
    for (const item of Object.values(paths)) {
      for (const operation of Object.values(item)) {
        const contents = [
          (operation.requestBody as Json | undefined)?.content,
          ...Object.values(operation.responses as Json).map((r) => (r as Json).content),
        ].filter(Boolean) as Record<string, Json>[];
        for (const media of contents.flatMap((c) => Object.values(c))) {
          const standalone = { ...(media.schema as Json), $defs: components };
          ajv.compile(
            JSON.parse(
              JSON.stringify(standalone).replaceAll('"#/components/schemas/', '"#/$defs/'),
            ),
          );
          compiled++;
        }
      }
    }
    expect(compiled).toBeGreaterThan(60);
  });

  it('describes every tag the routes use, in both languages', () => {
    const tags = document.tags as { name: string; description: string }[];
    for (const route of allRoutes()) {
      const tag = tags.find((t) => t.name === route.tag);
      expect([route.operationId, tag?.description]).toEqual([
        route.operationId,
        expect.stringContaining(' / '),
      ]);
    }
  });

  it('shares the schemas named with a zod id (Candidate, Stage, …) as components', () => {
    const read = operationOf('GET', '/candidates/{id}').responses as Record<string, Json>;
    expect((read['200'].content as Json)['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/Candidate' },
    });
    const schemas = (document.components as Json).schemas as Json;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Candidate', 'CandidatePage', 'Stage', 'Unit', 'Error']),
    );
    expect(JSON.stringify(document)).not.toContain('#/$defs/');
  });

  it('describes a nomination body as the handler validates it', () => {
    const body = (operationOf('POST', '/candidates').requestBody as Json).content as Json;
    const schema = (body['application/json'] as Json).schema as Json;
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['fullName', 'dateOfBirth', 'nationalId', 'unitId']),
    });
  });
});

describe('the docs page', () => {
  const page = renderDocsPage(document);

  it('shows every operation with its bilingual summary, and the conventions', () => {
    for (const route of allRoutes()) {
      expect(page).toContain(`id="${route.operationId}"`);
      expect(page).toContain(route.summary.vi.replace(/'/g, '&#39;'));
    }
    expect(page).toContain('Idempotency-Key');
    expect(page).toContain('id="schema-Candidate"');
    expect(page).toContain('Asia/Ho_Chi_Minh');
  });

  it('is self-contained: no script and nothing loaded from elsewhere', () => {
    expect(page).not.toMatch(/<script|src=|<link/i);
    expect(page).not.toMatch(/https?:\/\//);
  });
});
