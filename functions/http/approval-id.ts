import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { approvalIdParams } from './contract/schemas';
import { pathIdOf } from './path-id';

/** The `{approvalId}` path parameter, if it has the shape of one (else APPROVAL_LINK_INVALID). */
export function approvalIdOf(event: APIGatewayProxyEventV2): string {
  return pathIdOf(event, 'approvalId', approvalIdParams, {
    code: 'APPROVAL_LINK_INVALID',
    message: 'Liên kết phê duyệt không hợp lệ hoặc đã bị thay đổi',
    message_en: 'The approval link is not valid or has been altered',
  });
}
