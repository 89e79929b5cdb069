import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../functions/http/contract/openapi';

export const CLIENT_TYPES_PATH = join(__dirname, 'api-types.ts');

const HEADER = `/**
 * GENERATED from the OpenAPI document (functions/http/contract) by openapi-typescript.
 * Do not edit: run \`npm run docs:client\`. test/unit/http/client-types.test.ts fails when stale.
 */
`;

/** The TypeScript types of every path, operation and schema of the API, formatted as committed. */
export async function clientTypesSource(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as never, { alphabetize: false });
  const options = await resolveConfig(CLIENT_TYPES_PATH);
  return format(HEADER + astToString(ast), { ...options, filepath: CLIENT_TYPES_PATH });
}
