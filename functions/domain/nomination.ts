import { z } from 'zod';
import { Actor } from './caller';
import { Candidate, executionName, NOMINATION_SOURCES } from './candidate';
import { HistoryEvent } from './history-event';
import { acceptsCandidates, OrgUnit } from './org-unit';
import { FIRST_STAGE } from './pipeline';
import { refuse } from './refusal';

export const nominationSchema = z.strictObject({
  fullName: z.string().trim().min(2).max(120),
  dateOfBirth: z.iso.date(),
  nominationSource: z.enum(NOMINATION_SOURCES),
  unitId: z.string().trim().min(1).max(64),
});
export type Nomination = z.infer<typeof nominationSchema>;

export function assertUnitAcceptsCandidates(unit: OrgUnit | undefined, unitId: string): OrgUnit {
  if (!unit) {
    return refuse('invalid', {
      code: 'UNIT_NOT_FOUND',
      message: `Không tìm thấy đơn vị ${unitId}`,
      message_en: `Unit ${unitId} does not exist`,
      field: 'unitId',
    });
  }
  if (!acceptsCandidates(unit)) {
    return refuse('rule', {
      code: 'UNIT_NOT_A_CELL',
      message: `${unit.name} không phải chi bộ; quần chúng ưu tú do chi bộ giới thiệu`,
      message_en: `${unit.name} is not a party cell; candidates are nominated by cells`,
      field: 'unitId',
    });
  }
  return unit;
}

export function newCandidate(
  nomination: Nomination,
  unit: OrgUnit,
  ids: { candidateId: string; idempotencyKey: string; now: Date; actor: Actor },
): { candidate: Candidate; event: HistoryEvent } {
  const at = ids.now.toISOString();
  const candidate: Candidate = {
    id: ids.candidateId,
    fullName: nomination.fullName,
    dateOfBirth: nomination.dateOfBirth,
    nominationSource: nomination.nominationSource,
    nominatedBy: ids.actor,
    unitId: unit.id,
    unitPath: unit.path,
    stage: FIRST_STAGE,
    version: 1,
    createdAt: at,
    updatedAt: at,
    stageEnteredAt: at,
    dossier: {},
    execution: { name: executionName(ids.candidateId, 1), generation: 1 },
  };
  const event: HistoryEvent = {
    candidateId: ids.candidateId,
    seq: 1,
    at,
    type: 'NOMINATED',
    toStage: FIRST_STAGE,
    payload: { nominationSource: nomination.nominationSource, unitId: unit.id },
    idempotencyKey: ids.idempotencyKey,
    actor: ids.actor,
  };
  return { candidate, event };
}
