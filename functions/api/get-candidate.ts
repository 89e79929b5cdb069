import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { visibleCandidate } from '../domain/access';
import { candidateView } from '../http/candidate-view';
import { ROUTES } from '../http/contract/routes';
import { versionETag } from '../http/etag';
import { httpApi } from '../http/http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { candidateNotFound } from '../services/submit-action';

const store = awsCandidateStore();

/** GET /candidates/{id}: the candidate, its pending step and its whole history. */
export const handler = httpApi(
  on(ROUTES['GET /candidates/{id}'], {
    handle: async ({ caller, path: { id } }) => {
      // The item first: its history, read after it, holds at least every event up to its version
      // (read side by side, a transition committing in between showed a stage without its event).
      const found = await store.getCandidate(id);
      const candidate = visibleCandidate(caller, found, () => candidateNotFound(id));
      const history = await store.getHistory(id);
      return json(200, candidateView(candidate, history), {
        etag: versionETag(candidate.version),
      });
    },
  }),
);
