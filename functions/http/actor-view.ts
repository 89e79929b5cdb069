import type { Actor } from '../domain/caller';
import type { HistoryEvent } from '../domain/history-event';

/**
 * Who acted, as officers see it in a candidate's file and history: name, role and unit. The
 * source IP and user agent are kept for the audit export (GET /audit), which only the roles that
 * may audit read; no other answer carries them.
 */
export function actorView(actor: Actor): Omit<Actor, 'sourceIp' | 'userAgent'> {
  const { userId, name, role, unitId } = actor;
  return { userId, name, role, unitId };
}

export function historyView(events: readonly HistoryEvent[]): HistoryEvent[] {
  return events.map((event) => (event.actor ? { ...event, actor: actorView(event.actor) } : event));
}
