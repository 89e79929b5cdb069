import { type StageNotification } from '../domain/notification';

/** The port to whatever tells people that a candidate waits for them (SNS; locally the inbox). */
export interface Notifier {
  publish(notification: StageNotification): Promise<void>;
}
