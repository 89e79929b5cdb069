import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function candidateIdOf(event: APIGatewayProxyEventV2): string {
  const id = event.pathParameters?.id ?? '';
  if (!ID_PATTERN.test(id)) {
    return refuse('not-found', {
      code: 'CANDIDATE_NOT_FOUND',
      message: 'Không tìm thấy hồ sơ',
      message_en: 'Candidate not found',
      field: 'id',
    });
  }
  return id;
}
