import type { Candidate } from './candidate';
import { refuse } from './refusal';
import {
  type AdmissionPolicy,
  compareDates,
  type IsoDate,
  isOverdue,
  judgeCellVote,
  judgeCommitteeVote,
  policyInForce,
  probationEnd,
  recognitionDecisionDue,
  recognitionGoesToUpperCommittee,
  recognitionReviewDue,
  vietnameseDate,
} from './rules';
import type { StageDeadlineRule } from './stage-deadlines';
import type { Judgement, RuleContext } from './stage-rules';
import type { CellVoteRecord } from './votes';
import { startOfVietnamDay } from './vietnam-time';

/**
 * The rules of recognition after probation (docs/admission-rules.md, "The stages").
 * Every deadline counts from the END of the 12 months of probation — never from a late meeting —
 * and the member is official from that day, whenever the decision is signed.
 */

export interface ProbationFacts {
  ceremonyDate: IsoDate;
  /** The day the 12 months are complete (probationEnd of the policy in force at the ceremony). */
  endsOn: IsoDate;
  policyVersion: AdmissionPolicy['version'];
}

/** Probation counted from the ceremony, under the policy in force on the ceremony's date. */
export function probationOf(candidate: Pick<Candidate, 'dossier'>): ProbationFacts {
  const ceremony = candidate.dossier.ceremony as { ceremonyDate?: IsoDate } | undefined;
  if (!ceremony?.ceremonyDate) {
    throw new Error('The candidate has no recorded ceremony: probation has not started');
  }
  const policy = policyInForce(ceremony.ceremonyDate);
  return {
    ceremonyDate: ceremony.ceremonyDate,
    endsOn: probationEnd(ceremony.ceremonyDate, policy),
    policyVersion: policy.version,
  };
}

/**
 * How long after the wake-up a member may still be on probation before the repair steps in: the
 * schedule fires at the start of the day, so an hour later its execution has long adopted the
 * member — unless the schedule was lost or its deliveries kept failing.
 */
const PROBATION_WAKE_GRACE_MS = 60 * 60 * 1000;

/**
 * A member whose wake-up is recorded as scheduled, still `ADMITTED` past the end of probation
 * (plus the grace): the schedule did not start recognition, and the resume job must.
 */
export function probationOverdue(
  candidate: Pick<Candidate, 'stage' | 'dossier' | 'probationSchedule'>,
  now: Date,
): boolean {
  if (candidate.stage !== 'ADMITTED' || !candidate.probationSchedule) return false;
  const wakeUp = startOfVietnamDay(probationOf(candidate).endsOn).getTime();
  return now.getTime() >= wakeUp + PROBATION_WAKE_GRACE_MS;
}

/**
 * The cell's review: 30 working days from the END of the 12 months (not from the schedule's
 * firing or a late meeting), under the policy in force that day.
 */
function reviewDeadlineOf(probation: ProbationFacts) {
  return recognitionReviewDue(probation.endsOn, policyInForce(probation.endsOn));
}

/**
 * What the end of probation records: the dossier entry (with the cell review's due date counted
 * from that day), the findings of the history event and the policy that judged them.
 */
export function probationEndFacts(probation: ProbationFacts) {
  const reviewDue = reviewDeadlineOf(probation);
  return {
    dossierEntry: { ...probation, reviewDueOn: reviewDue.dueOn },
    findings: {
      ceremonyDate: probation.ceremonyDate,
      probationEndsOn: probation.endsOn,
      reviewDueOn: reviewDue.dueOn,
      reviewWorkingDays: reviewDue.workingDays,
    },
    policyVersion: probation.policyVersion,
  };
}

/** The table's deadline of RECOGNITION_CELL_REVIEW (none before the ceremony is on file). */
export const recognitionReviewDeadline: StageDeadlineRule = (candidate) =>
  candidate.dossier.ceremony ? reviewDeadlineOf(probationOf(candidate)) : undefined;

/** The table's deadline of RECOGNITION_DECISION: 30 working days from the proposing resolution. */
export const recognitionDecisionDeadline: StageDeadlineRule = (candidate) => {
  const from = proposingResolutionDate(candidate);
  return from ? recognitionDecisionDue(from, policyInForce(from)) : undefined;
};

