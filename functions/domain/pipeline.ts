import { z } from 'zod';
import { Role } from './roles';
import {
  BACKGROUND_SUBJECTS,
  judgeBackgroundCheck,
  judgeCellResolution,
  judgeCeremony,
  judgeClassResult,
  judgeGrassrootsResolution,
  judgeSponsorship,
  Judgement,
  RuleContext,
} from './stage-rules';
import {
  admissionDecisionDeadline,
  ceremonyDeadline,
  DECISION_EXTENSION_KEY,
  judgeDecisionExtension,
  StageDeadlineRule,
} from './stage-deadlines';
import { cellVoteDenominator, reachesTwoThirds } from './votes';

/**
 * The admission procedure as one declarative table (ADMISSION-RULES.md, "Stages").
 * The CDK workflow construct generates the state machine from it, the API validates actions
 * against it, and docs and reports take their labels from it: adding a stage is an edit here.
 */

const isoDate = z.iso.date();
const shortText = z.string().trim().min(1).max(200);
const count = z.int().min(0).max(10_000);

/** The stage each candidate item names. */
export const HUMAN_STAGE_IDS = [
  'NOMINATED',
  'AWARENESS_CLASS',
  'APPLICATION',
  'BACKGROUND_CHECK',
  'SPONSORSHIP',
  'CELL_RESOLUTION',
  'GRASSROOTS_RESOLUTION',
  'ADMISSION_DECISION',
  'CEREMONY',
] as const;
/**
 * `REVOKED` is reached only by an administrator's correction of an `ADMITTED` candidate (the
 * admission decision annulled): no action of the workflow leads there, so the state machine has
 * no state for it.
 */
export const TERMINAL_STAGE_IDS = ['ADMITTED', 'REJECTED', 'WITHDRAWN', 'REVOKED'] as const;

export type HumanStageId = (typeof HUMAN_STAGE_IDS)[number];
export type TerminalStageId = (typeof TERMINAL_STAGE_IDS)[number];
export type StageId = HumanStageId | TerminalStageId;

/**
 * How an action reaches the parked workflow: most complete the pending step; withdrawal fails it
 * with this error name so that the state machine's Catch takes the candidate out at any stage.
 */
export const WITHDRAWAL_ERROR = 'Withdrawn';

export interface ActionSpec<Payload = unknown> {
  id: string;
  label: string;
  labelEn: string;
  actor: Role;
  payload: z.ZodType<Payload>;
  /** Where the payload is kept on the candidate's dossier. */
  dossierKey: string;
  /** Names the outcome; the stage's `next` maps it to the following stage. */
  outcome(payload: Payload): string;
  /**
   * The stage's rules (stage-rules.ts), judged under the policy in force on the action's date:
   * may refuse (422) and may name another outcome (an expiry, a skipped stage).
   */
  judge?(payload: Payload, context: RuleContext): Judgement;
  /** The day the action happened, which picks the policy version (default: see eventDateOf). */
  eventDate?(payload: Payload): string;
  delivery: 'complete' | 'fail';
}

export interface HumanStage {
  id: HumanStageId;
  order: number;
  label: string;
  labelEn: string;
  actor: Role;
  /** Forms this stage produces (Hướng dẫn 12-HD/BTCTW codes). */
  forms: string[];
  actions: ActionSpec[];
  next: Record<string, StageId>;
  /**
   * The stage's deadline under the rules, from the dossier. A stage with one waits with a
   * per-candidate timeout; overdue, its people are reminded, then the case escalates upward.
   */
  deadline?: StageDeadlineRule;
}

export interface TerminalStage {
  id: TerminalStageId;
  label: string;
  labelEn: string;
}

function action<Payload>(spec: ActionSpec<Payload>): ActionSpec {
  return spec as ActionSpec;
}

export const withdraw = action({
  id: 'withdraw',
  label: 'Rút khỏi quy trình',
  labelEn: 'Withdraw from the procedure',
  actor: 'cell-officer',
  payload: z.strictObject({
    reason: z.enum(['CANDIDATE_REQUEST', 'MOVED_AWAY', 'LEFT_ENTERPRISE', 'OTHER']),
    note: z.string().trim().max(500).optional(),
    effectiveOn: isoDate,
  }),
  dossierKey: 'withdrawal',
  outcome: () => 'withdrawn',
  eventDate: (p) => p.effectiveOn,
  delivery: 'fail',
});

