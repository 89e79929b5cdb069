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
  // The item first: its history, read after it, holds at least every event up to its version
  // (read side by side, a transition committing in between showed a stage without its event).
  const found = await store.getCandidate(id);
  const candidate = visibleCandidate(caller, found, () => candidateNotFound(id));
  const history = await store.getHistory(id);
  return json(200, candidateView(candidate, history), { etag: versionETag(candidate.version) });
});
