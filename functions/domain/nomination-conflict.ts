import type { OrgUnit } from './org-unit';
import { humanStage, type HumanStageId } from './pipeline';
import { type NotificationTarget, scrub, type StageNotification } from './notification';

/**
 * A nomination that met the person's open file in a unit its officer cannot see is referred to
 * the committee lowest above both units (README, "Duplicate nominations: who learns what"): it
 * sees both units, so it learns both — the open file by id and stage, the unit that tried to
 * nominate, and who did. The officer who tried learns none of it.
 */
export interface NominationConflict {
  existing: { candidateId: string; unitPath: readonly string[]; stage: HumanStageId };
  nominating: { unitPath: readonly string[]; unitName: string; officerName: string };
}

/** The lowest unit whose subtree holds both paths (their longest common prefix). */
export function lowestCommonUnit(a: readonly string[], b: readonly string[]): string | undefined {
  let common: string | undefined;
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) common = a[i];
  return common;
}

/** A grassroots organisation's officers settle it within their own cells; above, the approvers. */
export function conflictRecipient(unit: Pick<OrgUnit, 'id' | 'level'>): NotificationTarget {
  const grassroots = unit.level === 'GRASSROOTS' || unit.level === 'GRASSROOTS_CELL';
  return { role: grassroots ? 'committee-officer' : 'approver', unitId: unit.id };
}

export function buildNominationConflictNotification(
  conflict: NominationConflict,
  recipient: NotificationTarget,
): StageNotification {
  const { existing, nominating } = conflict;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(existing.candidateId)) throw new Error('Invalid candidate id');
  const stage = humanStage(existing.stage);
  const unitName = scrub(nominating.unitName, 'unitName');
  const officer = scrub(nominating.officerName, 'officerName');
  const existingUnit = existing.unitPath[existing.unitPath.length - 1];
  const nominatingUnit = nominating.unitPath[nominating.unitPath.length - 1];
  return {
    subject: `Giới thiệu trùng hồ sơ đang mở ${existing.candidateId} / A nomination meets open file ${existing.candidateId}`,
    body: [
      `${officer} (${unitName}, ${nominatingUnit}) đề nghị giới thiệu một người đang có hồ sơ kết nạp mở ${existing.candidateId} tại đơn vị ${existingUnit}, bước '${stage.label}'. Đồng chí cán bộ đó không thấy được hồ sơ này và chỉ được báo chuyển cấp ủy cấp trên; đề nghị xem xét hồ sơ tiếp tục ở đơn vị nào.`,
      '',
      '---',
      '',
      `${officer} (${unitName}, ${nominatingUnit}) tried to nominate a person who has open admission file ${existing.candidateId} in unit ${existingUnit}, at '${stage.labelEn}'. That officer cannot see the file and was only told to refer the nomination upward; decide where the admission continues.`,
    ].join('\n'),
    attributes: {
      role: recipient.role,
      unitId: recipient.unitId,
      stage: existing.stage,
      kind: 'NOMINATION_CONFLICT',
    },
  };
}
