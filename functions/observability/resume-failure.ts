import type { ResumeFailure } from '../services/resume-in-flight';
import { sourceMappedStack } from './source-mapped-stack';

/**
 * What the log keeps of a candidate the resume job could not repair: the id, the error's name and
 * where it was thrown — never its message, which may quote the item (a name, a birth date).
 */
export function describeResumeFailure(failure: ResumeFailure): {
  candidateId: string;
  errorName: string;
  thrownAt?: string;
} {
  const error = failure.error instanceof Error ? failure.error : undefined;
  const frame = sourceMappedStack(error)
    ?.split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('at '));
  return {
    candidateId: failure.candidateId,
    errorName: error?.name ?? typeof failure.error,
    ...(frame ? { thrownAt: frame.slice(3) } : {}),
  };
}
