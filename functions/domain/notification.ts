import { parseIsoDate, vietnameseDate } from './rules/calendar-date';
import { type OrgUnit, type UnitLevel } from './org-unit';
import { humanStage, type HumanStageId } from './pipeline';
import { type Role } from './roles';

/**
 * What the people who must act on a parked candidate are told, and who they are. Pure: the
 * notifier port publishes the result (SNS in AWS, the local inbox on one machine).
 *
 * A notification carries the candidate's name and nothing else personal: the input types have no
 * field for a birth date or an identity number, the builder copies the fields it uses one by one,
 * and the free-text fields are scrubbed of anything that looks like a date or an ID number.
 */

export type StageNotificationKind = 'PARKED' | 'REMINDER' | 'ESCALATION';
/** Stage notifications, and the referral of a nomination that met an open file elsewhere. */
export type NotificationKind = StageNotificationKind | 'NOMINATION_CONFLICT';

import type { NotificationTarget } from './notification-target';
export type { NotificationTarget } from './notification-target';

/** The candidate's unit path (top-level committee down to the cell) and the level of each unit. */
export interface UnitPathWithLevels {
  unitPath: readonly string[];
  levels: Readonly<Record<string, UnitLevel>>;
}

/** The levels of the units on `unitPath`, taken from a list of units (e.g. the store's). */
export function levelsOf(
  units: readonly Pick<OrgUnit, 'id' | 'level'>[],
): Record<string, UnitLevel> {
  return Object.fromEntries(units.map((u) => [u.id, u.level]));
}

/**
 * The role the pipeline table names for the stage, at the unit whose officers act:
 * - `cell-officer`: the candidate's cell;
 * - `committee-officer`: the grassroots organisation — the cell's parent when the cell is a `CELL`,
 *   the cell itself when it is a `GRASSROOTS_CELL`;
 * - `approver`: the committee directly above that grassroots organisation.
 */
export function recipientsFor(stage: HumanStageId, unit: UnitPathWithLevels): NotificationTarget {
  const role = humanStage(stage).actor;
  const { unitPath, levels } = unit;
  const levelAt = (index: number): UnitLevel => {
    const id = unitPath[index];
    const level = levels[id];
    if (!level) throw new Error(`The level of unit ${id} is not known`);
    return level;
  };
  const cellIndex = unitPath.length - 1;
  if (cellIndex < 0) throw new Error('The candidate has an empty unit path');
  const cellLevel = levelAt(cellIndex);
  if (cellLevel !== 'CELL' && cellLevel !== 'GRASSROOTS_CELL') {
    throw new Error(`Unit ${unitPath[cellIndex]} is a ${cellLevel}, not a cell`);
  }
  if (role === 'cell-officer') return { role, unitId: unitPath[cellIndex] };

  const grassrootsIndex = cellLevel === 'GRASSROOTS_CELL' ? cellIndex : cellIndex - 1;
  if (grassrootsIndex < 0 || levelAt(grassrootsIndex) !== levelAfterCell(cellLevel)) {
    throw new Error(`Cell ${unitPath[cellIndex]} has no grassroots organisation above it`);
  }
  if (role === 'committee-officer') return { role, unitId: unitPath[grassrootsIndex] };

  if (role === 'approver') {
    const committeeIndex = grassrootsIndex - 1;
    if (committeeIndex < 0) {
      throw new Error(`Grassroots unit ${unitPath[grassrootsIndex]} has no committee above it`);
    }
    const committeeLevel = levelAt(committeeIndex);
    if (!COMMITTEE_LEVELS.includes(committeeLevel)) {
      throw new Error(`Unit ${unitPath[committeeIndex]} is a ${committeeLevel}, not a committee`);
    }
    return { role, unitId: unitPath[committeeIndex] };
  }
  throw new Error(`Stage ${stage} is acted on by ${role}, which has no unit to notify`);
}

const COMMITTEE_LEVELS: readonly UnitLevel[] = [
  'CITY_COMMITTEE',
  'DISTRICT_COMMITTEE',
  'BLOC_COMMITTEE',
  'WARD_COMMITTEE',
];

/** A `CELL` sits in a `GRASSROOTS` organisation; a `GRASSROOTS_CELL` is its own. */
function levelAfterCell(cellLevel: 'CELL' | 'GRASSROOTS_CELL'): UnitLevel {
  return cellLevel === 'CELL' ? 'GRASSROOTS' : 'GRASSROOTS_CELL';
}

export interface StageNotificationInput {
  kind: StageNotificationKind;
  /** Who is told; usually `recipientsFor(stage, …)`, a higher unit for an escalation. */
  recipient: NotificationTarget;
  /** Deliberately no birth date, identity number or dossier: a notification never carries them. */
  candidate: { id: string; fullName: string; unitName: string };
  stage: HumanStageId;
  /** ISO calendar date, `YYYY-MM-DD`. */
  dueOn?: string;
  /** Form codes or labels still missing, e.g. `['6-KNĐ']`. */
  missing?: readonly string[];
  /** An http(s) URL, e.g. the approval page. */
  link?: string;
}

/** The attributes subscriptions filter on (SNS message attributes, all strings). */
interface NotificationAttributes {
  role: Role;
  unitId: string;
  stage: HumanStageId;
  kind: NotificationKind;
  /** Set when the notification is for one user (an approver's own link): filter per approver. */
  userId?: string;
}

