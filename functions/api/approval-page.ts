import { APPROVAL_PAGE_HEADERS, renderApprovalShell } from '../http/approval-page';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { on } from '../http/route-binding';

/**
 * GET /approvals/{approvalId}, the one route without an authorizer: the static page a
 * notification links to. It reads nothing and writes nothing, so a mail scanner that prefetches
 * the link learns nothing and decides nothing; the page's script asks the API (with the
 * approver's token) for the details and posts the decision. A malformed link shows the page's
 * invalid-link state.
 */
export const handler = httpApi(
  on(ROUTES['GET /approvals/{approvalId}'], {
    handle: async ({ path }) => ({
      statusCode: 200,
      headers: { ...APPROVAL_PAGE_HEADERS },
      body: renderApprovalShell(path?.approvalId ?? ''),
    }),
  }),
);
