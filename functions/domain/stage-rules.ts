import type { Candidate } from './candidate';
import { refuse } from './refusal';
import {
  type AdmissionPolicy,
  checkAge,
  checkReadmission,
  checkAwarenessCertificate,
  checkCeremonyDate,
  checkSponsors,
  compareDates,
  type IsoDate,
  judgeCellVote,
  judgeCommitteeVote,
  assessDossierFreshness,
  vietnameseDate,
  type Sponsor,
  type OverAgeConsent,
  refuseDateBeforePrevious,
} from './rules';
import { Refusal } from './refusal';

/**
 * The rules each action of the pipeline table must satisfy, as functions the table references
 * (docs/admission-rules.md, "The stages" and "Eligibility"). Each judges the action under the policy in
 * force on the action's own date and returns what the history records; a rule that says no
 * throws a Refusal (422) naming itself, in Vietnamese and English, with the dates involved.
 * A judgement may also name the outcome (the table maps it to the next stage): a lapsed
 * certificate or a stale dossier is an outcome that leads back to the stage to redo, never a
 * refusal and never a dead end.
 */
export interface RuleContext {
  candidate: Candidate;
  policy: AdmissionPolicy;
}

export interface Judgement {
  /** Overrides the action's plain outcome (e.g. `certificateExpired`). */
  outcome?: string;
  /** What the rules found, recorded on the history event (never personal data). */
  findings: Record<string, unknown>;
}

/** Personal data never leaves the candidate item: findings drop the date of birth. */
function withoutBirthDate<T extends object>(value: T): Omit<T, 'dateOfBirth'> {
  const copy = { ...value } as T & { dateOfBirth?: unknown };
  delete copy.dateOfBirth;
  return copy;
}

function refusalBody(error: unknown) {
  if (!(error instanceof Refusal)) throw error;
  return error.body;
}

function dossierOf<T>(candidate: Candidate, key: string): T | undefined {
  return candidate.dossier[key] as T | undefined;
}

function latest(dates: (IsoDate | undefined)[]): IsoDate | undefined {
  return dates
    .filter((d): d is IsoDate => !!d)
    .reduce<IsoDate | undefined>((a, b) => (!a || compareDates(b, a) > 0 ? b : a), undefined);
}

function refuseDateOrder(
  policy: AdmissionPolicy,
  field: string,
  date: IsoDate,
  before: IsoDate,
  what: { vi: string; en: string },
): never {
  return refuseDateBeforePrevious(field, date, before, what, { policyVersion: policy.version });
}

// ---------------------------------------------------------------- awareness class

export interface ClassResultPayload {
  result: 'PASSED' | 'FAILED' | 'ABSENT';
  classId?: string;
  issuedOn?: IsoDate;
  classEndedOn?: IsoDate;
}

/**
 * A pass issued before the cell sent the candidate back for an expired certificate is not a
 * retake; otherwise a pass after such a return goes straight back to the cell meeting (the
 * application, background and sponsors stay as they were, judged again at that meeting).
 */
export function judgeClassResult(p: ClassResultPayload, { candidate }: RuleContext): Judgement {
  if (p.result !== 'PASSED') return { findings: { classEndedOn: p.classEndedOn } };
  const returned = dossierOf<{ meetingDate: IsoDate }>(candidate, 'cellResolution');
  const enrolment = dossierOf<{ classId: string; startsOn: IsoDate }>(candidate, 'enrolment');
  return {
    outcome: returned ? 'passedAfterExpiry' : 'passed',
    findings: { issuedOn: p.issuedOn, classId: p.classId ?? enrolment?.classId },
  };
}

// ---------------------------------------------------------------- background check

export const BACKGROUND_SUBJECTS = [
  'CANDIDATE',
  'FATHER',
  'MOTHER',
  'GUARDIAN',
  'FATHER_IN_LAW',
  'MOTHER_IN_LAW',
  'SPOUSE',
  'ADULT_CHILD',
] as const;

export interface BackgroundCheckPayload {
  completedOn: IsoDate;
  result: 'CLEARED' | 'NOT_CLEARED';
  subjects: { relation: (typeof BACKGROUND_SUBJECTS)[number]; result: 'CLEARED' | 'NOT_CLEARED' }[];
}

/**
 * Verification covers the candidate and the parents (or who raised them), and the spouse,
 * parents-in-law and adult children where they exist; "cleared" needs every subject cleared.
 */
