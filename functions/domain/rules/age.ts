import { refuse } from '../refusal';
import {
  addMonths,
  compareDates,
  completedMonthsBetween,
  firstOfMonth,
  type IsoDate,
  lastOfMonth,
  parseIsoDate,
  vietnameseDate,
} from './calendar-date';
import { type AdmissionPolicy, type PolicyVersionId } from './policy';
import { refuseByPolicy } from './rule-refusal';

export interface Age {
  years: number;
  /** Months beyond the whole years, 0..11. */
  months: number;
  totalMonths: number;
}

function fromTotalMonths(totalMonths: number): Age {
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12, totalMonths };
}

function refuseBirthAfter(dateOfBirth: IsoDate, date: IsoDate): never {
  return refuse('invalid', {
    code: 'DATE_OF_BIRTH_AFTER_DATE',
    message: `Ngày sinh ${vietnameseDate(dateOfBirth)} sau ngày ${vietnameseDate(date)}`,
    message_en: `Date of birth ${dateOfBirth} is after ${date}`,
    field: 'dateOfBirth',
    details: { dateOfBirth, date },
  });
}

/**
 * Age in completed months at a date (born 29/2/2000: 18 years on 28/2/2018, the last day of the
 * month without a 29th).
 */
export function ageAt(dateOfBirth: IsoDate, date: IsoDate): Age {
  if (compareDates(dateOfBirth, date) > 0) refuseBirthAfter(dateOfBirth, date);
  return fromTotalMonths(completedMonthsBetween(dateOfBirth, date));
}

/**
 * Age "counted by month" (tính theo tháng): whole calendar months from the month of birth to
 * the month of the date, ignoring the day, so that everyone born in the same month is the same
 * age for the whole of a month.
 */
export function ageByMonth(dateOfBirth: IsoDate, date: IsoDate): Age {
  if (compareDates(dateOfBirth, date) > 0) refuseBirthAfter(dateOfBirth, date);
  const birth = parseIsoDate(dateOfBirth);
  const on = parseIsoDate(date);
  return fromTotalMonths((on.year - birth.year) * 12 + (on.month - birth.month));
}

/** A recorded prior written consent of the committee directly under the Central Committee to admit someone over 60. */
export interface OverAgeConsent {
  givenOn: IsoDate;
  reference?: string;
}

export interface AgeCheck {
  ageByMonth: Age;
  /** First day of the month the candidate turns the minimum age. */
  eligibleFrom: IsoDate;
  /** Last day of the month in which the candidate turns the maximum age (60). */
  lastEligibleDay: IsoDate;
  consentUsed: boolean;
  policyVersion: PolicyVersionId;
}

/**
 * "Đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)" on the date of the cell's admission meeting.
 *
 * Counting by month ignores the day of birth: a candidate is "đủ 18 tuổi" for the whole month of
 * their 18th birthday, so eligible from its first day; and "đủ 60 tuổi" for the whole month of
 * their 60th birthday, so eligible through its last day. From the first day of the following
 * month they are over 60 (trên 60 tuổi) and need the prior written consent of the committee
 * directly under the Central Committee. (Born 20/5/2007: eligible from 01/05/2025. Born
 * 15/3/1965: last eligible day 31/03/2025, over 60 from 01/04/2025.)
 */
export function checkAge(
  dateOfBirth: IsoDate,
  meetingDate: IsoDate,
  policy: AdmissionPolicy,
  consentToOver60?: OverAgeConsent,
): AgeCheck {
  const age = ageByMonth(dateOfBirth, meetingDate);
  const eligibleFrom = firstOfMonth(addMonths(dateOfBirth, policy.age.minYears * 12));
  const lastEligibleDay = lastOfMonth(addMonths(dateOfBirth, policy.age.maxYears * 12));
  const result = (consentUsed: boolean): AgeCheck => ({
    ageByMonth: age,
    eligibleFrom,
    lastEligibleDay,
    consentUsed,
    policyVersion: policy.version,
  });
  const details = {
    dateOfBirth,
    meetingDate,
    eligibleFrom,
    lastEligibleDay,
    ageYears: age.years,
    ageMonths: age.months,
  };

  if (compareDates(meetingDate, eligibleFrom) < 0) {
    return refuseByPolicy(policy, {
      code: 'AGE_BELOW_MINIMUM',
      message: `Chưa đủ ${policy.age.minYears} tuổi (tính theo tháng) vào ngày họp chi bộ ${vietnameseDate(meetingDate)}: sinh ngày ${vietnameseDate(dateOfBirth)}, đủ tuổi từ ${vietnameseDate(eligibleFrom)}`,
      message_en: `Under ${policy.age.minYears} (counted by month) on the cell meeting date ${meetingDate}: born ${dateOfBirth}, eligible from ${eligibleFrom}`,
      field: 'dateOfBirth',
      details,
    });
  }
  if (compareDates(meetingDate, lastEligibleDay) <= 0) return result(false);

  if (!consentToOver60) {
    return refuseByPolicy(policy, {
      code: 'AGE_ABOVE_MAXIMUM',
      message: `Quá ${policy.age.maxYears} tuổi (tính theo tháng) vào ngày họp chi bộ ${vietnameseDate(meetingDate)}: sinh ngày ${vietnameseDate(dateOfBirth)}, hết tuổi kết nạp sau ${vietnameseDate(lastEligibleDay)}; cần văn bản đồng ý trước của cấp ủy trực thuộc Trung ương`,
      message_en: `Over ${policy.age.maxYears} (counted by month) on the cell meeting date ${meetingDate}: born ${dateOfBirth}, last eligible day ${lastEligibleDay}; needs the prior written consent of the committee directly under the Central Committee`,
      field: 'dateOfBirth',
      details,
    });
  }
  if (compareDates(consentToOver60.givenOn, meetingDate) > 0) {
    return refuseByPolicy(policy, {
      code: 'AGE_CONSENT_NOT_PRIOR',
      message: `Văn bản đồng ý kết nạp người trên ${policy.age.maxYears} tuổi ký ngày ${vietnameseDate(consentToOver60.givenOn)}, sau ngày họp chi bộ ${vietnameseDate(meetingDate)}; phải có trước khi chi bộ xét`,
      message_en: `The consent to admit someone over ${policy.age.maxYears} is dated ${consentToOver60.givenOn}, after the cell meeting on ${meetingDate}; it must come first`,
      field: 'consentToOver60',
      details: { ...details, consentGivenOn: consentToOver60.givenOn },
    });
  }
  return result(true);
}
