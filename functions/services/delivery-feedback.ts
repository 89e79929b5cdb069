import type { DirectoryStore } from '../adapters/directory-store';
import { AccountConflictError } from '../adapters/directory-store';
import { type Account } from '../domain/account';

/** The part of an SES event notification (SNS message) this reads. */
export interface SesFeedback {
  eventType?: string;
  notificationType?: string;
  mail?: { destination?: string[]; tags?: Record<string, string[]> };
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress?: string }[] };
  complaint?: { complainedRecipients?: { emailAddress?: string }[] };
}

/**
 * A permanent bounce or a complaint is recorded on the person it concerns (found by the message's
 * `userId` tag, else by address): their account shows it, and nothing more is sent to them until
 * an administrator corrects the address. A transient bounce (mailbox full) changes nothing.
 */
export async function recordFeedback(
  deps: {
    directory: Pick<DirectoryStore, 'getAccount' | 'accountIdByEmail' | 'saveAccount'>;
    now: () => Date;
  },
  feedback: SesFeedback,
): Promise<'recorded' | 'ignored'> {
  const type = feedback.eventType ?? feedback.notificationType;
  const kind = type === 'Bounce' ? 'BOUNCE' : type === 'Complaint' ? 'COMPLAINT' : undefined;
  if (!kind || (kind === 'BOUNCE' && feedback.bounce?.bounceType !== 'Permanent')) return 'ignored';
  const tagged = feedback.mail?.tags?.userId?.[0];
  const address = feedback.mail?.destination?.[0];
  const userId = tagged ?? (address ? await deps.directory.accountIdByEmail(address) : undefined);
  if (!userId) return 'ignored';
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await deps.directory.getAccount(userId);
    if (!before) return 'ignored';
    const at = deps.now().toISOString();
    const after: Account = {
      ...before,
      deliveryProblem: {
        kind,
        at,
        ...(feedback.bounce?.bounceType ? { detail: feedback.bounce.bounceType } : {}),
      },
      version: before.version + 1,
      updatedAt: at,
    };
    try {
      await deps.directory.saveAccount(before, after, {
        userId,
        at,
        type: 'DELIVERY_PROBLEM',
        reason: kind,
      });
      return 'recorded';
    } catch (error) {
      if (!(error instanceof AccountConflictError)) throw error;
    }
  }
  throw new Error('The account kept changing while recording delivery feedback');
}