function dossierOf<T>(candidate: Pick<Candidate, 'dossier'>, key: string): T | undefined {
  return candidate.dossier[key] as T | undefined;
}

function refuseBefore(
  policy: AdmissionPolicy,
  field: string,
  date: IsoDate,
  before: IsoDate,
  what: { vi: string; en: string },
  code = 'DATE_BEFORE_PREVIOUS_STEP',
): never {
  return refuse('rule', {
    code,
    message: `Ngày ${vietnameseDate(date)} trước ${what.vi} (${vietnameseDate(before)})`,
    message_en: `${date} is before ${what.en} (${before})`,
    field,
    details: { date, previous: before, policyVersion: policy.version },
  });
}

// ---------------------------------------------------------------- cell review

type RecognitionProposal = 'RECOGNISE' | 'REMOVE';

export interface RecognitionCellReviewPayload extends CellVoteRecord {
  meetingDate: IsoDate;
  /** What the cell votes on: recognition as an official member, or removal (xóa tên). */
  proposal: RecognitionProposal;
  /** 10-KNĐ: the member's self-review. */
  selfReviewOn: IsoDate;
  /** 11-KNĐ: the helping member's assessment. */
  helperAssessmentOn: IsoDate;
  /** 12-KNĐ: summary of the comments of mass organisations and the residence cell. */
  commentsSummaryOn: IsoDate;
}

/** What the dossier keeps of the cell's latest review: the payload and the failed votes so far. */
interface RecognitionCellReviewEntry extends RecognitionCellReviewPayload {
  outcome: string;
  failedVotes: number;
}

/**
 * The cell's review (13-KNĐ): not before probation ends; ≥ 2/3 under the cell-vote denominator.
 * A vote short of 2/3 is held again; after `recognitionCellVotesBeforeEscalation` such votes
 * (3) the case goes to the upper committee — the grassroots committee, or the deciding
 * committee when the cell is itself grassroots. The review is due 30 working days after the
 * 12 months; a late meeting is recorded as late, and still counts from that day.
 */
export function judgeRecognitionCellReview(
  p: RecognitionCellReviewPayload,
  { candidate, policy }: RuleContext,
): Judgement {
  const probation = probationOf(candidate);
  if (compareDates(p.meetingDate, probation.endsOn) < 0) {
    refuseBefore(
      policy,
      'payload.meetingDate',
      p.meetingDate,
      probation.endsOn,
      { vi: 'ngày hết 12 tháng dự bị', en: 'the end of the 12 months of probation' },
      'RECOGNITION_BEFORE_PROBATION_END',
    );
  }
  for (const [field, date, form] of [
    ['selfReviewOn', p.selfReviewOn, '10-KNĐ'],
    ['helperAssessmentOn', p.helperAssessmentOn, '11-KNĐ'],
    ['commentsSummaryOn', p.commentsSummaryOn, '12-KNĐ'],
  ] as const) {
    if (compareDates(date, p.meetingDate) > 0) {
      refuse('rule', {
        code: 'DOCUMENT_AFTER_MEETING',
        message: `${form} ngày ${vietnameseDate(date)} sau ngày chi bộ họp (${vietnameseDate(p.meetingDate)})`,
        message_en: `${form} dated ${date} is after the cell meeting (${p.meetingDate})`,
        field: `payload.${field}`,
        details: { date, meetingDate: p.meetingDate, form, policyVersion: policy.version },
      });
    }
  }
  const previous = dossierOf<RecognitionCellReviewEntry>(candidate, 'recognitionCellReview');
  if (previous && compareDates(p.meetingDate, previous.meetingDate) <= 0) {
    refuseBefore(policy, 'payload.meetingDate', p.meetingDate, previous.meetingDate, {
      vi: 'hoặc trùng ngày chi bộ họp xét lần trước',
      en: 'or on the day of the previous review meeting',
    });
  }
  const failedBefore = previous?.failedVotes ?? 0;
  const vote = judgeCellVote(p, policy);
  const failedVotes = failedBefore + (vote.passed ? 0 : 1);
  const escalated = !vote.passed && recognitionGoesToUpperCommittee(failedVotes, policy);
  const atGrassrootsCell = candidate.unitLevel === 'GRASSROOTS_CELL';
  const outcome = vote.passed
    ? atGrassrootsCell
      ? 'passedAtGrassrootsCell'
      : 'passed'
    : escalated
      ? atGrassrootsCell
        ? 'escalatedAtGrassrootsCell'
        : 'escalated'
      : 'failed';
  const due = reviewDeadlineOf(probation);
  return {
    outcome,
    findings: {
      proposal: p.proposal,
      vote,
      attempt: failedBefore + 1,
      failedVotes,
      votesBeforeEscalation: policy.recognitionCellVotesBeforeEscalation,
      probationEndsOn: probation.endsOn,
      reviewDueOn: due.dueOn,
      late: isOverdue(due, p.meetingDate),
    },
  };
}

