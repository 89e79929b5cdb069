/** One day's digest run, as its starter hands it over: the day and the shards to send. */
export interface DigestRunPlan {
  day: string;
  shards: number[];
}

/** Starts the fan-out of one day's digest run (the digest state machine, lib/daily-digest.ts). */
export interface DigestRuns {
  /**
   * Starts the run named `name`, once: a second start of the same name (a retried delivery of
   * the same scheduled event) answers the run already started. Answers the execution's id.
   */
  start(name: string, plan: DigestRunPlan): Promise<{ executionArn: string }>;
}
