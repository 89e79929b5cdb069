import { addMonths, compareDates, type IsoDate, vietnameseDate } from './calendar-date';
import { type AdmissionPolicy, type PolicyVersionId } from './policy';
import { refuseByPolicy } from './rule-refusal';

/** Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng (CN-NTVĐ). */
export interface AwarenessCertificate {
  number: string;
  issuedOn: IsoDate;
}

export interface CertificateCheck {
  lastValidDay: IsoDate;
  policyVersion: PolicyVersionId;
}

/**
 * Validity counted as the Civil Code counts months (Art. 147–148): the period starts the day
 * after issue and ends on the matching day of its last month, or that month's last day when it
 * has none. A certificate issued 15/3/2020 is still valid on 15/3/2025, not on 16/3/2025; one
 * issued 29/2/2020 is valid through 28/2/2025.
 */
function awarenessCertificateLastValidDay(issuedOn: IsoDate, policy: AdmissionPolicy): IsoDate {
  return addMonths(issuedOn, policy.awarenessCertificateValidityMonths);
}

/** The certificate must be valid on the day the cell considers the admission. */
export function checkAwarenessCertificate(
  certificate: AwarenessCertificate,
  meetingDate: IsoDate,
  policy: AdmissionPolicy,
): CertificateCheck {
  const { number, issuedOn } = certificate;
  const lastValidDay = awarenessCertificateLastValidDay(issuedOn, policy);
  const details = { certificateNumber: number, issuedOn, lastValidDay, meetingDate };
  if (compareDates(issuedOn, meetingDate) > 0) {
    return refuseByPolicy(policy, {
      code: 'AWARENESS_CERTIFICATE_NOT_YET_ISSUED',
      message: `Giấy chứng nhận ${number} cấp ngày ${vietnameseDate(issuedOn)}, sau ngày họp chi bộ ${vietnameseDate(meetingDate)}`,
      message_en: `Certificate ${number} was issued on ${issuedOn}, after the cell meeting on ${meetingDate}`,
      field: 'awarenessCertificate.issuedOn',
      details,
    });
  }
  if (compareDates(meetingDate, lastValidDay) > 0) {
    return refuseByPolicy(policy, {
      code: 'AWARENESS_CERTIFICATE_EXPIRED',
      message: `Giấy chứng nhận ${number} cấp ngày ${vietnameseDate(issuedOn)} chỉ có giá trị ${policy.awarenessCertificateValidityMonths} tháng, đến hết ngày ${vietnameseDate(lastValidDay)}; chi bộ họp ngày ${vietnameseDate(meetingDate)}: phải học lại lớp bồi dưỡng nhận thức về Đảng`,
      message_en: `Certificate ${number} issued on ${issuedOn} is valid for ${policy.awarenessCertificateValidityMonths} months, through ${lastValidDay}; the cell met on ${meetingDate}: the awareness class must be retaken`,
      field: 'awarenessCertificate.issuedOn',
      details,
    });
  }
  return { lastValidDay, policyVersion: policy.version };
}
