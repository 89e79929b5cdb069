import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Caller } from '../domain/caller';
import { refuse } from '../domain/refusal';
import { isRole } from '../domain/roles';

type JwtClaims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * API Gateway hands a JWT authorizer's claims to Lambda as strings; an array claim such as
 * `cognito:groups` arrives as "[a b]". Accept that and a real array alike.
 */
function listClaim(value: JwtClaims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The verified caller of a route behind the JWT authorizer. */
export function callerOf(event: APIGatewayProxyEventV2): Caller {
  const context = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: JwtClaims } };
  };
  const claims = context.authorizer?.jwt?.claims;
  const userId = claims?.sub;
  const unitId = claims?.['custom:unit_id'];
  if (typeof userId !== 'string' || typeof unitId !== 'string' || !unitId) {
    return refuse('unauthenticated', {
      code: 'UNAUTHENTICATED',
      message: 'Cần đăng nhập bằng tài khoản cán bộ gắn với một đơn vị',
      message_en: 'Sign in with an officer account bound to a unit',
    });
  }
  return {
    userId,
    name: typeof claims?.name === 'string' ? claims.name : userId,
    roles: listClaim(claims?.['cognito:groups']).filter(isRole),
    unitId,
    sourceIp: event.requestContext.http?.sourceIp,
    userAgent: event.requestContext.http?.userAgent,
  };
}
