/**
 * The synthesized digest state machine run on the engine the local runtime runs it on
 * (aws-local-stepfunctions), its two tasks answered in process: every shard is sent to the end,
 * slice after slice from its cursor, at most DIGEST_SHARDS_AT_ONCE at a time; a shard that keeps
 * failing is given up after its retries while the others are sent, and the run then fails with
 * `DigestShardsFailed` (what the alarm counts). Retry waits are shortened; nothing else is.
 */
import { ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { createResolver, type CfnTemplate } from '../../lib/local/template';
import { allDigestShards } from '../../functions/domain/digest-subscriber';
import {
  type DigestPiece,
  type DigestPieceResult,
  type DigestShardOutcome,
  emptyTally,
  summariseDigestRun,
} from '../../functions/services/daily-digest';
import { DIGEST_SHARDS_AT_ONCE } from '../../functions/domain/digest-subscriber';
import { synthesizeTemplate } from './synthesize';

const { template } = synthesizeTemplate();
const cfn = template.toJSON() as CfnTemplate;
const resolve = createResolver({ template: cfn, stackName: 'TestAdmission' });
const [machineId] = Object.keys(template.findResources('AWS::StepFunctions::StateMachine')).filter(
  (id) => id.startsWith('DigestDailyDigestRun'),
);
const definition = JSON.parse(
  String(resolve(cfn.Resources[machineId].Properties!.DefinitionString)),
) as StateMachineDefinition;

/** Each shard has three slices of people; `failing` shards throw on every attempt. */
function runDay(failing: number[] = []) {
  const calls = new Map<number, DigestPiece[]>();
  let running = 0;
  let mostAtOnce = 0;
  const sendSlice = async (piece: DigestPiece): Promise<DigestPieceResult> => {
    calls.set(piece.shard, [...(calls.get(piece.shard) ?? []), piece]);
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
    if (failing.includes(piece.shard)) throw new Error('ProvisionedThroughputExceededException');
    const tally = piece.tally ?? emptyTally();
    const slice = Number(piece.cursor ?? 0) + 1;
    return {
      day: piece.day,
      shard: piece.shard,
      ...(slice < 3 ? { cursor: String(slice) } : {}),
      tally: {
        ...tally,
        read: tally.read + 2,
        sent: tally.sent + 1,
        alreadySent: tally.alreadySent + 1,
      },
    };
  };
  const machine = new StateMachine(definition);
  const execution = machine.run(
    { day: '2026-03-10', shards: allDigestShards() },
    {
      overrides: {
        taskResourceLocalHandlers: {
          SendShardSlice: async (input) => (await sendSlice(input as never)) as never,
          SummariseRun: async (input) => {
            const { day, outcomes } = input as { day: string; outcomes: DigestShardOutcome[] };
            return summariseDigestRun(day, outcomes) as never;
          },
        },
        retryIntervalOverrides: { SendShardSlice: 0, SummariseRun: 0 },
      },
    },
  );
  return { result: execution.result, calls, mostAtOnce: () => mostAtOnce };
}

describe('the digest run on the local engine', () => {
  it('sends every shard slice after slice from its cursor, a bounded number at a time', async () => {
    const { result, calls, mostAtOnce } = runDay();
    const summary: unknown = await result;
    const shards = allDigestShards();
    expect(summary).toEqual({
      day: '2026-03-10',
      shards: shards.length,
      read: 6 * shards.length,
      sent: 3 * shards.length,
      alreadySent: 3 * shards.length,
      failures: 0,
      failedShards: [],
      complete: true,
    });
    for (const shard of shards) {
      expect(calls.get(shard)!.map((piece) => piece.cursor)).toEqual([undefined, '1', '2']);
    }
    expect(mostAtOnce()).toBeGreaterThan(1);
    expect(mostAtOnce()).toBeLessThanOrEqual(DIGEST_SHARDS_AT_ONCE);
  });

  it('gives up a failing shard after its retries, sends the others, and fails the run', async () => {
    const { result, calls } = runDay([5]);
    await expect(result).rejects.toBeInstanceOf(ExecutionError);
    await expect(result).rejects.toThrow('Shards of the daily digest failed');
    // Its first slice, tried once and retried three times; each other shard sent to the end.
    expect(calls.get(5)).toHaveLength(4);
    for (const shard of allDigestShards().filter((s) => s !== 5)) {
      expect(calls.get(shard)).toHaveLength(3);
    }
  });
});
