import type { Candidate } from './candidate';
import { Refusal } from './refusal';
import { admissionDecisionDue, ceremonyDue, Deadline } from './rules/deadlines';
import { policyInForce } from './rules/policy';

/**
 * The day the candidate's current step is due, from the procedure's deadlines and what the
 * dossier records: the admission decision counts 60 working days from the cell's meeting (the
 * grassroots vote runs inside that period, so it is due by then too), the ceremony 30 working
 * days from the decision. Steps without a deadline of the procedure have none.
 */
export function stageDueOn(candidate: Pick<Candidate, 'stage' | 'dossier'>): string | undefined {
  const dossier = candidate.dossier as {
    cellResolution?: { meetingDate?: string };
    admissionDecision?: { decisionDate?: string };
  };
  switch (candidate.stage) {
    case 'GRASSROOTS_RESOLUTION':
    case 'ADMISSION_DECISION': {
      const meeting = dossier.cellResolution?.meetingDate;
      return meeting
        ? dueSafely(() => admissionDecisionDue(meeting, policyInForce(meeting)))
        : undefined;
    }
    case 'CEREMONY': {
      const decided = dossier.admissionDecision?.decisionDate;
      return decided ? dueSafely(() => ceremonyDue(decided, policyInForce(decided))) : undefined;
    }
    default:
      return undefined;
  }
}

/** A date no policy covers was refused when the action was judged: here it only means no due date. */
function dueSafely(deadline: () => Deadline): string | undefined {
  try {
    return deadline().dueOn;
  } catch (error) {
    if (error instanceof Refusal) return undefined;
    throw error;
  }
}
