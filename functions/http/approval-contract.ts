import { z } from 'zod';
import { multiLineText, singleLineText } from '../domain/clean-text';
import { HumanStageId } from '../domain/pipeline';

/**
 * What the approval page (functions/http/approval-page.ts) exchanges with the API:
 * `GET /approvals/{approvalId}/details` answers an ApprovalDetailsView, and
 * `POST /approvals/{approvalId}/decision` takes an ApprovalDecisionRequest and answers
 * `{ decision: RecordedApprovalDecision }` (also when it was recorded before: the page shows it).
 * A refusal is the usual error body; a 409 whose `details.decision` is set is shown as the
 * decision already recorded, not as an error.
 */

export const APPROVAL_DECISIONS = ['APPROVE', 'REJECT', 'REQUEST_INFO'] as const;
export type ApprovalDecisionKind = (typeof APPROVAL_DECISIONS)[number];

const isoDate = z.iso.date();
const decisionNumber = singleLineText(1, 200);
const reason = multiLineText(1, 2000);

export const approvalDecisionRequest = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('APPROVE'), decisionNumber, decisionDate: isoDate }),
  z.strictObject({
    decision: z.literal('REJECT'),
    decisionNumber: decisionNumber.optional(),
    decisionDate: isoDate,
    reason,
  }),
  z.strictObject({
    decision: z.literal('REQUEST_INFO'),
    decisionDate: isoDate.optional(),
    reason,
  }),
]);
export type ApprovalDecisionRequest = z.infer<typeof approvalDecisionRequest>;

export interface RecordedApprovalDecision {
  decision: ApprovalDecisionKind;
  decisionNumber?: string;
  decisionDate?: string;
  reason?: string;
  /** ISO instant the decision was recorded. */
  decidedAt: string;
  /** The approver's display name (JWT `name`). */
  decidedByName?: string;
}

export interface ApprovalDetailsView {
  candidate: { id: string; fullName: string; unitId: string; unitName?: string };
  stage: HumanStageId;
  stageLabel: string;
  stageLabelEn: string;
  /** Decide by: YYYY-MM-DD (or an ISO instant). */
  deadline?: string;
  /** When the link stops working (ISO instant). */
  linkExpiresAt: string;
  dossier: {
    awarenessClass?: {
      result: 'PASSED' | 'FAILED';
      certificateNumber?: string;
      issuedOn?: string;
      classEndedOn?: string;
    };
    application?: { applicationReceivedOn: string; backgroundFormReceivedOn: string };
    backgroundCheck?: { completedOn: string; result: 'CLEARED' | 'NOT_CLEARED'; summary?: string };
    sponsors?: {
      kind: 'MEMBER' | 'YOUTH_UNION_RESOLUTION' | 'TRADE_UNION_RESOLUTION';
      name: string;
      documentDate: string;
    }[];
    cellVote?: {
      meetingDate: string;
      votesFor: number;
      votesAgainst: number;
      /** Official members minus excluded ones not attending (cellVoteDenominator). */
      denominator: number;
      passed: boolean;
    };
    grassrootsVote?: {
      meetingDate: string;
      votesFor: number;
      votesAgainst: number;
      committeeMembers: number;
      passed: boolean;
    };
  };
  /** The dossier's forms (1-KNĐ …) and whether each is on file. */
  documents: { code: string; label: string; labelEn: string; present: boolean }[];
  /** Present once the step has been decided through this link. */
  decision?: RecordedApprovalDecision;
}