// ---------------------------------------------------------------- grassroots review

export interface RecognitionGrassrootsPayload {
  meetingDate: IsoDate;
  proposal: RecognitionProposal;
  committeeMembers: number;
  votesFor: number;
  votesAgainst: number;
  /** 14-KNĐ: the report of a sub-committee (đảng ủy bộ phận), where one exists. */
  subCommitteeReportOn?: IsoDate;
}

/** The grassroots committee (15-KNĐ): ≥ 2/3 of its members; short of it, it meets again. */
export function judgeRecognitionGrassroots(
  p: RecognitionGrassrootsPayload,
  { candidate, policy }: RuleContext,
): Judgement {
  const cell = dossierOf<RecognitionCellReviewEntry>(candidate, 'recognitionCellReview');
  if (cell && compareDates(p.meetingDate, cell.meetingDate) < 0) {
    refuseBefore(policy, 'payload.meetingDate', p.meetingDate, cell.meetingDate, {
      vi: 'ngày chi bộ họp xét công nhận',
      en: 'the cell recognition meeting',
    });
  }
  const vote = judgeCommitteeVote(p, policy);
  return {
    outcome: vote.passed ? 'passed' : 'failed',
    findings: {
      proposal: p.proposal,
      vote,
      ...(vote.passed
        ? { decisionDueOn: recognitionDecisionDue(p.meetingDate, policy).dueOn }
        : {}),
    },
  };
}

// ---------------------------------------------------------------- decision

export type RecognitionDecisionPayload =
  | { decision: 'RECOGNISE'; decisionNumber: string; decisionDate: IsoDate }
  | { decision: 'REMOVE'; decisionNumber: string; decisionDate: IsoDate; reason: string }
  | { decision: 'REQUEST_INFO'; decisionDate?: IsoDate; reason: string };

/** The resolution that proposed the decision: the grassroots committee's, else the cell's. */
function proposingResolutionDate(candidate: Pick<Candidate, 'dossier'>): IsoDate | undefined {
  const grassroots = dossierOf<{ meetingDate: IsoDate }>(candidate, 'recognitionGrassroots');
  const cell = dossierOf<{ meetingDate: IsoDate }>(candidate, 'recognitionCellReview');
  return grassroots?.meetingDate ?? cell?.meetingDate;
}

/**
 * The competent committee decides (no approval by silence): not before the resolution proposing
 * it; due 30 working days after it. A recognised member is official from the end of probation.
 */
export function judgeRecognitionDecision(
  p: RecognitionDecisionPayload,
  { candidate, policy }: RuleContext,
): Judgement {
  if (!p.decisionDate) return { findings: {} };
  const resolution = proposingResolutionDate(candidate);
  if (resolution && compareDates(p.decisionDate, resolution) < 0) {
    refuseBefore(policy, 'payload.decisionDate', p.decisionDate, resolution, {
      vi: 'ngày nghị quyết đề nghị',
      en: 'the resolution proposing it',
    });
  }
  const due = recognitionDecisionDeadline(candidate);
  return {
    findings: {
      ...(p.decision === 'RECOGNISE' ? { officialSince: probationOf(candidate).endsOn } : {}),
      ...(due ? { decisionDueOn: due.dueOn, late: isOverdue(due, p.decisionDate) } : {}),
    },
  };
}
