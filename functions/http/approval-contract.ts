import { builtOnFirstUse } from '../domain/built-on-first-use';
import * as z from 'zod';
import { multiLineText, singleLineText } from '../domain/clean-text';

/**
 * What the approval page (functions/http/approval-page.ts) exchanges with the API:
 * `GET /approvals/{approvalId}/details` answers an ApprovalDetailsView, and
 * `POST /approvals/{approvalId}/decision` takes an ApprovalDecisionRequest and answers
 * `{ decision: RecordedApprovalDecision }` (also when it was recorded before: the page shows it).
 * A refusal is the usual error body; a 409 whose `details.decision` is set is shown as the
 * decision already recorded, not as an error.
 */

const isoDate = builtOnFirstUse(() => z.iso.date());
const decisionNumber = builtOnFirstUse(() => singleLineText(1, 200));
const reason = builtOnFirstUse(() => multiLineText(1, 2000));

export const approvalDecisionRequest = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z.strictObject({
      decision: z.literal('APPROVE'),
      decisionNumber: decisionNumber(),
      decisionDate: isoDate(),
    }),
    z.strictObject({
      decision: z.literal('REJECT'),
      decisionNumber: decisionNumber().optional(),
      decisionDate: isoDate(),
      reason: reason(),
    }),
    z.strictObject({
      decision: z.literal('REQUEST_INFO'),
      decisionDate: isoDate().optional(),
      reason: reason(),
    }),
  ]),
);
