import * as z from 'zod';
import { builtOnFirstUse } from './built-on-first-use';
import { multiLineText, singleLineText } from './clean-text';
import { type Role } from './roles';
import {
  BACKGROUND_SUBJECTS,
  judgeBackgroundCheck,
  judgeCellResolution,
  judgeCeremony,
  judgeClassResult,
  judgeGrassrootsResolution,
  judgeSponsorship,
  type Judgement,
  type RuleContext,
} from './stage-rules';
import {
  admissionDecisionDeadline,
  ceremonyDeadline,
  DECISION_EXTENSION_KEY,
  judgeDecisionExtension,
  type StageDeadlineRule,
} from './stage-deadlines';
import {
  judgeRecognitionCellReview,
  judgeRecognitionDecision,
  judgeRecognitionGrassroots,
  recognitionDecisionDeadline,
  recognitionReviewDeadline,
} from './recognition-rules';
import { type HumanStageId, type StageId, type TerminalStageId } from './stage-ids';
import { type CellVoteRecord, cellVoteDenominator, reachesTwoThirds } from './votes';

/**
 * The admission procedure as one declarative table (docs/admission-rules.md, "The stages").
 * The CDK workflow construct generates the state machine from it, the API validates actions
 * against it, and docs and reports take their labels from it: adding a stage is an edit here.
 */

// Built on first use, as every payload below: a function that reads the table but parses no
// action (most of them) builds none of its schemas at its cold start (docs/architecture.md, "Bundles").
const isoDate = builtOnFirstUse(() => z.iso.date());
const shortText = builtOnFirstUse(() => singleLineText(1, 200));
const count = builtOnFirstUse(() => z.int().min(0).max(10_000));

export {
  HUMAN_STAGE_IDS,
  TERMINAL_STAGE_IDS,
  type HumanStageId,
  type StageId,
  type TerminalStageId,
} from './stage-ids';

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
  /**
   * What the dossier keeps under `dossierKey` (default: the payload), given what the submission
   * found: e.g. how many votes fell short so far.
   */
  dossierEntry?(
    payload: Payload,
    submission: { outcome: string; findings?: Record<string, unknown> },
  ): unknown;
  /**
   * The day the action is taken, which picks the policy version (default: see eventDateOf). A
   * fact's own date (a certificate's issue, sponsors' time together) is never this date.
   */
  eventDate?(payload: Payload): string;
  /**
   * A meeting or a decision of the procedure: dated no earlier than any such act already on the
   * dossier (a decision before the meeting it decides on is a typing mistake).
   */
  sequenced?: true;
  /**
   * Payload dates that may lie ahead (a class planned for next month). Every other date of the
   * payload records what happened, so none may be after today (see datedFieldsOf).
   */
  plannedDates?: readonly string[];
  delivery: 'complete' | 'fail';
  /**
   * A step recorded on the way that keeps the candidate at its stage (an enrolment, an extended
   * deadline), not the one that completes the stage: onboarding asks only for the latter.
   */
  staysAtStage?: true;
}

/**
 * The two workflows of the procedure. Admission ends at `ADMITTED` (probationary member);
 * 12 months later a schedule starts the recognition workflow, which ends at `OFFICIAL` or
 * `REMOVED`. Each phase is its own state machine, generated from its stages of this table.
 */
export type PhaseId = 'admission' | 'recognition';

