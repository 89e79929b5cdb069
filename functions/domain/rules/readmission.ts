import { addMonths, compareDates, type IsoDate, vietnameseDate } from './calendar-date';
import { type AdmissionPolicy, type PolicyVersionId } from './policy';
import { refuseByPolicy } from './rule-refusal';

export interface FormerMembership {
  leftOn: IsoDate;
  /** How many times this person has already been readmitted. */
  previousReadmissions: number;
}

export interface ReadmissionCheck {
  earliestMeetingDate: IsoDate;
  policyVersion: PolicyVersionId;
}

/** A former member may be admitted again once, 36 months after leaving, with full probation. */
export function checkReadmission(
  former: FormerMembership,
  meetingDate: IsoDate,
  policy: AdmissionPolicy,
): ReadmissionCheck {
  const earliestMeetingDate = addMonths(former.leftOn, policy.readmissionMonthsAfterLeaving);
  const details = { leftOn: former.leftOn, meetingDate, earliestMeetingDate };
  if (former.previousReadmissions >= policy.readmissionsAllowed) {
    return refuseByPolicy(policy, {
      code: 'READMISSION_ALREADY_USED',
      message: `Đã được kết nạp lại ${former.previousReadmissions} lần (ra khỏi Đảng ngày ${vietnameseDate(former.leftOn)}); chỉ được kết nạp lại ${policy.readmissionsAllowed} lần`,
      message_en: `Already readmitted ${former.previousReadmissions} time(s) (left on ${former.leftOn}); readmission is allowed ${policy.readmissionsAllowed} time(s)`,
      field: 'formerMembership',
      details: { ...details, previousReadmissions: former.previousReadmissions },
    });
  }
  if (compareDates(meetingDate, earliestMeetingDate) < 0) {
    return refuseByPolicy(policy, {
      code: 'READMISSION_TOO_SOON',
      message: `Ra khỏi Đảng ngày ${vietnameseDate(former.leftOn)}, chưa đủ ${policy.readmissionMonthsAfterLeaving} tháng vào ngày họp chi bộ ${vietnameseDate(meetingDate)} (đủ từ ${vietnameseDate(earliestMeetingDate)})`,
      message_en: `Left the Party on ${former.leftOn}, less than ${policy.readmissionMonthsAfterLeaving} months before the cell meeting on ${meetingDate} (possible from ${earliestMeetingDate})`,
      field: 'formerMembership.leftOn',
      details,
    });
  }
  return { earliestMeetingDate, policyVersion: policy.version };
}