const confirmNomination = action({
  id: 'confirmNomination',
  label: 'Chi bộ phân công đảng viên giúp đỡ',
  labelEn: 'Cell assigns a member to help the candidate',
  actor: 'cell-officer',
  payload: z.strictObject({
    decisionDate: isoDate,
    helperMemberName: shortText,
  }),
  dossierKey: 'nomination',
  outcome: () => 'confirmed',
  eventDate: (p) => p.decisionDate,
  delivery: 'complete',
});

const enrolInClass = action({
  id: 'enrolInClass',
  label: 'Ghi danh lớp bồi dưỡng nhận thức về Đảng',
  labelEn: 'Enrol in an awareness class',
  actor: 'cell-officer',
  payload: z
    .strictObject({ classId: shortText, startsOn: isoDate, endsOn: isoDate })
    .refine((p) => p.startsOn <= p.endsOn, {
      path: ['endsOn'],
      message: 'Ngày kết thúc trước ngày khai giảng | The class ends before it starts',
    }),
  dossierKey: 'enrolment',
  outcome: () => 'enrolled',
  eventDate: (p) => p.startsOn,
  delivery: 'complete',
});

const recordClassResult = action({
  id: 'recordClassResult',
  label: 'Ghi kết quả lớp bồi dưỡng nhận thức về Đảng',
  labelEn: 'Record the awareness class result',
  actor: 'cell-officer',
  payload: z.discriminatedUnion('result', [
    z.strictObject({
      result: z.literal('PASSED'),
      classId: shortText.optional(),
      certificateNumber: shortText,
      issuedOn: isoDate,
    }),
    z.strictObject({
      result: z.literal('FAILED'),
      classId: shortText.optional(),
      classEndedOn: isoDate,
    }),
  ]),
  dossierKey: 'awarenessClass',
  outcome: (p) => (p.result === 'PASSED' ? 'passed' : 'failed'),
  judge: judgeClassResult,
  eventDate: (p) => (p.result === 'PASSED' ? p.issuedOn : p.classEndedOn),
  delivery: 'complete',
});

const recordApplication = action({
  id: 'recordApplication',
  label: 'Nhận đơn xin vào Đảng và lý lịch',
  labelEn: 'Receive the application and background form',
  actor: 'cell-officer',
  payload: z.strictObject({
    applicationReceivedOn: isoDate,
    backgroundFormReceivedOn: isoDate,
  }),
  dossierKey: 'application',
  outcome: () => 'received',
  eventDate: (p) => p.backgroundFormReceivedOn,
  delivery: 'complete',
});

const recordBackgroundCheck = action({
  id: 'recordBackgroundCheck',
  label: 'Ghi kết quả thẩm tra lý lịch',
  labelEn: 'Record the background verification',
  actor: 'committee-officer',
  payload: z.strictObject({
    completedOn: isoDate,
    result: z.enum(['CLEARED', 'NOT_CLEARED']),
    /** Who was verified: the candidate, parents (or who raised them), in-laws, spouse, adult children. */
    subjects: z
      .array(
        z.strictObject({
          relation: z.enum(BACKGROUND_SUBJECTS),
          name: shortText.optional(),
          result: z.enum(['CLEARED', 'NOT_CLEARED']),
          repliedOn: isoDate.optional(),
        }),
      )
      .min(1)
      .max(20),
    summary: z.string().trim().max(2000).optional(),
  }),
  dossierKey: 'backgroundCheck',
  outcome: (p) => (p.result === 'CLEARED' ? 'cleared' : 'notCleared'),
  judge: judgeBackgroundCheck,
  eventDate: (p) => p.completedOn,
  delivery: 'complete',
});

const sponsor = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('MEMBER'),
    name: shortText,
    /** Only official members sponsor (checked by checkSponsors, which names the member). */
    official: z.boolean().default(true),
    /** Since when the member has worked, studied or lived with the candidate in the same unit. */
    togetherSince: isoDate,
    /** Date of the sponsor letter (3-KNĐ). */
    documentDate: isoDate,
    /** A replacement assigned by the cell after a sponsor left: the 12 months do not apply. */
    replacementAssignedOn: isoDate.optional(),
    /** The sponsoring member's user account, if they have one: they may not decide the admission. */
    memberUserId: z.string().trim().min(1).max(128).optional(),
  }),
  z.strictObject({
    kind: z.enum(['YOUTH_UNION_RESOLUTION', 'TRADE_UNION_RESOLUTION']),
    name: shortText.optional(),
    /** Date of the executive committee's resolution (4-KNĐ or 4A-KNĐ). */
    documentDate: isoDate,
  }),
]);

