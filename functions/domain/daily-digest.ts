import { type StageNotification } from './notification';
import { type HumanStageId, humanStage } from './pipeline';
import { type Role } from './roles';
import { vietnameseDate } from './rules/calendar-date';

/**
 * The daily digest "Việc cần làm hôm nay": one e-mail per officer listing the steps that wait for
 * them and are due today or overdue, soonest due first (the work queue's own order), at most
 * DIGEST_ITEM_CAP of them and a count of the rest. Nothing due: no digest.
 */

/** Items listed in one digest; the rest are counted ("và N việc khác"). */
export const DIGEST_ITEM_CAP = 20;
/** How many of the rest are counted exactly; beyond that the digest says "more than". */
export const DIGEST_COUNT_CAP = 100;

export interface DigestItem {
  candidateId: string;
  fullName: string;
  stage: HumanStageId;
  /** YYYY-MM-DD (Vietnam calendar). */
  dueOn: string;
}

export interface DigestInput {
  recipient: { unitId: string; role: Role };
  /** YYYY-MM-DD (Vietnam calendar). */
  today: string;
  /** Due today or before, in work-queue order (due date, then waiting since). */
  items: readonly DigestItem[];
  /** Items beyond `items` that the read saw; `countCapped`: there may be more than that. */
  more: number;
  countCapped?: boolean;
}

/** Due on or before today; soonest first, ties kept in the order given. */
function dueByToday<T extends { dueOn?: string }>(
  items: readonly T[],
  today: string,
): (T & { dueOn: string })[] {
  return items.filter((item): item is T & { dueOn: string } => !!item.dueOn && item.dueOn <= today);
}

export function composeDigest(input: DigestInput): StageNotification | undefined {
  const due = dueByToday(input.items, input.today);
  if (due.length === 0) return undefined;
  const shown = due.slice(0, DIGEST_ITEM_CAP);
  const rest = due.length - shown.length + input.more;
  const overdue = due.filter((item) => item.dueOn < input.today).length;
  const restCount = input.countCapped ? `${rest}+` : String(rest);
  const line = (item: DigestItem, lang: 'vi' | 'en') => {
    const stage = humanStage(item.stage);
    const late = item.dueOn < input.today;
    return lang === 'vi'
      ? `- ${item.fullName} — ${stage.label} — hạn ${vietnameseDate(item.dueOn)}${late ? ' (quá hạn)' : ''} — mã hồ sơ ${item.candidateId}`
      : `- ${item.fullName} — ${stage.labelEn} — due ${item.dueOn}${late ? ' (overdue)' : ''} — candidate id ${item.candidateId}`;
  };
  const total = input.countCapped ? `${due.length + input.more}+` : String(due.length + input.more);
  const vi = [
    `Việc cần làm hôm nay (${vietnameseDate(input.today)}): ${total} việc đến hạn hoặc quá hạn, trong đó ${overdue}${input.more ? '+' : ''} việc quá hạn.`,
    ...shown.map((item) => line(item, 'vi')),
    ...(rest > 0 ? [`… và ${restCount} việc khác: xem GET /tasks.`] : []),
    'Tắt thư này: PATCH /accounts/{id} với "digest": false.',
  ];
  const en = [
    `Today's tasks (${input.today}): ${total} steps due or overdue, ${overdue}${input.more ? '+' : ''} of them overdue.`,
    ...shown.map((item) => line(item, 'en')),
    ...(rest > 0 ? [`… and ${restCount} more: see GET /tasks.`] : []),
    'Turn this e-mail off: PATCH /accounts/{id} with "digest": false.',
  ];
  return {
    subject: `Việc cần làm hôm nay ${vietnameseDate(input.today)} (${total}) / Today's tasks (${total})`,
    body: `${vi.join('\n')}\n\n---\n\n${en.join('\n')}`,
    attributes: {
      role: input.recipient.role,
      unitId: input.recipient.unitId,
      // The soonest-due step: what the delivery record (GET /me/deliveries) names.
      stage: shown[0].stage,
      kind: 'REMINDER',
    },
  };
}
