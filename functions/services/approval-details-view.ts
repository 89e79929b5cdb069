import type { RecordedDecision } from '../domain/approval';
import type { HumanStageId } from '../domain/pipeline';

/**
 * What `GET /approvals/{approvalId}/details` answers and `POST /approvals/{approvalId}/decision`
 * reports (functions/http/approval-contract.ts): built by the approvals service.
 */
/** The decision as recorded (the domain's shape: the page shows it again on a second click). */
export type RecordedApprovalDecision = RecordedDecision;

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