const recordSponsorship = action({
  id: 'recordSponsorship',
  label: 'Ghi giới thiệu của người/tổ chức giới thiệu',
  labelEn: 'Record the sponsors',
  actor: 'cell-officer',
  payload: z
    .strictObject({
      sponsors: z.array(sponsor).min(1).max(3),
      /** Summary of the comments of mass organisations and the residence cell (5-KNĐ). */
      commentsSummaryOn: isoDate.optional(),
    })
    .refine((p) => p.sponsors.filter((s) => s.kind === 'MEMBER').length >= 1, {
      path: ['sponsors'],
      message: 'Cần ít nhất một đảng viên chính thức giới thiệu | At least one sponsoring member',
    }),
  dossierKey: 'sponsorship',
  outcome: () => 'sponsored',
  judge: judgeSponsorship,
  eventDate: (p) => p.sponsors.map((s) => s.documentDate).sort()[p.sponsors.length - 1],
  delivery: 'complete',
});

const cellVote = z
  .strictObject({
    meetingDate: isoDate,
    officialMembers: count.min(1),
    excludedMembers: count,
    excludedMembersAttending: count,
    votesFor: count,
    votesAgainst: count,
    /** The standing committee's prior written consent, for a candidate over 60 at the meeting. */
    over60Consent: z.strictObject({ givenOn: isoDate, reference: shortText.optional() }).optional(),
  })
  .refine((v) => v.excludedMembersAttending <= v.excludedMembers, {
    path: ['excludedMembersAttending'],
    message:
      'Không được lớn hơn số đảng viên được miễn/chuyển tạm | Cannot exceed excluded members',
  })
  .refine((v) => v.excludedMembers <= v.officialMembers, {
    path: ['excludedMembers'],
    message: 'Không được lớn hơn số đảng viên chính thức | Cannot exceed official members',
  })
  .refine((v) => v.votesFor + v.votesAgainst <= cellVoteDenominator(v), {
    path: ['votesFor'],
    message: 'Số phiếu vượt quá số đảng viên có quyền biểu quyết | More votes than voting members',
  });

const recordCellResolution = action({
  id: 'recordCellResolution',
  label: 'Ghi nghị quyết chi bộ đề nghị kết nạp',
  labelEn: 'Record the cell resolution',
  actor: 'cell-officer',
  payload: cellVote,
  dossierKey: 'cellResolution',
  outcome: (v) => (reachesTwoThirds(v.votesFor, cellVoteDenominator(v)) ? 'passed' : 'failed'),
  judge: judgeCellResolution,
  eventDate: (v) => v.meetingDate,
  delivery: 'complete',
});

const recordGrassrootsResolution = action({
  id: 'recordGrassrootsResolution',
  label: 'Ghi nghị quyết đảng ủy cơ sở',
  labelEn: 'Record the grassroots committee resolution',
  actor: 'committee-officer',
  payload: z
    .strictObject({
      meetingDate: isoDate,
      committeeMembers: count.min(1),
      votesFor: count,
      votesAgainst: count,
    })
    .refine((v) => v.votesFor + v.votesAgainst <= v.committeeMembers, {
      path: ['votesFor'],
      message: 'Số phiếu vượt quá số ủy viên | More votes than committee members',
    }),
  dossierKey: 'grassrootsResolution',
  outcome: (v) => (reachesTwoThirds(v.votesFor, v.committeeMembers) ? 'passed' : 'failed'),
  judge: judgeGrassrootsResolution,
  eventDate: (v) => v.meetingDate,
  delivery: 'complete',
});

const decideAdmission = action({
  id: 'decideAdmission',
  label: 'Quyết định kết nạp',
  labelEn: 'Decide the admission',
  actor: 'approver',
  payload: z.discriminatedUnion('decision', [
    z.strictObject({
      decision: z.literal('APPROVE'),
      decisionNumber: shortText,
      decisionDate: isoDate,
    }),
    z.strictObject({
      decision: z.literal('REJECT'),
      decisionNumber: shortText.optional(),
      decisionDate: isoDate,
      reason: z.string().trim().min(1).max(2000),
    }),
    // The step stays open: the cell completes the dossier and the approver decides again.
    z.strictObject({
      decision: z.literal('REQUEST_INFO'),
      decisionDate: isoDate.optional(),
      reason: z.string().trim().min(1).max(2000),
    }),
  ]),
  dossierKey: 'admissionDecision',
  outcome: (p) =>
    ({ APPROVE: 'approved', REJECT: 'rejected', REQUEST_INFO: 'moreInformationRequested' })[
      p.decision
    ],
  delivery: 'complete',
});