export interface StageNotification {
  /** One line, Vietnamese then English. */
  subject: string;
  /** Vietnamese first, the English text below. */
  body: string;
  attributes: NotificationAttributes;
  link?: string;
}

const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  'cell-officer': { vi: 'Cấp ủy chi bộ', en: 'Cell officers' },
  'committee-officer': { vi: 'Cán bộ đảng ủy cơ sở', en: 'Grassroots committee officers' },
  approver: { vi: 'Cấp ủy có thẩm quyền quyết định kết nạp', en: 'Approvers' },
  admin: { vi: 'Quản trị', en: 'Administrators' },
  'ops-viewer': { vi: 'Vận hành', en: 'Operations' },
};

const MAX_TEXT = 200;
const MAX_MISSING = 20;

export function buildStageNotification(input: StageNotificationInput): StageNotification {
  const stage = humanStage(input.stage);
  const name = scrub(input.candidate.fullName, 'fullName');
  const unitName = scrub(input.candidate.unitName, 'unitName');
  const id = input.candidate.id;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error('Invalid candidate id');
  const dueOn = input.dueOn;
  if (dueOn !== undefined) parseIsoDate(dueOn, 'dueOn');
  const missing = (input.missing ?? [])
    .slice(0, MAX_MISSING)
    .map((m) => scrub(m, 'missing'))
    .filter((m) => m !== '');
  const link = input.link === undefined ? undefined : httpUrl(input.link);
  const role = ROLE_LABELS[input.recipient.role];
  if (!role) throw new Error(`Unknown role ${input.recipient.role}`);

  const subjectVi = {
    PARKED: `Hồ sơ ${name} chờ '${stage.label}'`,
    REMINDER: `Nhắc việc: hồ sơ ${name} vẫn chờ '${stage.label}'`,
    ESCALATION: `Quá hạn: hồ sơ ${name} chờ '${stage.label}'`,
  }[input.kind];
  const subjectEn = {
    PARKED: `${name} awaits '${stage.labelEn}'`,
    REMINDER: `Reminder: ${name} still awaits '${stage.labelEn}'`,
    ESCALATION: `Overdue: ${name} awaits '${stage.labelEn}'`,
  }[input.kind];
  if (subjectVi === undefined) throw new Error(`Unknown notification kind ${input.kind}`);

  const vi = [
    {
      PARKED: `Hồ sơ của ${name} (${unitName}) đang chờ bước '${stage.label}'.`,
      REMINDER: `Nhắc việc: hồ sơ của ${name} (${unitName}) vẫn đang chờ bước '${stage.label}'.`,
      ESCALATION: `Quá hạn: hồ sơ của ${name} (${unitName}) chưa được xử lý ở bước '${stage.label}'; báo cáo lên cấp trên.`,
    }[input.kind],
    `Người xử lý: ${role.vi}`,
    dueOn ? `Hạn: ${vietnameseDate(dueOn)}` : undefined,
    missing.length ? `Còn thiếu: ${missing.join(', ')}` : undefined,
    link ? `Mở hồ sơ: ${link}` : undefined,
    `Mã hồ sơ: ${id}`,
  ];
  const en = [
    {
      PARKED: `The file of ${name} (${unitName}) awaits the step '${stage.labelEn}'.`,
      REMINDER: `Reminder: the file of ${name} (${unitName}) still awaits the step '${stage.labelEn}'.`,
      ESCALATION: `Overdue: the file of ${name} (${unitName}) has not been handled at the step '${stage.labelEn}'; escalated.`,
    }[input.kind],
    `To act: ${role.en}`,
    dueOn ? `Due: ${dueOn}` : undefined,
    missing.length ? `Missing: ${missing.join(', ')}` : undefined,
    link ? `Open: ${link}` : undefined,
    `Candidate id: ${id}`,
  ];
  const lines = (list: (string | undefined)[]) => list.filter((l) => l !== undefined).join('\n');

  return {
    subject: `${subjectVi} / ${subjectEn}`,
    body: `${lines(vi)}\n\n---\n\n${lines(en)}`,
    attributes: {
      role: input.recipient.role,
      unitId: input.recipient.unitId,
      stage: stage.id,
      kind: input.kind,
    },
    ...(link ? { link } : {}),
  };
}

/** Nine or more digits standing alone (CMND has 9, CCCD 12): masked wherever they appear. */
const ID_NUMBER_LIKE = /(?<![\p{L}\p{N}])\p{N}{9,}(?![\p{L}\p{N}])/gu;
/** `17/08/1996`, `17-8-1996`, `1996-08-17`, `1996/08/17`. */
const DATE_LIKE = /\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})\b/g;

/** One line of plain text with nothing that looks like an ID number or a date. */
export function scrub(text: string, field: string): string {
  if (typeof text !== 'string') throw new Error(`${field} must be a string`);
  const cleaned = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(ID_NUMBER_LIKE, '…')
    .replace(DATE_LIKE, '…')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > MAX_TEXT ? `${cleaned.slice(0, MAX_TEXT - 1)}…` : cleaned;
}

function httpUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('link must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('link must be an http(s) URL');
  }
  return url.toString();
}
