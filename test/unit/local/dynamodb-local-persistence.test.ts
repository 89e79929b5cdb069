import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createTablesFromTemplate, startDynamoDbLocal } from '../../../lib/local/dynamodb-local';
import { createResolver, loadStackTemplate } from '../../../lib/local/template';

const { template, stackName } = loadStackTemplate(
  path.join(__dirname, '../../fixtures/local-cdk-out'),
);
const resolve = createResolver({ template, stackName });
const key = { pk: { S: 'CANDIDATE#7' }, sk: { S: 'PROFILE' } };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

// Starting java takes a few seconds, more on a busy machine.
jest.setTimeout(60_000);

describe('DynamoDB Local with a data dir', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dynamodb-local-test-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps tables and items across restarts, and takes over from a stale instance', async () => {
    const first = await startDynamoDbLocal({ dataDir });
    expect(fs.readFileSync(path.join(dataDir, 'dynamodb-local.pid'), 'utf8').trim()).toBe(
      String(first.pid),
    );
    let client = first.createClient();
    await createTablesFromTemplate(client, template, resolve);
    await client.send(
      new PutItemCommand({
        TableName: 'ItemsTable5AAC2C46',
        Item: { ...key, status: { S: 'ADMITTED' } },
      }),
    );
    client.destroy();

    // Not stopped, like after a crash: the next start must kill it (pid file) to use the data.
    const second = await startDynamoDbLocal({ dataDir });
    try {
      expect(isAlive(first.pid)).toBe(false);
      client = second.createClient();
      const tables = await createTablesFromTemplate(client, template, resolve);
      expect(tables.created).toEqual([]);
      expect(tables.existing).toContain('ItemsTable5AAC2C46');
      const read = await client.send(
        new GetItemCommand({ TableName: 'ItemsTable5AAC2C46', Key: key }),
      );
      expect(read.Item?.status).toEqual({ S: 'ADMITTED' });
      client.destroy();
    } finally {
      await second.stop();
      await first.stop();
    }
    expect(isAlive(second.pid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'dynamodb-local.pid'))).toBe(false);
  });

  it('does not outlive a parent that is killed with SIGKILL', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../../fixtures/start-dynamodb-local.ts')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const javaPid = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^java pid (\d+)$/m.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`child exited (${code}): ${output}`)));
    });
    expect(isAlive(javaPid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitFor(() => !isAlive(javaPid), 5000)).toBe(true);
  });
});
