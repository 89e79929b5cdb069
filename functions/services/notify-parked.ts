import { vietnamDateOf } from '../domain/vietnam-time';
import {
  admissionDecisionDueOn,
  approvalLinkExpiry,
  informationRequestedOf,
} from '../domain/approval';
import { issueApprovalId } from '../domain/approval-link';
import { type Candidate } from '../domain/candidate';
import {
  buildStageNotification,
  recipientsFor,
  type StageNotificationInput,
} from '../domain/notification';
import { humanStage, type HumanStageId } from '../domain/pipeline';
import { logger } from '../observability/logger';
import { type ParkDependencies } from './dependencies';
import { unitsOnPath } from './units-on-path';

/**
 * Tells the officers who must act that a candidate waits for them: the stage's actor role, in
 * the unit that role acts for. What is missing is what the step must produce (its forms).
 *
 * Approvers get one notification each, with their own approval link (bound to them, to this
 * step and version, expiring with the decision deadline or after 30 days) and a `userId`
 * attribute to filter on; a task token never leaves the server. If the directory knows no
 * approver of the unit, the role and unit are told without a link.
 */
export async function notifyParked(
  deps: Pick<ParkDependencies, 'store' | 'notifier' | 'now' | 'approvalLinks'>,
  candidate: Candidate,
  stage: HumanStageId,
): Promise<void> {
  const today = vietnamDateOf(deps.now());
  const { units, path } = await unitsOnPath(deps.store, candidate, today);
  const cell = units.find((u) => u.id === candidate.unitId);
  const input: StageNotificationInput = {
    kind: 'PARKED',
    recipient: recipientsFor(stage, path),
    candidate: {
      id: candidate.id,
      fullName: candidate.fullName,
      unitName: cell?.name ?? candidate.unitId,
    },
    stage,
    missing: humanStage(stage).forms,
  };

  // The approver asked the cell for more: the cell hears it too, with what was asked.
  const requested = informationRequestedOf(candidate, stage);
  if (requested) {
    await deps.notifier.publish(
      buildStageNotification({
        ...input,
        recipient: { role: 'cell-officer', unitId: candidate.unitId },
        missing: requested.reason ? [requested.reason] : input.missing,
      }),
    );
  }

  // The approval page decides admissions (decideAdmission); a recognition decision is taken
  // through POST /candidates/{id}/actions, so its approvers are told without a link.
  if (input.recipient.role === 'approver' && stage === 'ADMISSION_DECISION' && deps.approvalLinks) {
    const { directory, signingKey, baseUrl } = deps.approvalLinks;
    const approvers = await directory.approversOf(input.recipient.unitId);
    if (approvers.length > 0) {
      const key = await signingKey();
      const dueOn = stage === 'ADMISSION_DECISION' ? admissionDecisionDueOn(candidate) : undefined;
      const expiresAt = approvalLinkExpiry(deps.now(), dueOn);
      for (const approver of approvers) {
        const approvalId = issueApprovalId(
          {
            candidateId: candidate.id,
            stage,
            candidateVersion: candidate.version,
            approverUserId: approver.userId,
            expiresAt,
          },
          key,
        );
        const notification = buildStageNotification({
          ...input,
          ...(dueOn ? { dueOn } : {}),
          link: `${baseUrl.replace(/\/+$/, '')}/approvals/${approvalId}`,
        });
        await deps.notifier.publish({
          ...notification,
          attributes: { ...notification.attributes, userId: approver.userId },
        });
      }
      return;
    }
    logger.warn('No approver found for the unit; notifying the role without a link', {
      candidateId: candidate.id,
      stage,
      unitId: input.recipient.unitId,
    });
  }
  await deps.notifier.publish(buildStageNotification(input));
}
