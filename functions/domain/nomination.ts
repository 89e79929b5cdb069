import { builtOnFirstUse } from './built-on-first-use';
import * as z from 'zod';
import { personName, singleLineText } from './clean-text';
import { nationalIdFingerprint, nationalIdSchema } from './national-id';
import { type Actor } from './caller';
import { type Candidate, executionName, NOMINATION_SOURCES } from './candidate';
import { type HistoryEvent } from './history-event';
import { acceptsCandidates, isRetired, type OrgUnit } from './org-unit';
import { FIRST_STAGE } from './pipeline';
import { refuse, Refusal } from './refusal';
import {
  checkAge,
  checkDateOfBirth,
  checkReadmission,
  checkEducation,
  checkNotInFuture,
  EDUCATION_LEVELS,
  policyInForce,
  type AdmissionPolicy,
  vietnameseDate,
} from './rules';
import { vietnamDateOf } from './vietnam-time';

export const nominationSchema = builtOnFirstUse(() =>
  z.strictObject({
    fullName: personName(),
    dateOfBirth: z.iso.date(),
    nominationSource: z.enum(NOMINATION_SOURCES),
    unitId: z.string().trim().min(1).max(64),
    nationalId: nationalIdSchema(),
    /** Highest diploma: judged at nomination against the cell's area attributes. */
    educationLevel: z.enum(EDUCATION_LEVELS),
    /** Member of the Youth Union (Đoàn) or of the Trade Union (Công đoàn): sponsorship routes. */
    youthUnionMember: z.boolean().default(false),
    tradeUnionMember: z.boolean().default(false),
    /** The competent standing committee's prior written consent to admit someone over 60. */
    over60Consent: z
      .strictObject({
        givenOn: z.iso.date(),
        reference: singleLineText(1, 200).optional(),
      })
      .optional(),
    /**
     * A former Party member asking to be admitted again: the day they left and how many times they
     * were readmitted before (docs/admission-rules.md, "Eligibility").
     */
    formerMembership: z
      .strictObject({
        leftOn: z.iso.date(),
        previousReadmissions: z.int().min(0).max(9).default(0),
      })
      .optional(),
  }),
);
export type NominationRequest = z.infer<ReturnType<typeof nominationSchema>>;

/** A nomination once its ID number is replaced by a keyed fingerprint: all the server keeps. */
export type Nomination = Omit<NominationRequest, 'nationalId'> & {
  nationalIdFingerprint: string;
  /** The last three digits, for officers to tell two namesakes apart. */
  nationalIdMasked: string;
};

/**
 * The raw ID number goes no further than this: duplicates are found by its HMAC under the
 * server's key, and a plain hash (enumerable over 10^12 numbers) is never stored.
 */
export function protectNationalId(request: NominationRequest, key: Buffer): Nomination {
  const { nationalId, ...rest } = request;
  return {
    ...rest,
    nationalIdFingerprint: nationalIdFingerprint(nationalId, key),
    nationalIdMasked: `${'*'.repeat(nationalId.length - 3)}${nationalId.slice(-3)}`,
  };
}

/**
 * The person already has an open file. Who learns what (README, "Duplicate nominations"):
 * - an officer who may see that file is told so and given its id, to open it;
 * - an officer who may not see it learns only that this nomination cannot go ahead at their
 *   unit and that the upper committee must look at it: the same words whatever the file's
 *   unit, stage or dates, and no id. The committee lowest above both units sees both files'
 *   units, and settles where the person's admission continues.
 */
export function duplicateNomination(existingCandidateId: string): never {
  return refuse('conflict', {
    code: 'DUPLICATE_NOMINATION',
    message: `Người này đã có hồ sơ kết nạp đang xử lý (${existingCandidateId})`,
    message_en: `This person already has an open admission file (${existingCandidateId})`,
    field: 'nationalId',
    details: { candidateId: existingCandidateId },
  });
}

