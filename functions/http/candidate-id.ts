import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { candidateIdParams } from './contract/schemas';
import { pathIdOf } from './path-id';

/** The `{id}` path parameter (an id of the wrong shape names no candidate: 404). */
export function candidateIdOf(event: APIGatewayProxyEventV2): string {
  return pathIdOf(event, 'id', candidateIdParams, {
    code: 'CANDIDATE_NOT_FOUND',
    message: 'Không tìm thấy hồ sơ',
    message_en: 'Candidate not found',
  });
}
