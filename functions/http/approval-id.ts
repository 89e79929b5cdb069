import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';

const APPROVAL_ID = /^[A-Za-z0-9_-]{1,1024}$/;

/** The `{approvalId}` path parameter, if it has the shape of one (else APPROVAL_LINK_INVALID). */
export function approvalIdOf(event: APIGatewayProxyEventV2): string {
  const id = event.pathParameters?.approvalId ?? '';
  if (!APPROVAL_ID.test(id)) {
    return refuse('not-found', {
      code: 'APPROVAL_LINK_INVALID',
      message: 'Liên kết phê duyệt không hợp lệ hoặc đã bị thay đổi',
      message_en: 'The approval link is not valid or has been altered',
      field: 'approvalId',
    });
  }
  return id;
}