export function nominationReferredUpward(): never {
  return refuse('conflict', {
    code: 'NOMINATION_REFERRED_UPWARD',
    message:
      'Chưa thể giới thiệu người này tại đơn vị của đồng chí; đề nghị báo cáo cấp ủy cấp trên để xem xét',
    message_en:
      'This person cannot be nominated at your unit for now; refer the nomination to the upper committee',
    field: 'nationalId',
  });
}

export function assertUnitAcceptsCandidates(
  unit: OrgUnit | undefined,
  unitId: string,
  on?: string,
): OrgUnit {
  if (!unit) {
    return refuse('invalid', {
      code: 'UNIT_NOT_FOUND',
      message: `Không tìm thấy đơn vị ${unitId}`,
      message_en: `Unit ${unitId} does not exist`,
      field: 'unitId',
    });
  }
  if (on && isRetired(unit, on)) {
    return refuse('rule', {
      code: 'UNIT_RETIRED',
      message: `${unit.name} đã giải thể từ ngày ${unit.retiredOn}`,
      message_en: `${unit.name} was retired on ${unit.retiredOn}`,
      field: 'unitId',
      details: { retiredOn: unit.retiredOn },
    });
  }
  if (!acceptsCandidates(unit)) {
    return refuse('rule', {
      code: 'UNIT_NOT_A_CELL',
      message: `${unit.name} không phải chi bộ; quần chúng ưu tú do chi bộ giới thiệu`,
      message_en: `${unit.name} is not a party cell; candidates are nominated by cells`,
      field: 'unitId',
    });
  }
  return unit;
}

/**
 * The eligibility pre-check at nomination, under the policy in force that day. Education
 * refuses (a diploma below the minimum of the cell's area does not change by the meeting).
 * Age only warns: the rule judges it at the cell meeting, by which a 17-year-old may be 18 and
 * before which a consent for someone over 60 may be recorded.
 */
const AGE_WARNINGS = ['AGE_BELOW_MINIMUM', 'AGE_ABOVE_MAXIMUM', 'AGE_CONSENT_NOT_PRIOR'];

/**
 * What a nomination states must be possible on the day it is made (Vietnam): a date of birth
 * within a lifetime before today, and a consent already given.
 */
function checkNominationDates(nomination: Nomination, today: string): void {
  checkDateOfBirth(nomination.dateOfBirth, today);
  if (nomination.over60Consent) {
    checkNotInFuture(
      [{ field: 'over60Consent.givenOn', date: nomination.over60Consent.givenOn }],
      today,
    );
  }
  if (nomination.formerMembership) {
    checkNotInFuture(
      [{ field: 'formerMembership.leftOn', date: nomination.formerMembership.leftOn }],
      today,
    );
  }
}

/**
 * Readmission at nomination: a former member readmitted as often as the policy allows is refused
 * (that does not change by the meeting); one who left too recently is only warned, since the
 * 36 months are counted to the cell meeting, which the rule judges (judgeCellResolution).
 */
function readmissionWarning(nomination: Nomination, on: string, policy: AdmissionPolicy) {
  if (!nomination.formerMembership) return undefined;
  try {
    checkReadmission(nomination.formerMembership, on, policy);
    return undefined;
  } catch (error) {
    if (!(error instanceof Refusal) || error.body.code !== 'READMISSION_TOO_SOON') throw error;
    // The warning keeps the earliest meeting date, never the day the person left.
    const { earliestMeetingDate } = error.body.details as { earliestMeetingDate: string };
    return {
      code: error.body.code,
      message: `Ngày giới thiệu ${vietnameseDate(on)} chưa đủ ${policy.readmissionMonthsAfterLeaving} tháng kể từ khi ra khỏi Đảng; chi bộ chỉ xét kết nạp lại từ ${vietnameseDate(earliestMeetingDate)}`,
      message_en: `Less than ${policy.readmissionMonthsAfterLeaving} months since leaving the Party on the nomination date ${on}; the cell may consider the readmission from ${earliestMeetingDate}`,
      earliestMeetingDate,
      policyVersion: policy.version,
    };
  }
}

