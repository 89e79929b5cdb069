import { awsCandidateStore } from '../adapters/aws-dependencies';
import { visibleCandidate } from '../domain/access';
import { historyView } from '../http/actor-view';
import { callerOf } from '../http/caller-of';
import { candidateIdOf } from '../http/candidate-id';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';
import { candidateNotFound } from '../services/submit-action';

const store = awsCandidateStore();

/** GET /candidates/{id}/history: who did what, when and in which role (where from: GET /audit). */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  const id = candidateIdOf(event);
  const [found, history] = await Promise.all([store.getCandidate(id), store.getHistory(id)]);
  visibleCandidate(caller, found, () => candidateNotFound(id));
  return json(200, { candidateId: id, items: historyView(history) });
});
