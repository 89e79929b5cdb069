import { APPROVAL_PAGE_HEADERS, renderApprovalShell } from '../http/approval-page';
import { httpRoute } from '../http/http-route';

/**
 * GET /approvals/{approvalId}, the one route without an authorizer: the static page a
 * notification links to. It reads nothing and writes nothing, so a mail scanner that prefetches
 * the link learns nothing and decides nothing; the page's script asks the API (with the
 * approver's token) for the details and posts the decision.
 */
export const handler = httpRoute(async (event) => ({
  statusCode: 200,
  headers: { ...APPROVAL_PAGE_HEADERS },
  body: renderApprovalShell(event.pathParameters?.approvalId ?? ''),
}));
