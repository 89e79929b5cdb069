/** One day's digest run, as its starter hands it over: the day and the shards to send. */
export interface DigestRunPlan {
  day: string;
  shards: number[];
}

/** Starts the fan-out of one day's digest run (the digest state machine, lib/daily-digest.ts). */
export interface DigestRuns {
  /** Starts the run; answers the id of the execution that sends it. */
  start(plan: DigestRunPlan): Promise<{ executionArn: string }>;
}
