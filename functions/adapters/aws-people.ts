import { type PeopleDelivery } from '../services/deliver';
import { type ApprovalLinkIssuing } from '../services/notify-people';
import { awsDirectoryStore } from './dynamodb-directory-store';
import { awsMailer } from './aws-mailer';
import { signingKey } from './signing-key';

/**
 * Delivery to people when the stack gave the function a sender (Delivery.grantSend sets
 * MAIL_FROM); approval links when it also has the key and the page's URL (APPROVAL_BASE_URL).
 */
export function awsPeopleDependencies(): {
  people?: PeopleDelivery;
  approvalLinks?: ApprovalLinkIssuing;
} {
  const baseUrl = process.env.APPROVAL_BASE_URL;
  return {
    ...(process.env.MAIL_FROM
      ? { people: { directory: awsDirectoryStore(), mailer: awsMailer() } }
      : {}),
    ...(baseUrl && process.env.SIGNING_SECRET_ARN
      ? { approvalLinks: { signingKey: () => signingKey(), baseUrl } }
      : {}),
  };
}
