import { refuse } from './refusal';
import { vietnameseDate } from './rules/calendar-date';

/** A unit that does not exist (on a day) or lies outside the caller's subtree: the same 404. */
export function unitNotFound(id: string, field: string, on?: string): never {
  return refuse('not-found', {
    code: 'UNIT_NOT_FOUND',
    message: `Không tìm thấy đơn vị ${id}${on ? ` vào ngày ${vietnameseDate(on)}` : ''}`,
    message_en: `Unit ${id} does not exist${on ? ` on ${on}` : ''}`,
    field,
  });
}
