import { awsCandidateStore } from '../adapters/aws-dependencies';
import { visibleCandidate } from '../domain/access';
import { callerOf } from '../http/caller-of';
import { candidateIdOf } from '../http/candidate-id';
import { candidateView } from '../http/candidate-view';
import { httpRoute } from '../http/http-route';
import { versionETag } from '../http/etag';
import { json } from '../http/response';
import { candidateNotFound } from '../services/submit-action';

const store = awsCandidateStore();

/** GET /candidates/{id}: the candidate, its pending step and its whole history. */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  const id = candidateIdOf(event);
  const [found, history] = await Promise.all([store.getCandidate(id), store.getHistory(id)]);
  const candidate = visibleCandidate(caller, found, () => candidateNotFound(id));
  return json(200, candidateView(candidate, history), { etag: versionETag(candidate.version) });
});
