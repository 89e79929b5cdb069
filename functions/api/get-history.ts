import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { visibleCandidate } from '../domain/access';
import { historyView } from '../http/actor-view';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { candidateNotFound } from '../services/submit-action';

const store = awsCandidateStore();

/** GET /candidates/{id}/history: who did what, when and in which role (where from: GET /audit). */
export const handler = httpApi(
  on(ROUTES['GET /candidates/{id}/history'], {
    handle: async ({ caller, path: { id } }) => {
      const [found, history] = await Promise.all([store.getCandidate(id), store.getHistory(id)]);
      visibleCandidate(caller, found, () => candidateNotFound(id));
      return json(200, { candidateId: id, items: historyView(history) });
    },
  }),
);
