import { type Notifier } from './notifier';
import { onFirstUse } from './on-first-use';

/**
 * The SNS notifier of the function's environment (sns-notifier.ts), with the SNS SDK loaded at
 * the first publish rather than at the cold start: for a function that publishes on a rare path
 * only (a nomination meeting an open file the officer cannot see). The workflow functions, which
 * publish at every stage, use `awsNotifier` itself.
 */
export function awsNotifierOnFirstUse(): Notifier {
  const notifier = onFirstUse(async () => (await import('./sns-notifier')).awsNotifier());
  return { publish: async (notification) => (await notifier()).publish(notification) };
}
