import { ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { StepFunctionsDigestRuns } from '../../../functions/adapters/sfn-digest-runs';
import { digestRunName } from '../../../functions/services/daily-digest';
import { startSfnEndpoint, type SfnEndpoint } from '../../../lib/local/sfn-endpoint';
import {
  createLocalStepFunctions,
  type LocalStepFunctions,
} from '../../../lib/local/step-functions';
import { sdkClient, smArn } from '../local/sfn-fixtures';

/**
 * Starting a day's digest run through the unmodified SDK against the local Step Functions: the
 * run is named after the scheduled event, so a retried delivery of that event (while the run is
 * going, or after it ended) starts nothing more, and another event starts a run of its own.
 */
const MACHINE = smArn('DigestRun');
/** A run that waits for a callback: it is still running when the retry comes. */
const waiting = {
  StartAt: 'Wait',
  States: {
    Wait: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'Shard', 'Payload.$': '$' },
      End: true,
    },
  },
};

let service: LocalStepFunctions;
let endpoint: SfnEndpoint;
let client: SFNClient;

beforeEach(async () => {
  service = createLocalStepFunctions({
    definitions: [{ arn: MACHINE, name: 'DigestRun', definition: waiting }],
    invoke: async () => ({}),
  });
  endpoint = await startSfnEndpoint({ service, port: 0, host: '127.0.0.1' });
  client = sdkClient(endpoint.url);
});
afterEach(async () => {
  client.destroy();
  await endpoint.close();
  await service.close();
});

const plan = { day: '2026-03-10', shards: [0, 1, 2] };
const runs = async () =>
  (await client.send(new ListExecutionsCommand({ stateMachineArn: MACHINE }))).executions ?? [];

describe('starting the digest run', () => {
  it('starts one run per scheduled event, however often the event is delivered', async () => {
    const starter = new StepFunctionsDigestRuns(client, MACHINE);
    const name = digestRunName(plan.day, '6a7e3f4c-2c1b-4d0e-9f1a-0b2c3d4e5f60');
    const first = await starter.start(name, plan);
    expect(first.executionArn).toBe(
      `${MACHINE.replace(':stateMachine:', ':execution:')}:digest-2026-03-10-6a7e3f4c-2c1b-4d0e-9f1a-0b2c3d4e5f60`,
    );
    // Delivered again while the run goes on, and again after it ended.
    expect(await starter.start(name, plan)).toEqual(first);
    await service.stopExecution({ executionArn: first.executionArn });
    expect(await starter.start(name, plan)).toEqual(first);
    expect(await runs()).toHaveLength(1);
    // Another event (an operator's run on demand): a run of its own.
    await starter.start(digestRunName(plan.day, 'b1c2d3e4-0000-4000-8000-000000000001'), plan);
    expect(await runs()).toHaveLength(2);
  });
});
