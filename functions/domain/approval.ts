import { type Candidate } from './candidate';
import { type HumanStageId, humanStage, PIPELINE } from './pipeline';
import { type IsoDate } from './rules';
import { endOfVietnamDay } from './vietnam-time';
import { cellVoteDenominator, reachesTwoThirds } from './votes';

/**
 * The pure side of approving through a notification's link: when a link expires, what the
 * approver's decision becomes on the `decideAdmission` action, what is kept of it, and the
 * summary the approval page shows. The link itself is `approval-link.ts`.
 */

type ApprovalDecisionKind = 'APPROVE' | 'REJECT' | 'REQUEST_INFO';

/** What the approver decided, as the page shows it again on a second click. */
export interface RecordedDecision {
  decision: ApprovalDecisionKind;
  decisionNumber?: string;
  decisionDate?: string;
  reason?: string;
  /** ISO instant the decision was recorded. */
  decidedAt: string;
  decidedByName?: string;
}

/**
 * The single-use record of a link (key: `approvalRecordKey` of the table adapter), written in
 * the same transaction as the submission it produced, so a link is used exactly when its
 * decision is recorded.
 */
export interface ApprovalRecord {
  nonce: string;
  candidateId: string;
  stage: HumanStageId;
  candidateVersion: number;
  approverUserId: string;
  submissionId: string;
  idempotencyKey: string;
  decision: RecordedDecision;
}

/** The longest a link lives, whatever the deadline. */
const MAX_LINK_LIFETIME_DAYS = 30;

