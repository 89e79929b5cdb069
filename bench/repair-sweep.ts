/**
 * npm run bench:repair — what one pass of the repair sweep reads, against what the table scan it
 * replaced read, on DynamoDB Local with consumed capacity returned: the same files in flight in
 * a small table and in one ten times larger (the other files ended). Writes
 * bench/results/repair-sweep.{json,md}.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { candidateItem, IN_FLIGHT_KEY, INDEX, keys } from '../functions/adapters/table-keys';
import { type Candidate } from '../functions/domain/candidate';
import { startDynamoDbLocal } from '../lib/local/dynamodb-local';
import { createPkSkTable } from '../test/support/pk-sk-table';
import { counted, readOnlySweep } from './sweep-pass';

const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 500);
const EVENTS_PER_FILE = 6;

function file(id: string, stage: Candidate['stage']): Candidate {
  return {
    id,
    fullName: 'Nguyễn Văn Thử',
    dateOfBirth: '1996-08-17',
    nationalIdFingerprint: id,
    nationalIdMasked: '********1234',
    nominationSource: 'YOUTH_UNION',
    nominatedBy: { userId: 'o', name: 'Cán bộ', role: 'cell-officer', unitId: 'c1' },
    unitId: 'c1',
    unitPath: ['p1', 'd1', 'c1'],
    stage,
    version: 5,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    stageEnteredAt: '2026-01-01T00:00:00.000Z',
    dossier: { note: 'x'.repeat(1500) },
    execution: { name: `${id}-g1`, generation: 1 },
  } as unknown as Candidate;
}

async function seed(documents: DynamoDBDocumentClient, table: string, ended: number) {
  const items: Record<string, unknown>[] = [];
  const add = (c: Candidate) => {
    items.push(candidateItem(c));
    for (let n = 1; n <= EVENTS_PER_FILE; n++) {
      items.push({ ...keys.event(c.id, n), entity: 'EVENT', note: 'y'.repeat(400) });
    }
  };
  for (let i = 0; i < IN_FLIGHT; i++) add(file(`open-${i}`, 'CELL_RESOLUTION'));
  for (let i = 0; i < ended; i++) add(file(`ended-${i}`, 'REJECTED'));
  for (let i = 0; i < items.length; i += 25) {
    await documents.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
  return items.length;
}

async function measure(client: DynamoDBClient, table: string, ended: number) {
  const documents = DynamoDBDocumentClient.from(client);
  await createPkSkTable(client, table, {
    name: INDEX.inFlight,
    hash: { name: IN_FLIGHT_KEY.shard, type: 'N' },
    range: { name: IN_FLIGHT_KEY.sort, type: 'S' },
    projection: 'KEYS_ONLY',
  });
  const tableItems = await seed(documents, table, ended);
  const units = counted(client);
  const report = await readOnlySweep(documents, table);
  const sweepReadUnits = units.readUnits;
  units.readUnits = 0;
  // The pass it replaced: a consistent Scan of the whole table for candidate items.
  for await (const page of paginateScan(
    { client: documents },
    {
      TableName: table,
      FilterExpression: 'entity = :candidate',
      ExpressionAttributeValues: { ':candidate': 'CANDIDATE' },
      ConsistentRead: true,
    },
  )) {
    void page;
  }
  return {
    inFlight: IN_FLIGHT,
    endedFiles: ended,
    tableItems,
    read: report.read,
    sweepReadUnits,
    scanReadUnits: units.readUnits,
    sweepUnitsPerFileInFlight: Number((sweepReadUnits / IN_FLIGHT).toFixed(3)),
  };
}

async function main() {
  const dynamo = await startDynamoDbLocal();
  try {
    const small = await measure(dynamo.createClient(), 'SweepSmall', 0);
    const large = await measure(dynamo.createClient(), 'SweepLarge', 9 * IN_FLIGHT);
    const result = {
      small,
      large,
      sweepRatioLargeToSmall: Number((large.sweepReadUnits / small.sweepReadUnits).toFixed(3)),
      scanRatioLargeToSmall: Number((large.scanReadUnits / small.scanReadUnits).toFixed(3)),
    };
    const dir = path.join(__dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'repair-sweep.json'), `${JSON.stringify(result, null, 2)}\n`);
    const row = (name: string, r: typeof small) =>
      `| ${name} | ${r.inFlight} | ${r.tableItems} | ${r.sweepReadUnits} | ${r.sweepUnitsPerFileInFlight} | ${r.scanReadUnits} |`;
    const md = [
      '| table | files in flight | table items | sweep read units | per file in flight | table scan read units |',
      '| ----- | --------------: | ----------: | ---------------: | -----------------: | --------------------: |',
      row('small', small),
      row('10× larger', large),
      '',
      `Sweep: larger/smaller = ${result.sweepRatioLargeToSmall}; table scan: ${result.scanRatioLargeToSmall}.`,
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'repair-sweep.md'), md);
    console.log(md);
  } finally {
    await dynamo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