export interface HumanStage {
  id: HumanStageId;
  phase: PhaseId;
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

/**
 * A wait that no one acts on: the stage the candidate item names while a schedule (EventBridge
 * Scheduler, never a Wait state) counts down, and the stage the woken workflow moves it to.
 */
export interface ScheduledStep {
  id: 'PROBATION';
  phase: PhaseId;
  order: number;
  label: string;
  labelEn: string;
  /** The candidate's stage while it lasts. */
  during: TerminalStageId;
  /** What the history records when the schedule wakes the workflow. */
  action: string;
  outcome: string;
  /** Where the dossier keeps what the rules found when the wait ended. */
  dossierKey: string;
  next: HumanStageId;
}

/** An action as the table declares it: its payload's schema as the function that builds it. */
type ActionDefinition<Payload> = Omit<ActionSpec<Payload>, 'payload'> & {
  payload: () => z.ZodType<Payload>;
};

/**
 * The action of a definition, its payload's schema built the first time it is read (to parse an
 * action, to list onboarding's columns): most functions read the table for its stages and labels
 * only, and would otherwise build every payload's schema at their cold start.
 */
function action<Payload>({ payload, ...spec }: ActionDefinition<Payload>): ActionSpec {
  const built = builtOnFirstUse(payload);
  return {
    ...spec,
    get payload() {
      return built();
    },
  } as ActionSpec;
}

export const withdraw = action({
  id: 'withdraw',
  label: 'Rút khỏi quy trình',
  labelEn: 'Withdraw from the procedure',
  actor: 'cell-officer',
  payload: () =>
    z.strictObject({
      reason: z.enum(['CANDIDATE_REQUEST', 'MOVED_AWAY', 'LEFT_ENTERPRISE', 'OTHER']),
      note: multiLineText(0, 500).optional(),
      effectiveOn: isoDate(),
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
  payload: () =>
    z.strictObject({
      decisionDate: isoDate(),
      helperMemberName: shortText(),
    }),
  dossierKey: 'nomination',
  outcome: () => 'confirmed',
  eventDate: (p) => p.decisionDate,
  sequenced: true,
  delivery: 'complete',
});

const enrolInClass = action({
  id: 'enrolInClass',
  label: 'Ghi danh lớp bồi dưỡng nhận thức về Đảng',
  labelEn: 'Enrol in an awareness class',
  actor: 'cell-officer',
  payload: () =>
    z
      .strictObject({ classId: shortText(), startsOn: isoDate(), endsOn: isoDate() })
      .refine((p) => p.startsOn <= p.endsOn, {
        path: ['endsOn'],
        message: 'Ngày kết thúc trước ngày khai giảng | The class ends before it starts',
      }),
  dossierKey: 'enrolment',
  outcome: () => 'enrolled',
  eventDate: (p) => p.startsOn,
  plannedDates: ['startsOn', 'endsOn'],
  delivery: 'complete',
  staysAtStage: true,
});

const recordClassResult = action({
  id: 'recordClassResult',
  label: 'Ghi kết quả lớp bồi dưỡng nhận thức về Đảng',
  labelEn: 'Record the awareness class result',
  actor: 'cell-officer',
  payload: () =>
    z.discriminatedUnion('result', [
      z.strictObject({
        result: z.literal('PASSED'),
        classId: shortText().optional(),
        certificateNumber: shortText(),
        issuedOn: isoDate(),
      }),
      z.strictObject({
        result: z.literal('FAILED'),
        classId: shortText().optional(),
        classEndedOn: isoDate(),
      }),
      // Did not attend: like a failure, the candidate retakes a class; history keeps the reason.
      z.strictObject({
        result: z.literal('ABSENT'),
        classId: shortText().optional(),
        classEndedOn: isoDate(),
      }),
    ]),
  dossierKey: 'awarenessClass',
  outcome: (p) => (p.result === 'PASSED' ? 'passed' : 'failed'),
  judge: judgeClassResult,
  // No eventDate: the certificate's issue is a fact, judged at the cell meeting under the
  // version in force then; recording it is judged on the day it is recorded.
  delivery: 'complete',
});

const recordApplication = action({
  id: 'recordApplication',
  label: 'Nhận đơn xin vào Đảng và lý lịch',
  labelEn: 'Receive the application and background form',
  actor: 'cell-officer',
  payload: () =>
    z.strictObject({
      applicationReceivedOn: isoDate(),
      backgroundFormReceivedOn: isoDate(),
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
  payload: () =>
    z.strictObject({
      completedOn: isoDate(),
      result: z.enum(['CLEARED', 'NOT_CLEARED']),
      /** Who was verified: the candidate, parents (or who raised them), in-laws, spouse, adult children. */
      subjects: z
        .array(
          z.strictObject({
            relation: z.enum(BACKGROUND_SUBJECTS),
            name: shortText().optional(),
            result: z.enum(['CLEARED', 'NOT_CLEARED']),
            repliedOn: isoDate().optional(),
          }),
        )
        .min(1)
        .max(20),
      summary: multiLineText(0, 2000).optional(),
    }),
  dossierKey: 'backgroundCheck',
  outcome: (p) => (p.result === 'CLEARED' ? 'cleared' : 'notCleared'),
  judge: judgeBackgroundCheck,
  eventDate: (p) => p.completedOn,
  delivery: 'complete',
});

const sponsor = builtOnFirstUse(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('MEMBER'),
      name: shortText(),
      /** Only official members sponsor (checked by checkSponsors, which names the member). */
      official: z.boolean().default(true),
      /** Since when the member has worked, studied or lived with the candidate in the same unit. */
      togetherSince: isoDate(),
      /** Date of the sponsor letter (3-KNĐ). */
      documentDate: isoDate(),
      /** A replacement assigned by the cell after a sponsor left: the 12 months do not apply. */
      replacementAssignedOn: isoDate().optional(),
      /** The sponsoring member's user account, if they have one: they may not decide the admission. */
      memberUserId: z.string().trim().min(1).max(128).optional(),
    }),
    z.strictObject({
      kind: z.enum(['YOUTH_UNION_RESOLUTION', 'TRADE_UNION_RESOLUTION']),
      name: shortText().optional(),
      /** Date of the executive committee's resolution (4-KNĐ or 4A-KNĐ). */
      documentDate: isoDate(),
    }),
  ]),
);

const recordSponsorship = action({
  id: 'recordSponsorship',
  label: 'Ghi giới thiệu của người/tổ chức giới thiệu',
  labelEn: 'Record the sponsors',
  actor: 'cell-officer',
  payload: () =>
    z
      .strictObject({
        sponsors: z.array(sponsor()).min(1).max(3),
        /** Summary of the comments of mass organisations and the residence cell (5-KNĐ). */
        commentsSummaryOn: isoDate().optional(),
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

const cellVoteCounts = builtOnFirstUse(() => ({
  officialMembers: count().min(1),
  excludedMembers: count(),
  excludedMembersAttending: count(),
  votesFor: count(),
  votesAgainst: count(),
}));

/** The consistency of a cell's vote record, for admission and recognition alike. */
function checkedCellVote<T extends CellVoteRecord>(schema: z.ZodType<T>): z.ZodType<T> {
  return schema
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
      message:
        'Số phiếu vượt quá số đảng viên có quyền biểu quyết | More votes than voting members',
    });
}

const committeeVoteCounts = builtOnFirstUse(() => ({
  committeeMembers: count().min(1),
  votesFor: count(),
  votesAgainst: count(),
}));

function checkedCommitteeVote<
  T extends { committeeMembers: number; votesFor: number; votesAgainst: number },
>(schema: z.ZodType<T>): z.ZodType<T> {
  return schema.refine((v) => v.votesFor + v.votesAgainst <= v.committeeMembers, {
    path: ['votesFor'],
    message: 'Số phiếu vượt quá số ủy viên | More votes than committee members',
  });
}

const cellVote = builtOnFirstUse(() =>
  checkedCellVote(
    z.strictObject({
      meetingDate: isoDate(),
      ...cellVoteCounts(),
      /** The standing committee's prior written consent, for a candidate over 60 at the meeting. */
      over60Consent: z
        .strictObject({ givenOn: isoDate(), reference: shortText().optional() })
        .optional(),
    }),
  ),
);

const recordCellResolution = action({
  id: 'recordCellResolution',
  label: 'Ghi nghị quyết chi bộ đề nghị kết nạp',
  labelEn: 'Record the cell resolution',
  actor: 'cell-officer',
  payload: () => cellVote(),
  dossierKey: 'cellResolution',
  outcome: (v) => (reachesTwoThirds(v.votesFor, cellVoteDenominator(v)) ? 'passed' : 'failed'),
  judge: judgeCellResolution,
  eventDate: (v) => v.meetingDate,
  sequenced: true,
  delivery: 'complete',
});

const recordGrassrootsResolution = action({
  id: 'recordGrassrootsResolution',
  label: 'Ghi nghị quyết đảng ủy cơ sở',
  labelEn: 'Record the grassroots committee resolution',
  actor: 'committee-officer',
  payload: () =>
    checkedCommitteeVote(z.strictObject({ meetingDate: isoDate(), ...committeeVoteCounts() })),
  dossierKey: 'grassrootsResolution',
  outcome: (v) => (reachesTwoThirds(v.votesFor, v.committeeMembers) ? 'passed' : 'failed'),
  judge: judgeGrassrootsResolution,
  eventDate: (v) => v.meetingDate,
  sequenced: true,
  delivery: 'complete',
});

const reason = builtOnFirstUse(() => multiLineText(1, 2000));

/** A deciding committee's answer that keeps the step open: the cell completes the dossier. */
const requestInformation = builtOnFirstUse(() =>
  z.strictObject({
    decision: z.literal('REQUEST_INFO'),
    decisionDate: isoDate().optional(),
    reason: reason(),
  }),
);

const decideAdmission = action({
  id: 'decideAdmission',
  label: 'Quyết định kết nạp',
  labelEn: 'Decide the admission',
  actor: 'approver',
  payload: () =>
    z.discriminatedUnion('decision', [
      z.strictObject({
        decision: z.literal('APPROVE'),
        decisionNumber: shortText(),
        decisionDate: isoDate(),
      }),
      z.strictObject({
        decision: z.literal('REJECT'),
        decisionNumber: shortText().optional(),
        decisionDate: isoDate(),
        reason: reason(),
      }),
      requestInformation(),
    ]),
  dossierKey: 'admissionDecision',
  outcome: (p) =>
    ({ APPROVE: 'approved', REJECT: 'rejected', REQUEST_INFO: 'moreInformationRequested' })[
      p.decision
    ],
  sequenced: true,
  delivery: 'complete',
});

/** The deciding body's +30 working days, once, for a special case it names (a recorded action). */
const extendDecisionDeadline = action({
  id: 'extendDecisionDeadline',
  label: 'Gia hạn thời hạn quyết định kết nạp (thêm 30 ngày làm việc)',
  labelEn: 'Extend the admission decision deadline (30 more working days)',
  actor: 'approver',
  payload: () =>
    z.strictObject({
      decidedOn: isoDate(),
      reason: reason(),
      reference: shortText().optional(),
    }),
  dossierKey: DECISION_EXTENSION_KEY,
  outcome: () => 'deadlineExtended',
  judge: judgeDecisionExtension,
  eventDate: (p) => p.decidedOn,
  sequenced: true,
  delivery: 'complete',
  staysAtStage: true,
});

const recordCeremony = action({
  id: 'recordCeremony',
  label: 'Ghi lễ kết nạp',
  labelEn: 'Record the admission ceremony',
  actor: 'cell-officer',
  payload: () =>
    z.strictObject({
      ceremonyDate: isoDate(),
      /** When the cell received the decision (default: the decision's date). */
      decisionReceivedOn: isoDate().optional(),
      /** The upper committee's consent to a ceremony later than 30 working days. */
      upperCommitteeConsent: z
        .strictObject({ givenOn: isoDate(), reference: shortText().optional() })
        .optional(),
    }),
  dossierKey: 'ceremony',
  outcome: () => 'held',
  judge: judgeCeremony,
  eventDate: (p) => p.ceremonyDate,
  sequenced: true,
  delivery: 'complete',
});

// ---------------------------------------------------------------- recognition after probation

const proposal = builtOnFirstUse(() => z.enum(['RECOGNISE', 'REMOVE']));

const recordRecognitionCellReview = action({
  id: 'recordRecognitionCellReview',
  label: 'Ghi nghị quyết chi bộ xét công nhận đảng viên chính thức',
  labelEn: 'Record the cell review for official membership',
  actor: 'cell-officer',
  payload: () =>
    checkedCellVote(
      z.strictObject({
        meetingDate: isoDate(),
        /** Recognition as an official member, or removal from the rolls (xóa tên). */
        proposal: proposal(),
        /** 10-KNĐ self-review, 11-KNĐ helper's assessment, 12-KNĐ comments summary. */
        selfReviewOn: isoDate(),
        helperAssessmentOn: isoDate(),
        commentsSummaryOn: isoDate(),
        ...cellVoteCounts(),
      }),
    ),
  dossierKey: 'recognitionCellReview',
  outcome: (v) => (reachesTwoThirds(v.votesFor, cellVoteDenominator(v)) ? 'passed' : 'failed'),
  judge: judgeRecognitionCellReview,
  // The failed votes so far decide when the case goes up: kept with the latest review.
  dossierEntry: (payload, submission) => ({
    ...payload,
    outcome: submission.outcome,
    failedVotes: submission.findings?.failedVotes ?? 0,
  }),
  eventDate: (v) => v.meetingDate,
  sequenced: true,
  delivery: 'complete',
});

const recordRecognitionGrassroots = action({
  id: 'recordRecognitionGrassroots',
  label: 'Ghi nghị quyết đảng ủy cơ sở đề nghị công nhận đảng viên chính thức',
  labelEn: 'Record the grassroots committee resolution on official membership',
  actor: 'committee-officer',
  payload: () =>
    checkedCommitteeVote(
      z.strictObject({
        meetingDate: isoDate(),
        proposal: proposal(),
        ...committeeVoteCounts(),
        /** 14-KNĐ: the sub-committee's report, where one exists. */
        subCommitteeReportOn: isoDate().optional(),
      }),
    ),
  dossierKey: 'recognitionGrassroots',
  outcome: (v) => (reachesTwoThirds(v.votesFor, v.committeeMembers) ? 'passed' : 'failed'),
  judge: judgeRecognitionGrassroots,
  eventDate: (v) => v.meetingDate,
  sequenced: true,
  delivery: 'complete',
});

const decideRecognition = action({
  id: 'decideRecognition',
  label: 'Quyết định công nhận đảng viên chính thức hoặc xóa tên',
  labelEn: 'Decide official membership or removal',
  actor: 'approver',
  payload: () =>
    z.discriminatedUnion('decision', [
      z.strictObject({
        decision: z.literal('RECOGNISE'),
        decisionNumber: shortText(),
        decisionDate: isoDate(),
      }),
      z.strictObject({
        decision: z.literal('REMOVE'),
        decisionNumber: shortText(),
        decisionDate: isoDate(),
        reason: reason(),
      }),
      requestInformation(),
    ]),
  dossierKey: 'recognitionDecision',
  outcome: (p) =>
    ({ RECOGNISE: 'recognised', REMOVE: 'removed', REQUEST_INFO: 'moreInformationRequested' })[
      p.decision
    ],
  judge: judgeRecognitionDecision,
  sequenced: true,
  delivery: 'complete',
});

export const ADMISSION_PIPELINE: readonly HumanStage[] = [
  {
    id: 'NOMINATED',
    phase: 'admission',
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
    phase: 'admission',
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
    phase: 'admission',
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
    phase: 'admission',
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
    phase: 'admission',
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
    phase: 'admission',
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
    phase: 'admission',
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
    phase: 'admission',
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
    phase: 'admission',
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

/**
 * Probation: 12 months from the ceremony (probationEnd). At `ADMITTED` the apply step creates a
 * one-time schedule for the day they end; it starts the recognition workflow, whose first step
 * records the end of probation and moves the member to the cell's review.
 */
export const PROBATION: ScheduledStep = {
  id: 'PROBATION',
  phase: 'recognition',
  order: 10,
  label: 'Thời gian dự bị 12 tháng',
  labelEn: 'Twelve months of probation',
  during: 'ADMITTED',
  action: 'endProbation',
  outcome: 'probationEnded',
  dossierKey: 'probation',
  next: 'RECOGNITION_CELL_REVIEW',
};

/**
 * Recognition (docs/admission-rules.md, "The stages": the three recognition stages). Deadlines count from the end of the 12 months
 * (recognitionReviewDue) and from the resolution proposing the decision (recognitionDecisionDue).
 * Leaving during probation is a removal (xóa tên) decided by the committee, not a withdrawal.
 */
export const RECOGNITION_PIPELINE: readonly HumanStage[] = [
  {
    id: 'RECOGNITION_CELL_REVIEW',
    phase: 'recognition',
    order: 11,
    label: 'Chi bộ xét công nhận chính thức',
    labelEn: 'Cell review for official membership',
    actor: 'cell-officer',
    forms: ['10-KNĐ', '11-KNĐ', '12-KNĐ', '13-KNĐ'],
    actions: [recordRecognitionCellReview],
    deadline: recognitionReviewDeadline,
    next: {
      passed: 'RECOGNITION_GRASSROOTS',
      passedAtGrassrootsCell: 'RECOGNITION_DECISION',
      // Short of 2/3: the cell meets again; after 3 such votes the upper committee takes it.
      failed: 'RECOGNITION_CELL_REVIEW',
      escalated: 'RECOGNITION_GRASSROOTS',
      escalatedAtGrassrootsCell: 'RECOGNITION_DECISION',
    },
  },
  {
    id: 'RECOGNITION_GRASSROOTS',
    phase: 'recognition',
    order: 12,
    label: 'Đảng ủy cơ sở xét công nhận',
    labelEn: 'Grassroots committee review',
    actor: 'committee-officer',
    forms: ['14-KNĐ', '15-KNĐ'],
    actions: [recordRecognitionGrassroots],
    next: { passed: 'RECOGNITION_DECISION', failed: 'RECOGNITION_GRASSROOTS' },
  },
  {
    id: 'RECOGNITION_DECISION',
    phase: 'recognition',
    order: 13,
    label: 'Quyết định công nhận',
    labelEn: 'Recognition decision',
    actor: 'approver',
    forms: [],
    actions: [decideRecognition],
    deadline: recognitionDecisionDeadline,
    next: {
      recognised: 'OFFICIAL',
      removed: 'REMOVED',
      moreInformationRequested: 'RECOGNITION_DECISION',
    },
  },
];

/** Every human stage of both phases, in order. */
export const PIPELINE: readonly HumanStage[] = [...ADMISSION_PIPELINE, ...RECOGNITION_PIPELINE];

export interface Phase {
  id: PhaseId;
  stages: readonly HumanStage[];
  /** Where an execution started without a stage to resume from (by its schedule) begins. */
  scheduledEntry?: ScheduledStep;
}

export const PHASES: Readonly<Record<PhaseId, Phase>> = {
  admission: { id: 'admission', stages: ADMISSION_PIPELINE },
  recognition: { id: 'recognition', stages: RECOGNITION_PIPELINE, scheduledEntry: PROBATION },
};

export const TERMINAL_STAGES: readonly TerminalStage[] = [
  { id: 'ADMITTED', label: 'Đảng viên dự bị', labelEn: 'Probationary member' },
  { id: 'REJECTED', label: 'Không được kết nạp', labelEn: 'Not admitted' },
  { id: 'WITHDRAWN', label: 'Đã rút khỏi quy trình', labelEn: 'Withdrawn' },
  { id: 'REVOKED', label: 'Hủy quyết định kết nạp', labelEn: 'Admission revoked' },
  { id: 'OFFICIAL', label: 'Đảng viên chính thức', labelEn: 'Official member' },
  { id: 'REMOVED', label: 'Xóa tên', labelEn: 'Removed from the rolls' },
];

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

/** The phase (state machine) a stage's execution belongs to. */
export function phaseOf(stage: HumanStageId): PhaseId {
  return humanStage(stage).phase;
}

/** The action that completes a stage (the one onboarding records for each stage behind a file). */
export function completingAction(stage: HumanStage): ActionSpec {
  const found = stage.actions.find((a) => a.delivery === 'complete' && !a.staysAtStage);
  if (!found) throw new Error(`Stage ${stage.id} has no completing action`);
  return found;
}

/** The stages a human stage can lead to, in table order: the workflow's Choice branches. */
export function successorsOf(stage: HumanStage): StageId[] {
  return [...new Set(Object.values(stage.next))];
}

/** The action's own date, if its payload names one: the spec's, else a decision or meeting date. */
export function actionDateOf(action: ActionSpec, payload: unknown): string | undefined {
  const own = action.eventDate?.(payload);
  if (own) return own;
  const p = (payload ?? {}) as Record<string, unknown>;
  const found = ['decisionDate', 'meetingDate', 'effectiveOn'].find(
    (k) => typeof p[k] === 'string',
  );
  return found ? (p[found] as string) : undefined;
}

/** The action's date, which picks the policy version: its own, else the day it is recorded. */
export function eventDateOf(action: ActionSpec, payload: unknown, today: string): string {
  return actionDateOf(action, payload) ?? today;
}

/** Payload keys that hold a date by the table's naming: `…On`, `…Date`, `…Since`. */
const DATE_KEY = /(On|Date|Since)$/;

/**
 * Every date of a payload that records something that happened, with its place in the request
 * (`payload.sponsors.1.togetherSince`): all dated keys but the action's planned ones.
 */
export function datedFieldsOf(
  action: ActionSpec,
  payload: unknown,
  prefix = 'payload',
): { field: string; date: string }[] {
  const planned = new Set(action.plannedDates ?? []);
  const found: { field: string; date: string }[] = [];
  const walk = (value: unknown, path: string, key?: string) => {
    if (typeof value === 'string') {
      if (key && DATE_KEY.test(key) && !planned.has(key)) found.push({ field: path, date: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}.${index}`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, k);
    }
  };
  walk(payload, prefix);
  return found;
}

/**
 * The latest meeting or decision already on the dossier: a sequenced act may not be dated before
 * it. Each dossier entry is read by the action that wrote it.
 */
export function latestSequencedDate(dossier: Record<string, unknown>): string | undefined {
  let latest: string | undefined;
  for (const action of actionsOfTable()) {
    if (!action.sequenced) continue;
    const entry = dossier[action.dossierKey];
    if (!entry) continue;
    const date = actionDateOf(action, entry);
    if (date && (!latest || date > latest)) latest = date;
  }
  return latest;
}

function actionsOfTable(): ActionSpec[] {
  return [...new Set(PIPELINE.flatMap((stage) => stage.actions))];
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
