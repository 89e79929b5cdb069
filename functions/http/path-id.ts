import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { refuse, type RefusalBody } from '../domain/refusal';

/**
 * A path parameter checked with its contract schema. An id of the wrong shape names nothing that
 * exists, so it is refused as not found (with `notFound`'s code and text), never as a 400.
 */
export function pathIdOf<Name extends string>(
  event: APIGatewayProxyEventV2,
  name: Name,
  schema: z.ZodType<Record<Name, string>>,
  notFound: Omit<RefusalBody, 'field'>,
): string {
  const parsed = schema.safeParse({ [name]: event.pathParameters?.[name] ?? '' });
  if (!parsed.success) return refuse('not-found', { ...notFound, field: name });
  return parsed.data[name];
}
