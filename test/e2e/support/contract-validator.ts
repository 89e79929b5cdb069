import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../../functions/http/contract/openapi';

type Json = Record<string, unknown>;

/** One response the e2e client saw. */
export interface RecordedResponse {
  method: string;
  /** Path and query as sent, e.g. `/candidates?unit=hn`. */
  url: string;
  status: number;
  contentType: string;
  body: string;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  responses: Record<string, Json>;
}

/**
 * Checks responses against the OpenAPI document with a JSON Schema 2020-12 validator: the route
 * and status are documented, the media type is one the status declares, and a JSON body matches
 * its schema (refusals: the one error shape with a code listed for that route and status).
 */
export class ContractValidator {
  readonly document = openApiDocument();
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly compiled = new Map<Json, ValidateFunction>();
  private readonly operations: Operation[] = [];

  constructor() {
    for (const [template, item] of Object.entries(this.document.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        const segments = template.split('/');
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          literalSegments: segments.filter((s) => !s.startsWith('{')).length,
          responses: (op as Json).responses as Record<string, Json>,
        });
      }
    }
    // A literal path wins over a template (POST /units/import, not /units/{id}).
    this.operations.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** `METHOD /template` of the documented route a request addresses, if any. */
  routeOf(method: string, url: string): string | undefined {
    const operation = this.operationOf(method, url);
    return operation && `${operation.method} ${operation.template}`;
  }

  private operationOf(method: string, url: string): Operation | undefined {
    const path = url.split('?')[0];
    return this.operations.find((o) => o.method === method && o.pattern.test(path));
  }

  /** What is wrong with a response, or undefined when it is what the document says. */
  violation(response: RecordedResponse): string | undefined {
    const at = `${response.method} ${response.url} → ${response.status}`;
    const operation = this.operationOf(response.method, response.url);
    if (!operation) {
      // Outside the documented routes only the catch-all's refusal may answer.
      return this.check(at, { $ref: '#/components/schemas/Error' }, response, ['ROUTE_NOT_FOUND']);
    }
    const documented = operation.responses[String(response.status)];
    if (!documented) return `${at}: status ${response.status} is not documented`;
    const content = documented.content as Record<string, Json> | undefined;
    if (!content) return response.body ? `${at}: a body where none is documented` : undefined;
    const mediaType = response.contentType.split(';')[0].trim();
    const media = content[mediaType];
    if (!media) {
      return `${at}: content type ${mediaType} is not one of ${Object.keys(content).join(', ')}`;
    }
    if (mediaType !== 'application/json') return undefined;
    return this.check(at, media.schema as Json, response);
  }

  private check(
    at: string,
    schema: Json,
    response: RecordedResponse,
    codes?: string[],
  ): string | undefined {
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `${at}: the body is not JSON`;
    }
    if (codes && !codes.includes((body as { code?: string }).code ?? '')) {
      return `${at}: undocumented route answered ${JSON.stringify(body)}`;
    }
    const validate = this.validatorOf(schema);
    if (validate(body)) return undefined;
    const errors = this.ajv.errorsText(validate.errors, { separator: '; ' });
    return `${at}: ${errors} — body ${response.body.slice(0, 300)}`;
  }

  /** The document's component schemas travel with each schema as `$defs`. */
  private validatorOf(schema: Json): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      const components = (this.document.components as Json).schemas as Json;
      const standalone = { ...schema, $defs: { ...(schema.$defs as Json), ...components } };
      validate = this.ajv.compile(
        JSON.parse(JSON.stringify(standalone).replaceAll('"#/components/schemas/', '"#/$defs/')),
      );
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