/** The deciding body's +30 working days, once, for a special case it names (a recorded action). */
const extendDecisionDeadline = action({
  id: 'extendDecisionDeadline',
  label: 'Gia hạn thời hạn quyết định kết nạp (thêm 30 ngày làm việc)',
  labelEn: 'Extend the admission decision deadline (30 more working days)',
  actor: 'approver',
  payload: z.strictObject({
    decidedOn: isoDate,
    reason: z.string().trim().min(1).max(2000),
    reference: shortText.optional(),
  }),
  dossierKey: DECISION_EXTENSION_KEY,
  outcome: () => 'deadlineExtended',
  judge: judgeDecisionExtension,
  eventDate: (p) => p.decidedOn,
  delivery: 'complete',
});

const recordCeremony = action({
  id: 'recordCeremony',
  label: 'Ghi lễ kết nạp',
  labelEn: 'Record the admission ceremony',
  actor: 'cell-officer',
  payload: z.strictObject({
    ceremonyDate: isoDate,
    /** When the cell received the decision (default: the decision's date). */
    decisionReceivedOn: isoDate.optional(),
    /** The upper committee's consent to a ceremony later than 30 working days. */
    upperCommitteeConsent: z
      .strictObject({ givenOn: isoDate, reference: shortText.optional() })
      .optional(),
  }),
  dossierKey: 'ceremony',
  outcome: () => 'held',
  judge: judgeCeremony,
  eventDate: (p) => p.ceremonyDate,
  delivery: 'complete',
});

export const PIPELINE: readonly HumanStage[] = [
  {
    id: 'NOMINATED',
    order: 1,
    label: 'Quần chúng ưu tú được giới thiệu',
    labelEn: 'Outstanding person nominated',
    actor: 'cell-officer',
    forms: [],
    actions: [confirmNomination, withdraw],
    next: { confirmed: 'AWARENESS_CLASS' },
  },
  {
    id: 'AWARENESS_CLASS',
    order: 2,
    label: 'Học lớp bồi dưỡng nhận thức về Đảng',
    labelEn: 'Party awareness class',
    actor: 'cell-officer',
    forms: ['CN-NTVĐ'],
    actions: [enrolInClass, recordClassResult, withdraw],
    next: {
      enrolled: 'AWARENESS_CLASS',
      passed: 'APPLICATION',
      // A retake after the cell found the certificate lapsed: back to the cell meeting.
      passedAfterExpiry: 'CELL_RESOLUTION',
      failed: 'AWARENESS_CLASS',
    },
  },
  {
    id: 'APPLICATION',
    order: 3,
    label: 'Đơn và lý lịch',
    labelEn: 'Application and background form',
    actor: 'cell-officer',
    forms: ['1-KNĐ', '2-KNĐ'],
    actions: [recordApplication, withdraw],
    next: { received: 'BACKGROUND_CHECK' },
  },
  {
    id: 'BACKGROUND_CHECK',
    order: 4,
    label: 'Thẩm tra lý lịch',
    labelEn: 'Background verification',
    actor: 'committee-officer',
    forms: ['2-KNĐ'],
    actions: [recordBackgroundCheck, withdraw],
    next: { cleared: 'SPONSORSHIP', notCleared: 'REJECTED' },
  },
  {
    id: 'SPONSORSHIP',
    order: 5,
    label: 'Giới thiệu và nhận xét',
    labelEn: 'Sponsorship and comments',
    actor: 'cell-officer',
    forms: ['3-KNĐ', '4-KNĐ', '4A-KNĐ', '5-KNĐ'],
    actions: [recordSponsorship, withdraw],
    next: { sponsored: 'CELL_RESOLUTION' },
  },
  {
    id: 'CELL_RESOLUTION',
    order: 6,
    label: 'Chi bộ xét kết nạp',
    labelEn: 'Cell admission vote',
    actor: 'cell-officer',
    forms: ['6-KNĐ'],
    actions: [recordCellResolution, withdraw],
    next: {
      passed: 'GRASSROOTS_RESOLUTION',
      // The cell is itself grassroots (level recorded at nomination): no committee vote.
      passedAtGrassrootsCell: 'ADMISSION_DECISION',
      failed: 'REJECTED',
      // EXPIRED: the stage to redo, judged at the meeting date.
      certificateExpired: 'AWARENESS_CLASS',
      dossierStale: 'SPONSORSHIP',
    },
  },
  {
    id: 'GRASSROOTS_RESOLUTION',
    order: 7,
    label: 'Đảng ủy cơ sở xét',
    labelEn: 'Grassroots committee vote',
    actor: 'committee-officer',
    forms: ['7-KNĐ', '8-KNĐ'],
    actions: [recordGrassrootsResolution, withdraw],
    next: { passed: 'ADMISSION_DECISION', failed: 'REJECTED' },
  },
  {
    id: 'ADMISSION_DECISION',
    order: 8,
    label: 'Quyết định kết nạp',
    labelEn: 'Admission decision',
    actor: 'approver',
    forms: ['9-KNĐ'],
    actions: [decideAdmission, extendDecisionDeadline, withdraw],
    next: {
      approved: 'CEREMONY',
      rejected: 'REJECTED',
      moreInformationRequested: 'ADMISSION_DECISION',
      deadlineExtended: 'ADMISSION_DECISION',
    },
    deadline: admissionDecisionDeadline,
  },
  {
    id: 'CEREMONY',
    order: 9,
    label: 'Lễ kết nạp',
    labelEn: 'Admission ceremony',
    actor: 'cell-officer',
    forms: [],
    actions: [recordCeremony, withdraw],
    next: { held: 'ADMITTED' },
    deadline: ceremonyDeadline,
  },
];

