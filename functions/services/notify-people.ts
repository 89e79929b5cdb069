import { LINKED_STAGES } from '../domain/approval';
import { type DirectoryEntry } from '../domain/account';
import { involvedUserIds } from '../domain/access';
import { approvalLinkExpiry } from '../domain/approval';
import { issueApprovalId } from '../domain/approval-link';
import { type Candidate } from '../domain/candidate';
import { buildStageNotification, type StageNotificationInput } from '../domain/notification';
import { humanStage } from '../domain/pipeline';
import { type Role } from '../domain/roles';
import { logger } from '../observability/logger';
import { deliverTo, type PeopleDelivery } from './deliver';

/** What issuing approval links needs: the key and the page's base URL. */
export interface ApprovalLinkIssuing {
  signingKey: () => Promise<Buffer>;
  /** The HTTP API's endpoint; links are `<baseUrl>/approvals/<approvalId>`. */
  baseUrl: string;
}

export interface PeopleNotifying {
  people: PeopleDelivery;
  /** Without it, approvers are told without a link. */
  approvalLinks?: ApprovalLinkIssuing;
  now: () => Date;
}

/**
 * The holders of the role at the unit; for an officer's step with nobody there, the holders at
 * the nearest unit above on the candidate's path (whose officers see the file): a step always
 * reaches someone who can act. An approver's decision belongs to its committee: no fallback.
 */
async function holdersFor(
  deps: PeopleNotifying,
  candidate: Pick<Candidate, 'unitPath'>,
  role: Role,
  unitId: string,
): Promise<DirectoryEntry[]> {
  const here = await deps.people.directory.holdersOf(unitId, role);
  if (here.length || role === 'approver') return here;
  const path = candidate.unitPath ?? [];
  for (const above of path.slice(0, Math.max(0, path.indexOf(unitId))).reverse()) {
    const holders = await deps.people.directory.holdersOf(above, role);
    if (holders.length) return holders;
  }
  return [];
}

/**
 * Tells each holder of the notification's role at its unit (the directory, one bounded Query),
 * or the people named in `only`, by e-mail. An approver of a decision stage gets their own
 * signed link, bound to them, this step and version, expiring with the deadline (or after 30
 * days). Whoever nominated or sponsored the candidate is not sent a decision they may not take.
 * Returns how many people were told.
 */
export async function notifyHolders(
  deps: PeopleNotifying,
  candidate: Pick<Candidate, 'id' | 'version' | 'dossier' | 'nominatedBy' | 'unitPath'>,
  input: StageNotificationInput,
  only?: readonly DirectoryEntry[],
): Promise<number> {
  const { role, unitId } = input.recipient;
  const holders = only ?? (await holdersFor(deps, candidate, role, unitId));
  const linked =
    role === 'approver' &&
    (LINKED_STAGES as readonly string[]).includes(input.stage) &&
    deps.approvalLinks !== undefined;
  const involved = role === 'approver' ? involvedUserIds(candidate as Candidate) : [];
  const dueOn = input.dueOn ?? humanStage(input.stage).deadline?.(candidate as Candidate)?.dueOn;
  const key = linked ? await deps.approvalLinks!.signingKey() : undefined;
  let told = 0;
  for (const holder of holders) {
    if (involved.includes(holder.userId)) {
      logger.info('Not sending a decision to someone who put the candidate forward', {
        candidateId: candidate.id,
        stage: input.stage,
      });
      continue;
    }
    const link = key
      ? `${deps.approvalLinks!.baseUrl.replace(/\/+$/, '')}/approvals/${issueApprovalId(
          {
            candidateId: candidate.id,
            stage: input.stage,
            candidateVersion: candidate.version,
            approverUserId: holder.userId,
            expiresAt: approvalLinkExpiry(deps.now(), dueOn),
          },
          key,
        )}`
      : undefined;
    const notification = buildStageNotification({
      ...input,
      ...(dueOn ? { dueOn } : {}),
      ...(link ? { link } : {}),
    });
    await deliverTo({ ...deps.people, now: deps.now }, holder, notification, {
      candidateId: candidate.id,
    });
    told++;
  }
  if (told === 0) {
    logger.warn('Nobody in the directory to tell', { candidateId: candidate.id, role, unitId });
  }
  return told;
}