/** Stages whose approvers get links: the admission and the recognition decision. */
export const LINKED_STAGES = ['ADMISSION_DECISION', 'RECOGNITION_DECISION'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export { endOfVietnamDay };

/**
 * A link expires at the end of the decision deadline or after 30 days, whichever comes first.
 * A step already past its deadline when parked (overdue, escalated elsewhere) still needs a
 * decision: its links get the 30 days rather than being dead on arrival.
 */
export function approvalLinkExpiry(now: Date, dueOn?: IsoDate): Date {
  const cap = new Date(now.getTime() + MAX_LINK_LIFETIME_DAYS * DAY_MS);
  if (!dueOn) return cap;
  const due = endOfVietnamDay(dueOn);
  return due.getTime() > now.getTime() && due.getTime() < cap.getTime() ? due : cap;
}

interface CellVote {
  meetingDate: string;
  officialMembers: number;
  excludedMembers: number;
  excludedMembersAttending: number;
  votesFor: number;
  votesAgainst: number;
}

export interface ApprovalDecisionInput {
  decision: ApprovalDecisionKind;
  decisionNumber?: string;
  decisionDate?: string;
  reason?: string;
}

/** The `decideAdmission` payload the approval page's decision stands for. */
export function decideAdmissionPayload(input: ApprovalDecisionInput): Record<string, unknown> {
  const defined = (value: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  switch (input.decision) {
    case 'APPROVE':
      return defined({
        decision: 'APPROVE',
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
      });
    case 'REJECT':
      return defined({
        decision: 'REJECT',
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        reason: input.reason,
      });
    case 'REQUEST_INFO':
      return defined({
        decision: 'REQUEST_INFO',
        decisionDate: input.decisionDate,
        reason: input.reason,
      });
  }
}

/** Labels of the forms the pipeline table names (Hướng dẫn 12-HD/BTCTW). */
const FORM_LABELS: Record<string, { vi: string; en: string }> = {
  'CN-NTVĐ': {
    vi: 'Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng',
    en: 'Party awareness class certificate',
  },
  '1-KNĐ': { vi: 'Đơn xin vào Đảng', en: 'Application for membership' },
  '2-KNĐ': { vi: 'Lý lịch của người xin vào Đảng', en: 'Background form' },
  '3-KNĐ': { vi: 'Giấy giới thiệu người vào Đảng', en: "Sponsoring member's introduction" },
  '4-KNĐ': { vi: 'Nghị quyết giới thiệu đoàn viên vào Đảng', en: 'Youth Union resolution' },
  '4A-KNĐ': { vi: 'Nghị quyết giới thiệu công đoàn viên vào Đảng', en: 'Trade Union resolution' },
  '5-KNĐ': {
    vi: 'Tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi ủy nơi cư trú',
    en: 'Comments of organisations and the residence cell',
  },
  '6-KNĐ': { vi: 'Nghị quyết của chi bộ đề nghị kết nạp', en: 'Cell resolution' },
  '7-KNĐ': { vi: 'Báo cáo thẩm định của đảng ủy bộ phận', en: 'Appraisal report' },
  '8-KNĐ': { vi: 'Nghị quyết của đảng ủy cơ sở', en: 'Grassroots committee resolution' },
  '9-KNĐ': { vi: 'Quyết định kết nạp đảng viên', en: 'Admission decision' },
};

export interface DocumentCheck {
  code: string;
  label: string;
  labelEn: string;
  present: boolean;
}

/**
 * The forms of every stage up to `stage`, in table order: present when the stage that produces
 * them has recorded its action on the dossier (a form two stages share counts once).
 */
export function documentsChecklist(
  candidate: Pick<Candidate, 'dossier'>,
  stage: HumanStageId,
): DocumentCheck[] {
  const upTo = humanStage(stage).order;
  const checks = new Map<string, DocumentCheck>();
  for (const s of PIPELINE.filter((p) => p.order <= upTo)) {
    const recorded = s.actions.some(
      (a) => a.delivery === 'complete' && candidate.dossier[a.dossierKey] !== undefined,
    );
    const done = recorded && s.id !== stage;
    for (const code of s.forms) {
      const label = FORM_LABELS[code] ?? { vi: code, en: code };
      const before = checks.get(code);
      checks.set(code, {
        code,
        label: label.vi,
        labelEn: label.en,
        present: (before?.present ?? false) || done,
      });
    }
  }
  return [...checks.values()];
}

type Dossier = Record<string, unknown>;

/** The dossier summary of the approval page: what each earlier stage recorded, no personal data. */
export function dossierSummary(candidate: Pick<Candidate, 'dossier'>) {
  const d = candidate.dossier as Dossier;
  const awareness = d.awarenessClass as
    | {
        result: 'PASSED' | 'FAILED';
        certificateNumber?: string;
        issuedOn?: string;
        classEndedOn?: string;
      }
    | undefined;
  const application = d.application as
    { applicationReceivedOn: string; backgroundFormReceivedOn: string } | undefined;
  const background = d.backgroundCheck as
    { completedOn: string; result: 'CLEARED' | 'NOT_CLEARED'; summary?: string } | undefined;
  const sponsorship = d.sponsorship as
    | {
        sponsors: {
          kind: 'MEMBER' | 'YOUTH_UNION_RESOLUTION' | 'TRADE_UNION_RESOLUTION';
          name: string;
          documentDate: string;
        }[];
      }
    | undefined;
  const cell = d.cellResolution as CellVote | undefined;
  const grassroots = d.grassrootsResolution as
    | { meetingDate: string; committeeMembers: number; votesFor: number; votesAgainst: number }
    | undefined;
  const denominator = cell ? cellVoteDenominator(cell) : 0;
  return {
    ...(awareness && {
      awarenessClass: {
        result: awareness.result,
        certificateNumber: awareness.certificateNumber,
        issuedOn: awareness.issuedOn,
        classEndedOn: awareness.classEndedOn,
      },
    }),
    ...(application && {
      application: {
        applicationReceivedOn: application.applicationReceivedOn,
        backgroundFormReceivedOn: application.backgroundFormReceivedOn,
      },
    }),
    ...(background && {
      backgroundCheck: {
        completedOn: background.completedOn,
        result: background.result,
        summary: background.summary,
      },
    }),
    ...(sponsorship && {
      // Names and dates only: a sponsor's user id stays on the server.
      sponsors: sponsorship.sponsors.map((s) => ({
        kind: s.kind,
        name: s.name,
        documentDate: s.documentDate,
      })),
    }),
    ...(cell && {
      cellVote: {
        meetingDate: cell.meetingDate,
        votesFor: cell.votesFor,
        votesAgainst: cell.votesAgainst,
        denominator,
        passed: reachesTwoThirds(cell.votesFor, denominator),
      },
    }),
    ...(grassroots && {
      grassrootsVote: {
        meetingDate: grassroots.meetingDate,
        votesFor: grassroots.votesFor,
        votesAgainst: grassroots.votesAgainst,
        committeeMembers: grassroots.committeeMembers,
        passed: reachesTwoThirds(grassroots.votesFor, grassroots.committeeMembers),
      },
    }),
  };
}

/**
 * When a step loops back to itself on a decision taken by someone other than the cell (the
 * approver asked for more information), the cell must also hear of it: the reason, if any.
 */
export function informationRequestedOf(
  candidate: Pick<Candidate, 'dossier'>,
  stageId: HumanStageId,
): { reason?: string } | undefined {
  const stage = humanStage(stageId);
  if (stage.actor === 'cell-officer') return undefined;
  for (const action of stage.actions) {
    if (action.delivery !== 'complete') continue;
    const recorded = candidate.dossier[action.dossierKey];
    if (recorded === undefined) continue;
    const parsed = action.payload.safeParse(recorded);
    if (!parsed.success || stage.next[action.outcome(parsed.data)] !== stage.id) continue;
    const reason = (recorded as { reason?: unknown }).reason;
    return typeof reason === 'string' ? { reason } : {};
  }
  return undefined;
}