export const TERMINAL_STAGES: readonly TerminalStage[] = [
  { id: 'ADMITTED', label: 'Đảng viên dự bị', labelEn: 'Probationary member' },
  { id: 'REJECTED', label: 'Không được kết nạp', labelEn: 'Not admitted' },
  { id: 'WITHDRAWN', label: 'Đã rút khỏi quy trình', labelEn: 'Withdrawn' },
  { id: 'REVOKED', label: 'Hủy quyết định kết nạp', labelEn: 'Admission revoked' },
];

/** Terminal stages that no workflow action reaches (only a correction): no state machine state. */
export const CORRECTION_ONLY_STAGES: readonly TerminalStageId[] = ['REVOKED'];

/** The stage every withdrawal leads to, whatever the stage it left. */
export const WITHDRAWN_STAGE: TerminalStageId = 'WITHDRAWN';
export const FIRST_STAGE: HumanStageId = 'NOMINATED';

const humanStagesById = new Map(PIPELINE.map((s) => [s.id, s]));

export function isHumanStage(id: string): id is HumanStageId {
  return humanStagesById.has(id as HumanStageId);
}

export function humanStage(id: HumanStageId): HumanStage {
  const stage = humanStagesById.get(id);
  if (!stage) throw new Error(`Unknown stage ${id}`);
  return stage;
}

export function stageLabel(id: StageId): { label: string; labelEn: string } {
  const stage = humanStagesById.get(id as HumanStageId) ?? TERMINAL_STAGES.find((s) => s.id === id);
  if (!stage) throw new Error(`Unknown stage ${id}`);
  return { label: stage.label, labelEn: stage.labelEn };
}

/** The stages a human stage can lead to, in table order: the workflow's Choice branches. */
export function successorsOf(stage: HumanStage): StageId[] {
  return [...new Set(Object.values(stage.next))];
}

/** The action's date, which picks the policy version: the spec's, else a date in the payload. */
export function eventDateOf(action: ActionSpec, payload: unknown, today: string): string {
  const own = action.eventDate?.(payload);
  if (own) return own;
  const p = (payload ?? {}) as Record<string, unknown>;
  const found = ['decisionDate', 'meetingDate', 'effectiveOn'].find(
    (k) => typeof p[k] === 'string',
  );
  return found ? (p[found] as string) : today;
}

export function nextStageFor(
  stage: HumanStage,
  action: ActionSpec,
  payload: unknown,
  judgedOutcome?: string,
): StageId {
  if (action.delivery === 'fail') return WITHDRAWN_STAGE;
  const outcome = judgedOutcome ?? action.outcome(payload);
  const next = stage.next[outcome];
  if (!next) throw new Error(`Stage ${stage.id} has no successor for outcome ${outcome}`);
  return next;
}
