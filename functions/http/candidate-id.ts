import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';
import { candidateIdParams } from './contract/schemas';

/** The `{id}` path parameter (an id of the wrong shape names no candidate: 404). */
export function candidateIdOf(event: APIGatewayProxyEventV2): string {
  const parsed = candidateIdParams.safeParse({ id: event.pathParameters?.id ?? '' });
  if (!parsed.success) {
    return refuse('not-found', {
      code: 'CANDIDATE_NOT_FOUND',
      message: 'Không tìm thấy hồ sơ',
      message_en: 'Candidate not found',
      field: 'id',
    });
  }
  return parsed.data.id;
}