export function judgeBackgroundCheck(p: BackgroundCheckPayload, ctx: RuleContext): Judgement {
  const { policy } = ctx;
  const relations = p.subjects.map((s) => s.relation);
  const missing = [
    ...(relations.includes('CANDIDATE') ? [] : ['CANDIDATE']),
    ...(['FATHER', 'MOTHER', 'GUARDIAN'].some((r) => relations.includes(r as never))
      ? []
      : ['FATHER|MOTHER|GUARDIAN']),
  ];
  if (missing.length) {
    refuse('rule', {
      code: 'BACKGROUND_SUBJECTS_MISSING',
      message: `Thẩm tra lý lịch ngày ${vietnameseDate(p.completedOn)} thiếu người vào Đảng hoặc cha mẹ (người nuôi dưỡng)`,
      message_en: `The background verification of ${p.completedOn} lacks the candidate or the parents (or who raised them)`,
      field: 'payload.subjects',
      details: { missing, completedOn: p.completedOn, policyVersion: policy.version },
    });
  }
  const notCleared = p.subjects.filter((s) => s.result !== 'CLEARED').map((s) => s.relation);
  if (p.result === 'CLEARED' && notCleared.length) {
    refuse('rule', {
      code: 'BACKGROUND_RESULT_INCONSISTENT',
      message: `Kết luận "đạt" ngày ${vietnameseDate(p.completedOn)} nhưng có người chưa đạt: ${notCleared.join(', ')}`,
      message_en: `Concluded "cleared" on ${p.completedOn} although some subjects are not: ${notCleared.join(', ')}`,
      field: 'payload.result',
      details: { notCleared, completedOn: p.completedOn, policyVersion: policy.version },
    });
  }
  const application = dossierOf<{ backgroundFormReceivedOn: IsoDate }>(
    ctx.candidate,
    'application',
  );
  if (application && compareDates(p.completedOn, application.backgroundFormReceivedOn) < 0) {
    refuseDateOrder(
      policy,
      'payload.completedOn',
      p.completedOn,
      application.backgroundFormReceivedOn,
      {
        vi: 'ngày nhận lý lịch (2-KNĐ)',
        en: 'the background form (2-KNĐ) was received',
      },
    );
  }
  return { findings: { subjects: p.subjects.length, notCleared } };
}

// ---------------------------------------------------------------- sponsorship

export interface SponsorshipPayload {
  sponsors: (
    | {
        kind: 'MEMBER';
        name: string;
        official: boolean;
        togetherSince: IsoDate;
        documentDate: IsoDate;
        replacementAssignedOn?: IsoDate;
      }
    | { kind: 'YOUTH_UNION_RESOLUTION' | 'TRADE_UNION_RESOLUTION'; documentDate: IsoDate }
  )[];
  commentsSummaryOn?: IsoDate;
}

export function judgeSponsorship(
  p: SponsorshipPayload,
  { candidate, policy }: RuleContext,
): Judgement {
  const check = checkSponsors(
    {
      dateOfBirth: candidate.dateOfBirth,
      youthUnionMember: candidate.youthUnionMember ?? false,
      tradeUnionMember: candidate.tradeUnionMember ?? false,
    },
    p.sponsors as Sponsor[],
    policy,
  );
  return { findings: { route: check.route, members: check.members } };
}

// ---------------------------------------------------------------- cell resolution

export interface CellResolutionPayload {
  meetingDate: IsoDate;
  officialMembers: number;
  excludedMembers: number;
  excludedMembersAttending: number;
  votesFor: number;
  votesAgainst: number;
  over60Consent?: OverAgeConsent;
}

/** The day the dossier was last current: its latest sponsor document or comments summary. */
function dossierCurrentSince(candidate: Candidate): {
  currentSince?: IsoDate;
  organisationalSponsor?: 'YOUTH_UNION' | 'TRADE_UNION';
} {
  const sponsorship = dossierOf<SponsorshipPayload>(candidate, 'sponsorship');
  if (!sponsorship) return {};
  const organisation = sponsorship.sponsors.find((s) => s.kind !== 'MEMBER')?.kind;
  return {
    currentSince: latest([
      ...sponsorship.sponsors.map((s) => s.documentDate),
      sponsorship.commentsSummaryOn,
    ]),
    organisationalSponsor:
      organisation === 'YOUTH_UNION_RESOLUTION'
        ? 'YOUTH_UNION'
        : organisation === 'TRADE_UNION_RESOLUTION'
          ? 'TRADE_UNION'
          : undefined,
  };
}

/**
 * At the cell meeting: age (18–60 by month, over 60 only with a prior recorded consent) and, for a
 * former member, readmission (36 months after leaving, once) refuse;
 * a lapsed awareness certificate sends the candidate back to the class and a stale dossier back
 * to sponsorship (outcomes the table maps); otherwise the vote decides, and a cell that is
 * itself grassroots sends a passed vote straight to the admission decision.
 */
