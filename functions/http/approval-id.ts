import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';
import { approvalIdParams } from './contract/schemas';

/** The `{approvalId}` path parameter, if it has the shape of one (else APPROVAL_LINK_INVALID). */
export function approvalIdOf(event: APIGatewayProxyEventV2): string {
  const parsed = approvalIdParams.safeParse({ approvalId: event.pathParameters?.approvalId ?? '' });
  if (!parsed.success) {
    return refuse('not-found', {
      code: 'APPROVAL_LINK_INVALID',
      message: 'Liên kết phê duyệt không hợp lệ hoặc đã bị thay đổi',
      message_en: 'The approval link is not valid or has been altered',
      field: 'approvalId',
    });
  }
  return parsed.data.approvalId;
}
