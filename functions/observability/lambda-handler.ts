import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { ParseError } from '@aws-lambda-powertools/parser';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from './logger';
import { mapStackInPlace } from './source-mapped-stack';
import { tracer } from './tracer';

/**
 * Every handler's middleware: each log line carries the invocation's Lambda context (request id,
 * function, cold start), keys appended during one invocation are dropped before the next, and
 * the invocation is an X-Ray segment when tracing is on. An error that leaves the handler has its
 * stack mapped to the TypeScript sources first (source-mapped-stack.ts): the runtime logs it.
 */
export function lambdaHandler<Event, Result>(
  handler: (event: Event, context: Context) => Promise<Result>,
) {
  return (
    middy<Event, Result>()
      // Registered first, so its onError runs last: after every other middleware had its say.
      .use({ onError: (request) => mapStackInPlace(request.error) })
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(captureLambdaHandler(tracer, { captureResponse: false }))
      .handler(handler)
  );
}

/**
 * A handler whose input (a Step Functions task's payload, a schedule's or a widget's event) is
 * parsed with `schema` before it runs: malformed input fails the invocation with a ParseError
 * that names each field at fault, and nothing is read or written.
 */
export function parsedHandler<Schema extends z.ZodType, Result>(
  schema: Schema,
  handler: (event: z.output<Schema>, context: Context) => Promise<Result>,
) {
  return lambdaHandler(handler).use(parser({ schema, errorHandler: refuseMalformedInput }));
}

/** A Standard Schema issue, as the parser reports it. */
interface SchemaIssue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[];
}

/**
 * Powertools' ParseError says only "Failed to parse schema"; this one names each field at fault
 * and what was wrong with it (zod's messages name types and options, never the values sent).
 */
function refuseMalformedInput(error: ParseError): never {
  const issues = Array.isArray(error.cause) ? (error.cause as SchemaIssue[]) : [];
  const described = issues
    .map(
      (issue) =>
        `${issue.path?.map((p) => String(typeof p === 'object' ? p.key : p)).join('.') || '(event)'}: ${issue.message}`,
    )
    .join('; ');
  const refused = new ParseError(`Malformed input refused: ${described}`, { cause: error.cause });
  logger.error('Malformed input refused', { issues: described });
  throw refused;
}
