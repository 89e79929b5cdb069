import { createHash } from 'node:crypto';
import type { DirectoryStore } from '../adapters/directory-store';
import type { Mailer } from '../adapters/mailer';
import { type DirectoryEntry } from '../domain/account';
import { type Delivery, type DeliveryKind } from '../domain/delivery';
import { renderEmail } from '../domain/email-template';
import { type StageNotification } from '../domain/notification';
import { logger } from '../observability/logger';

/** What delivering to a person needs: the directory (who, and what was sent) and a mailer. */
export interface PeopleDelivery {
  directory: Pick<DirectoryStore, 'getAccount' | 'recordDelivery' | 'holdersOf'>;
  mailer: Mailer;
}

/**
 * Sends one notification to one person by e-mail and records the delivery on them (what they see
 * at GET /me/deliveries). An address that bounced or complained is not written to again: the
 * delivery is recorded as SUPPRESSED. Sent first, recorded after: a crash between the two sends
 * again on the retry (at least once), and the record, keyed by what was sent, is written once.
 */
export async function deliverTo(
  deps: PeopleDelivery & { now: () => Date },
  person: Pick<DirectoryEntry, 'userId' | 'name' | 'email'>,
  notification: StageNotification,
  about: { kind?: DeliveryKind; candidateId?: string; deliveryId?: string } = {},
): Promise<Delivery> {
  const kind = about.kind ?? notification.attributes.kind;
  const account = await deps.directory.getAccount(person.userId);
  const sentAt = deps.now().toISOString();
  const deliveryId =
    about.deliveryId ??
    createHash('sha256')
      .update(JSON.stringify([person.userId, notification.subject, notification.link, sentAt]))
      .digest('base64url')
      .slice(0, 22);
  const base = {
    userId: person.userId,
    deliveryId,
    sentAt,
    channel: 'EMAIL' as const,
    kind,
    subject: notification.subject,
    ...(about.candidateId ? { candidateId: about.candidateId } : {}),
    stage: notification.attributes.stage,
    ...(notification.link ? { link: notification.link } : {}),
  };
  const email = account?.email ?? person.email;
  if (!email || account?.deliveryProblem || account?.enabled === false) {
    // No user id or address in logs: the delivery record on the person says the rest.
    logger.warn('Delivery suppressed', { reason: !email ? 'NO_ADDRESS' : 'ADDRESS_SUPPRESSED' });
    const delivery: Delivery = { ...base, status: 'SUPPRESSED' };
    await deps.directory.recordDelivery(delivery);
    return delivery;
  }
  const rendered = renderEmail(notification, account?.name ?? person.name);
  const { messageId } = await deps.mailer.send({
    to: email,
    ...rendered,
    tags: {
      userId: person.userId,
      kind,
      role: notification.attributes.role,
      unitId: notification.attributes.unitId,
      stage: notification.attributes.stage,
      ...(about.candidateId ? { candidateId: about.candidateId } : {}),
    },
  });
  const delivery: Delivery = { ...base, messageId, status: 'SENT' };
  await deps.directory.recordDelivery(delivery);
  return delivery;
}
