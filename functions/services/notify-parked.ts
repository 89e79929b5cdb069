import { Candidate } from '../domain/candidate';
import { buildStageNotification, levelsOf, recipientsFor } from '../domain/notification';
import { humanStage, HumanStageId } from '../domain/pipeline';
import { OrgUnit } from '../domain/org-unit';
import { ParkDependencies } from './dependencies';

/**
 * Tells the officers who must act that a candidate waits for them: the stage's actor role, in
 * the unit that role acts for. What is missing is what the step must produce (its forms).
 */
export async function notifyParked(
  deps: Pick<ParkDependencies, 'store' | 'notifier' | 'now'>,
  candidate: Candidate,
  stage: HumanStageId,
): Promise<void> {
  const today = deps.now().toISOString().slice(0, 10);
  const units = (
    await Promise.all(candidate.unitPath.map((id) => deps.store.getUnit(id, today)))
  ).filter((u): u is OrgUnit => Boolean(u));
  const cell = units.find((u) => u.id === candidate.unitId);
  const notification = buildStageNotification({
    kind: 'PARKED',
    recipient: recipientsFor(stage, { unitPath: candidate.unitPath, levels: levelsOf(units) }),
    candidate: {
      id: candidate.id,
      fullName: candidate.fullName,
      unitName: cell?.name ?? candidate.unitId,
    },
    stage,
    missing: humanStage(stage).forms,
  });
  await deps.notifier.publish(notification);
}
