import type { Candidate } from './candidate';
import {
  admissionDecisionDue,
  type AdmissionPolicy,
  ceremonyDue,
  type Deadline,
  type IsoDate,
  policyInForce,
  type RecordedExtension,
} from './rules';
import { refuseByPolicy } from './rules/rule-refusal';
import type { Judgement, RuleContext } from './stage-rules';

/**
 * The deadline of each human stage that has one (docs/admission-rules.md, "Deadlines and working days"), computed from
 * the dossier under the policy in force on the event that starts it. The pipeline table names
 * these; the workflow waits on them (deadline-watch.ts). Undefined when the starting event is
 * not on file (a file recorded before the rule existed), which means: no deadline to watch.
 */
export type StageDeadlineRule = (candidate: Pick<Candidate, 'dossier'>) => Deadline | undefined;

/** Where the deciding body's +30 working days are kept on the dossier. */
export const DECISION_EXTENSION_KEY = 'decisionExtension';

export interface DecisionExtensionPayload {
  decidedOn: IsoDate;
  reason: string;
  reference?: string;
}

function dateOn(dossier: Record<string, unknown>, key: string, field: string): IsoDate | undefined {
  const entry = dossier[key] as Record<string, unknown> | undefined;
  const value = entry?.[field];
  return typeof value === 'string' ? value : undefined;
}

function extensionOf(dossier: Record<string, unknown>): RecordedExtension | undefined {
  const recorded = dossier[DECISION_EXTENSION_KEY] as DecisionExtensionPayload | undefined;
  return recorded ? { recordedOn: recorded.decidedOn, reason: recorded.reason } : undefined;
}

function underPolicyOf(from: IsoDate, compute: (policy: AdmissionPolicy) => Deadline) {
  try {
    return compute(policyInForce(from));
  } catch {
    return undefined; // a date before any policy: nothing this system can hold it to
  }
}

/** 60 working days from the cell resolution (the grassroots vote does not restart it), +30. */
export const admissionDecisionDeadline: StageDeadlineRule = ({ dossier }) => {
  const from = dateOn(dossier, 'cellResolution', 'meetingDate');
  return from
    ? underPolicyOf(from, (policy) => admissionDecisionDue(from, policy, extensionOf(dossier)))
    : undefined;
};

/**
 * 30 working days from the decision. The day the cell received it is only known when the
 * ceremony is recorded, so the wait counts from the decision's date, the earliest it can be.
 */
export const ceremonyDeadline: StageDeadlineRule = ({ dossier }) => {
  const from = dateOn(dossier, 'admissionDecision', 'decisionDate');
  return from ? underPolicyOf(from, (policy) => ceremonyDue(from, policy)) : undefined;
};

/** The +30 is granted once per file, for a special case the deciding body names. */
export function judgeDecisionExtension(
  p: DecisionExtensionPayload,
  { candidate, policy }: RuleContext,
): Judgement {
  const earlier = candidate.dossier[DECISION_EXTENSION_KEY] as DecisionExtensionPayload | undefined;
  if (earlier) {
    return refuseByPolicy(policy, {
      code: 'DECISION_DEADLINE_ALREADY_EXTENDED',
      message: `Thời hạn quyết định kết nạp đã được gia hạn một lần (ngày ${earlier.decidedOn}); không được gia hạn thêm`,
      message_en: `The admission decision deadline was already extended once (on ${earlier.decidedOn}); it cannot be extended again`,
      field: 'action',
      details: { extendedOn: earlier.decidedOn },
    });
  }
  const before = admissionDecisionDeadline(candidate);
  if (!before) {
    return refuseByPolicy(policy, {
      code: 'DECISION_DEADLINE_UNKNOWN',
      message: 'Hồ sơ chưa có nghị quyết chi bộ nên chưa có thời hạn để gia hạn',
      message_en: 'The file has no cell resolution, so there is no deadline to extend',
      field: 'action',
    });
  }
  const after = admissionDecisionDeadline({
    dossier: { ...candidate.dossier, [DECISION_EXTENSION_KEY]: p },
  })!;
  return {
    findings: {
      dueOnBefore: before.dueOn,
      dueOn: after.dueOn,
      extensionWorkingDays: policy.admissionDecisionExtensionWorkingDays,
    },
  };
}