export function judgeCellResolution(p: CellResolutionPayload, ctx: RuleContext): Judgement {
  const { candidate, policy } = ctx;
  const age = checkAge(
    candidate.dateOfBirth,
    p.meetingDate,
    policy,
    p.over60Consent ?? candidate.over60Consent,
  );
  const findings: Record<string, unknown> = {
    age: {
      years: age.ageByMonth.years,
      months: age.ageByMonth.months,
      consentUsed: age.consentUsed,
    },
  };
  if (candidate.formerMembership) {
    const readmission = checkReadmission(candidate.formerMembership, p.meetingDate, policy);
    findings.readmission = { earliestMeetingDate: readmission.earliestMeetingDate };
  }
  const sponsorship = dossierCurrentSince(candidate);
  if (sponsorship.currentSince && compareDates(p.meetingDate, sponsorship.currentSince) < 0) {
    refuseDateOrder(policy, 'payload.meetingDate', p.meetingDate, sponsorship.currentSince, {
      vi: 'ngày của văn bản giới thiệu cuối cùng',
      en: 'the latest sponsorship document',
    });
  }
  const klass = dossierOf<{ certificateNumber: string; issuedOn: IsoDate }>(
    candidate,
    'awarenessClass',
  );
  if (klass) {
    try {
      const certificate = checkAwarenessCertificate(
        { number: klass.certificateNumber, issuedOn: klass.issuedOn },
        p.meetingDate,
        policy,
      );
      findings.certificate = { issuedOn: klass.issuedOn, lastValidDay: certificate.lastValidDay };
    } catch (error) {
      const body = refusalBody(error);
      if (body.code !== 'AWARENESS_CERTIFICATE_EXPIRED') throw error;
      return { outcome: 'certificateExpired', findings: { ...findings, expired: expiry(body) } };
    }
  }
  if (sponsorship.currentSince) {
    const freshness = assessDossierFreshness(
      {
        currentSince: sponsorship.currentSince,
        organisationalSponsor: sponsorship.organisationalSponsor,
      },
      p.meetingDate,
      policy,
    );
    findings.dossier = {
      currentSince: sponsorship.currentSince,
      lastFreshDay: freshness.lastFreshDay,
    };
    if (freshness.stale) {
      return {
        outcome: 'dossierStale',
        findings: {
          ...findings,
          expired: {
            rule: 'DOSSIER_STALE',
            message: `Hồ sơ hoàn thiện từ ${vietnameseDate(sponsorship.currentSince)}, quá ${policy.staleDossierMonths} tháng (đến hết ${vietnameseDate(freshness.lastFreshDay)}) khi chi bộ họp ngày ${vietnameseDate(p.meetingDate)}: làm lại giới thiệu và nhận xét`,
            message_en: `The dossier has been current since ${sponsorship.currentSince}, more than ${policy.staleDossierMonths} months (through ${freshness.lastFreshDay}) before the cell meeting on ${p.meetingDate}: redo the sponsorship and comments`,
            currentSince: sponsorship.currentSince,
            lastFreshDay: freshness.lastFreshDay,
            meetingDate: p.meetingDate,
            documentsToRedo: freshness.documentsToRedo.map((d) => d.form),
          },
        },
      };
    }
  }
  const vote = judgeCellVote(p, policy);
  findings.vote = withoutBirthDate(vote);
  const outcome = !vote.passed
    ? 'failed'
    : candidate.unitLevel === 'GRASSROOTS_CELL'
      ? 'passedAtGrassrootsCell'
      : 'passed';
  return { outcome, findings };
}

function expiry(body: { code: string; message: string; message_en: string; details?: object }) {
  return { rule: body.code, message: body.message, message_en: body.message_en, ...body.details };
}

// ---------------------------------------------------------------- grassroots resolution

export interface GrassrootsResolutionPayload {
  meetingDate: IsoDate;
  committeeMembers: number;
  votesFor: number;
  votesAgainst: number;
}

export function judgeGrassrootsResolution(
  p: GrassrootsResolutionPayload,
  { candidate, policy }: RuleContext,
): Judgement {
  const cell = dossierOf<{ meetingDate: IsoDate }>(candidate, 'cellResolution');
  if (cell && compareDates(p.meetingDate, cell.meetingDate) < 0) {
    refuseDateOrder(policy, 'payload.meetingDate', p.meetingDate, cell.meetingDate, {
      vi: 'ngày chi bộ họp xét kết nạp',
      en: 'the cell meeting',
    });
  }
  const vote = judgeCommitteeVote(p, policy);
  return { outcome: vote.passed ? 'passed' : 'failed', findings: { vote } };
}

// ---------------------------------------------------------------- ceremony

export interface CeremonyPayload {
  ceremonyDate: IsoDate;
  decisionReceivedOn?: IsoDate;
  upperCommitteeConsent?: { givenOn: IsoDate; reference?: string };
}

/** Within 30 working days of receiving the decision; later only with the upper committee's consent. */
export function judgeCeremony(p: CeremonyPayload, { candidate, policy }: RuleContext): Judgement {
  const decision = dossierOf<{ decisionDate?: IsoDate }>(candidate, 'admissionDecision');
  const received = p.decisionReceivedOn ?? decision?.decisionDate;
  if (!received) return { findings: {} };
  if (decision?.decisionDate && compareDates(received, decision.decisionDate) < 0) {
    refuseDateOrder(policy, 'payload.decisionReceivedOn', received, decision.decisionDate, {
      vi: 'ngày ký quyết định kết nạp',
      en: 'the admission decision',
    });
  }
  const due = checkCeremonyDate(received, p.ceremonyDate, policy, p.upperCommitteeConsent);
  return {
    findings: {
      decisionReceivedOn: received,
      dueOn: due.dueOn,
      workingDays: due.workingDays,
      late: compareDates(p.ceremonyDate, due.dueOn) > 0,
    },
  };
}
