import { addMonths, compareDates, type IsoDate, vietnameseDate } from './calendar-date';
import { type AdmissionPolicy, type PolicyVersionId } from './policy';
import { refuseByPolicy } from './rule-refusal';
import { VIETNAM_CALENDAR, type WorkingDayCalendar } from './working-days';

/**
 * Deadlines of the procedure. Each counts working days from the event that starts it (the event
 * itself is day 0), on the calendar of the deployment. A missed deadline is escalated by the
 * caller, never turned into an approval.
 */
export interface Deadline {
  from: IsoDate;
  dueOn: IsoDate;
  workingDays: number;
  policyVersion: PolicyVersionId;
}

/** A special case recorded by the deciding committee, which lengthens a decision deadline. */
export interface RecordedExtension {
  recordedOn: IsoDate;
  reason?: string;
}

function deadline(
  from: IsoDate,
  workingDays: number,
  policy: AdmissionPolicy,
  calendar: WorkingDayCalendar,
): Deadline {
  return {
    from,
    dueOn: calendar.addWorkingDays(from, workingDays),
    workingDays,
    policyVersion: policy.version,
  };
}

/** The admission decision (9-KNĐ): 60 working days after the cell resolution, +30 if extended. */
export function admissionDecisionDue(
  cellResolutionDate: IsoDate,
  policy: AdmissionPolicy,
  extension?: RecordedExtension,
  calendar: WorkingDayCalendar = VIETNAM_CALENDAR,
): Deadline {
  const days =
    policy.admissionDecisionWorkingDays +
    (extension ? policy.admissionDecisionExtensionWorkingDays : 0);
  return deadline(cellResolutionDate, days, policy, calendar);
}

/** The ceremony: 30 working days after the cell receives the decision. */
export function ceremonyDue(
  decisionReceivedOn: IsoDate,
  policy: AdmissionPolicy,
  calendar: WorkingDayCalendar = VIETNAM_CALENDAR,
): Deadline {
  return deadline(decisionReceivedOn, policy.ceremonyWorkingDays, policy, calendar);
}

/** A later ceremony needs the upper committee's consent. */
export function checkCeremonyDate(
  decisionReceivedOn: IsoDate,
  ceremonyDate: IsoDate,
  policy: AdmissionPolicy,
  upperCommitteeConsent?: { givenOn: IsoDate },
  calendar: WorkingDayCalendar = VIETNAM_CALENDAR,
): Deadline {
  const due = ceremonyDue(decisionReceivedOn, policy, calendar);
  if (compareDates(ceremonyDate, decisionReceivedOn) < 0) {
    return refuseByPolicy(policy, {
      code: 'CEREMONY_BEFORE_DECISION',
      message: `Lễ kết nạp ngày ${vietnameseDate(ceremonyDate)} trước ngày nhận quyết định ${vietnameseDate(decisionReceivedOn)}`,
      message_en: `The ceremony on ${ceremonyDate} is before the decision was received on ${decisionReceivedOn}`,
      field: 'ceremonyDate',
      details: { decisionReceivedOn, ceremonyDate },
    });
  }
  if (compareDates(ceremonyDate, due.dueOn) > 0 && !upperCommitteeConsent) {
    return refuseByPolicy(policy, {
      code: 'CEREMONY_LATE',
      message: `Lễ kết nạp ngày ${vietnameseDate(ceremonyDate)} quá ${due.workingDays} ngày làm việc kể từ ngày nhận quyết định ${vietnameseDate(decisionReceivedOn)} (hạn ${vietnameseDate(due.dueOn)}); cần cấp ủy cấp trên đồng ý`,
      message_en: `The ceremony on ${ceremonyDate} is more than ${due.workingDays} working days after the decision was received on ${decisionReceivedOn} (due ${due.dueOn}); the upper committee must consent`,
      field: 'ceremonyDate',
      details: { decisionReceivedOn, ceremonyDate, dueOn: due.dueOn },
    });
  }
  return due;
}

/**
 * The day the 12 months of probation are complete, counted from the ceremony as the Civil Code
 * counts months (ceremony 31/8/2025 → 31/8/2026; 29/2/2024 → 28/2/2025). Recognition counts from
 * this day even when the meetings that follow are late.
 */
export function probationEnd(ceremonyDate: IsoDate, policy: AdmissionPolicy): IsoDate {
  return addMonths(ceremonyDate, policy.probationMonths);
}

/** The cell's recognition review: 30 working days after probation ends. */
export function recognitionReviewDue(
  probationEndDate: IsoDate,
  policy: AdmissionPolicy,
  calendar: WorkingDayCalendar = VIETNAM_CALENDAR,
): Deadline {
  return deadline(probationEndDate, policy.recognitionReviewWorkingDays, policy, calendar);
}

/** The recognition decision: 30 working days after the resolution proposing it, +30 if extended. */
export function recognitionDecisionDue(
  resolutionDate: IsoDate,
  policy: AdmissionPolicy,
  extension?: RecordedExtension,
  calendar: WorkingDayCalendar = VIETNAM_CALENDAR,
): Deadline {
  const days =
    policy.recognitionDecisionWorkingDays +
    (extension ? policy.recognitionDecisionExtensionWorkingDays : 0);
  return deadline(resolutionDate, days, policy, calendar);
}

/** Overdue from the day after the due date: the due date itself is still in time. */
export function isOverdue(due: Deadline, today: IsoDate): boolean {
  return compareDates(today, due.dueOn) > 0;
}
