import { type NotificationKind } from './notification';
import { type HumanStageId } from './pipeline';

/** The daily digest is a delivery too, with its own kind. */
export type DeliveryKind = NotificationKind | 'DIGEST' | 'APPROVER_REPLACED';

/**
 * One message sent to one person, as they can see it afterwards (GET /me/deliveries): what, when,
 * through which channel, and the provider's message id. The body is not kept (the subject names
 * the candidate, which the recipient was told anyway); it expires with the item's TTL.
 */
export interface Delivery {
  userId: string;
  deliveryId: string;
  sentAt: string;
  channel: 'EMAIL';
  kind: DeliveryKind;
  subject: string;
  candidateId?: string;
  stage?: HumanStageId;
  /** The approval link, when the message carried one. */
  link?: string;
  /** The provider's id (SES MessageId); absent when nothing could be sent. */
  messageId?: string;
  status: 'SENT' | 'SUPPRESSED';
}