export function eligibilityPreCheck(nomination: Nomination, unit: OrgUnit, on: string) {
  const policy = policyInForce(on);
  const education = checkEducation(nomination.educationLevel, unit.areas ?? [], policy);
  const warnings: Record<string, unknown>[] = [];
  try {
    checkAge(nomination.dateOfBirth, on, policy, nomination.over60Consent);
  } catch (error) {
    if (!(error instanceof Refusal) || !AGE_WARNINGS.includes(error.body.code)) throw error;
    // The warning keeps the eligibility dates, never the date of birth (history is not personal).
    const d = error.body.details as { eligibleFrom: string; lastEligibleDay: string };
    const below = error.body.code === 'AGE_BELOW_MINIMUM';
    warnings.push({
      code: error.body.code,
      message: below
        ? `Ngày giới thiệu ${vietnameseDate(on)} chưa đủ ${policy.age.minYears} tuổi (tính theo tháng); chi bộ chỉ xét kết nạp từ ${vietnameseDate(d.eligibleFrom)}`
        : `Ngày giới thiệu ${vietnameseDate(on)} đã quá ${policy.age.maxYears} tuổi (tính theo tháng, hết tuổi sau ${vietnameseDate(d.lastEligibleDay)}); cần văn bản đồng ý trước của ban thường vụ trước khi chi bộ xét`,
      message_en: below
        ? `Under ${policy.age.minYears} (by month) on the nomination date ${on}; the cell may consider the admission from ${d.eligibleFrom}`
        : `Over ${policy.age.maxYears} (by month) on the nomination date ${on} (last eligible day ${d.lastEligibleDay}); the standing committee's prior written consent is needed before the cell meeting`,
      eligibleFrom: d.eligibleFrom,
      lastEligibleDay: d.lastEligibleDay,
      policyVersion: policy.version,
    });
  }
  const readmission = readmissionWarning(nomination, on, policy);
  if (readmission) warnings.push(readmission);
  return {
    policyVersion: policy.version,
    education: { required: education.required, specialArea: education.specialArea },
    warnings,
  };
}

export function newCandidate(
  nomination: Nomination,
  unit: OrgUnit,
  ids: { candidateId: string; idempotencyKey: string; now: Date; actor: Actor },
): { candidate: Candidate; event: HistoryEvent } {
  const at = ids.now.toISOString();
  const today = vietnamDateOf(ids.now);
  checkNominationDates(nomination, today);
  const preCheck = eligibilityPreCheck(nomination, unit, today);
  const candidate: Candidate = {
    id: ids.candidateId,
    fullName: nomination.fullName,
    dateOfBirth: nomination.dateOfBirth,
    nationalIdFingerprint: nomination.nationalIdFingerprint,
    nationalIdMasked: nomination.nationalIdMasked,
    nominationSource: nomination.nominationSource,
    nominatedBy: ids.actor,
    unitId: unit.id,
    unitPath: unit.path,
    unitLevel: unit.level,
    unitAreas: unit.areas ?? [],
    educationLevel: nomination.educationLevel,
    youthUnionMember: nomination.youthUnionMember,
    tradeUnionMember: nomination.tradeUnionMember,
    ...(nomination.over60Consent ? { over60Consent: nomination.over60Consent } : {}),
    ...(nomination.formerMembership ? { formerMembership: nomination.formerMembership } : {}),
    stage: FIRST_STAGE,
    version: 1,
    createdAt: at,
    updatedAt: at,
    stageEnteredAt: at,
    dossier: {},
    execution: { name: executionName(ids.candidateId, 1), generation: 1 },
  };
  const event: HistoryEvent = {
    candidateId: ids.candidateId,
    seq: 1,
    at,
    type: 'NOMINATED',
    toStage: FIRST_STAGE,
    payload: { nominationSource: nomination.nominationSource, unitId: unit.id },
    policyVersion: preCheck.policyVersion,
    findings: { education: preCheck.education, warnings: preCheck.warnings },
    idempotencyKey: ids.idempotencyKey,
    actor: ids.actor,
  };
  return { candidate, event };
}
