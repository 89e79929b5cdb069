import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { awsDirectoryStore } from '../adapters/dynamodb-directory-store';
import { awsMailer } from '../adapters/aws-mailer';
import { parsedHandler } from '../observability/lambda-handler';
import { type DigestDeps, sendDigestsOfShard } from '../services/daily-digest';
import { digestPieceInput } from './digest-inputs';

const deps: DigestDeps = {
  queue: awsCandidateStore(),
  people: { directory: awsDirectoryStore(), mailer: awsMailer() },
  now: () => new Date(),
};

/** Time kept back from the function's timeout: the page in hand is finished first. */
const STOP_BEFORE_TIMEOUT_MS = 60_000;

/**
 * A piece of the daily digest run (a task of the digest state machine, lib/daily-digest.ts):
 * sends one shard of subscribers from its cursor until the shard is done or the invocation's
 * time is nearly up, and answers where it stopped; the state machine calls it again from there.
 */
export const handler = parsedHandler(digestPieceInput, (piece, context) =>
  sendDigestsOfShard(deps, piece, {
    timeUp: () => context.getRemainingTimeInMillis() < STOP_BEFORE_TIMEOUT_MS,
  }),
);
