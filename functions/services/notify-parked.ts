import { type UnitLookup } from '../adapters/candidate-store';
import { informationRequestedOf } from '../domain/approval';
import { vietnamDateOf } from '../domain/vietnam-time';
import { type Candidate } from '../domain/candidate';
import {
  buildStageNotification,
  recipientsFor,
  type StageNotificationInput,
} from '../domain/notification';
import { humanStage, type HumanStageId } from '../domain/pipeline';
import { type ParkDependencies } from './dependencies';
import { notifyHolders } from './notify-people';
import { unitsOnPath } from './units-on-path';

type NotifyDeps = Pick<ParkDependencies, 'notifier' | 'now' | 'people' | 'approvalLinks'> & {
  store: UnitLookup;
};

/**
 * Tells the officers who must act that a candidate waits for them: the stage's actor role, in
 * the unit that role acts for. What is missing is what the step must produce (its forms).
 *
 * The unit's feed (SNS: role and unit attributes, never a link) gets one message; each holder of
 * the role at the unit, as the directory knows them, gets an e-mail — an approver of a decision
 * with their own approval link (notify-people.ts). A task token never leaves the server.
 */
export async function notifyParked(
  deps: NotifyDeps,
  candidate: Candidate,
  stage: HumanStageId,
): Promise<void> {
  const input = await parkedNotice(deps, candidate, stage);

  // The approver asked the cell for more: the cell hears it too, with what was asked.
  const requested = informationRequestedOf(candidate, stage);
  if (requested) {
    const toCell: StageNotificationInput = {
      ...input,
      recipient: { role: 'cell-officer', unitId: candidate.unitId },
      missing: requested.reason ? [requested.reason] : input.missing,
    };
    await tell(deps, candidate, toCell);
  }
  await tell(deps, candidate, input);
}

/** What is said about a candidate waiting at a stage, and to which role at which unit. */
export async function parkedNotice(
  deps: { store: UnitLookup; now: () => Date },
  candidate: Candidate,
  stage: HumanStageId,
): Promise<StageNotificationInput> {
  const today = vietnamDateOf(deps.now());
  const { units, path } = await unitsOnPath(deps.store, candidate, today);
  const cell = units.find((u) => u.id === candidate.unitId);
  return {
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
}

/** The unit's feed, then each person (when the function has the directory and a mailer). */
export async function tell(
  deps: Pick<ParkDependencies, 'notifier' | 'now' | 'people' | 'approvalLinks'>,
  candidate: Candidate,
  input: StageNotificationInput,
): Promise<void> {
  await deps.notifier.publish(buildStageNotification(input));
  if (deps.people) {
    await notifyHolders(
      { people: deps.people, approvalLinks: deps.approvalLinks, now: deps.now },
      candidate,
      input,
    );
  }
}
