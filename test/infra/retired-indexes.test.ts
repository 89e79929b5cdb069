import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  candidateItem,
  UNIT_AUDIT_KEY,
  UNIT_AUDIT_PROJECTION,
} from '../../functions/adapters/table-keys';
import { AdmissionStack } from '../../lib/admission-stack';
import { type Candidate } from '../../functions/domain/candidate';

/**
 * GSI1 and GSI2 leave in two deployments and the unit audit index arrives in two more
 * (CloudFormation creates or deletes one GSI per update): the `legacyIndexes` and
 * `unitAuditIndex` context values name what each deployment has, and each step from the old table
 * to the final one creates or deletes exactly one index.
 */
function templateOf(context: Record<string, unknown>) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  return Template.fromStack(new AdmissionStack(app, 'Indexes'));
}

function tableIndexes(template: Template) {
  const table = Object.values(template.findResources('AWS::DynamoDB::Table')).find(
    (t) =>
      t.Properties.TableName === undefined &&
      t.Properties.TimeToLiveSpecification?.AttributeName === 'expiresAt',
  )!;
  return table.Properties.GlobalSecondaryIndexes as {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: string }[];
    Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
  }[];
}

/** The table's indexes; `unitAuditIndex` `null`: the context value unset (a new stack). */
function indexesOf(legacyIndexes?: unknown, unitAuditIndex: string | null = 'absent') {
  const context: Record<string, unknown> = {};
  if (legacyIndexes !== undefined) context.legacyIndexes = legacyIndexes;
  if (unitAuditIndex !== null) context.unitAuditIndex = unitAuditIndex;
  return tableIndexes(templateOf(context));
}

/** Where the audit export reads a unit's own events in that deployment. */
function ownAuditEventsOf(template: Template): unknown {
  const functions = template.findResources('AWS::Lambda::Function');
  const exportAudit = Object.entries(functions).find(([id]) => id.startsWith('ApiExportAudit'))!;
  return exportAudit[1].Properties.Environment.Variables.AUDIT_OWN_EVENTS;
}

describe('removing GSI1 and GSI2', () => {
  const phases = [
    ['GSI1', 'GSI2', 'GSI3'], // the table before the in-flight index and the retirement
    indexesOf(['GSI1', 'GSI2']), // deployment 1 (cdk.json): stop writing them, add InFlight
    indexesOf(['GSI2']), // deployment 2: delete GSI1
    indexesOf(), // deployment 3: delete GSI2 (then "adding the unit audit index")
  ].map((indexes) => indexes.map((index) => (typeof index === 'string' ? index : index.IndexName)));

  it('creates or deletes one index per deployment, and keeps the audit index', () => {
    expect(phases).toEqual([
      ['GSI1', 'GSI2', 'GSI3'],
      ['GSI1', 'GSI2', 'GSI3', 'InFlight'],
      ['GSI2', 'GSI3', 'InFlight'],
      ['GSI3', 'InFlight'],
    ]);
    for (let i = 1; i < phases.length; i++) {
      const removed = phases[i - 1].filter((name) => !phases[i].includes(name));
      const added = phases[i].filter((name) => !phases[i - 1].includes(name));
      expect(removed.length + added.length).toBe(1);
    }
  });

  it('starts from what cdk.json says', () => {
    const cdkJson = JSON.parse(readFileSync(path.join(__dirname, '../../cdk.json'), 'utf8'));
    expect(cdkJson.context.legacyIndexes).toEqual(['GSI1', 'GSI2']);
  });

  it('reads the context value as cdk.json writes it and as -c passes it', () => {
    expect(indexesOf([], null).map((i) => i.IndexName)).toEqual(['GSI3', 'UnitAudit', 'InFlight']);
    expect(indexesOf('GSI2').map((i) => i.IndexName)).toEqual(['GSI2', 'GSI3', 'InFlight']);
    expect(indexesOf('["GSI2"]').map((i) => i.IndexName)).toEqual(['GSI2', 'GSI3', 'InFlight']);
    expect(indexesOf([]).map((i) => i.IndexName)).toEqual(['GSI3', 'InFlight']);
    expect(() => indexesOf(['GSI3'])).toThrow(/GSI3 is not one of GSI1, GSI2/);
  });

  it('keeps the birth date out of a listing index while it lasts', () => {
    const [gsi2] = indexesOf(['GSI2']);
    expect(gsi2.Projection.ProjectionType).toBe('INCLUDE');
    expect(gsi2.Projection.NonKeyAttributes).not.toContain('dateOfBirth');
  });

  it('no longer writes their keys (items written before keep them: plain attributes once the index is gone)', () => {
    const candidate = {
      id: 'c-1',
      fullName: 'Nguyễn Văn An',
      unitId: 'dd-kdn',
      stage: 'NOMINATED',
      createdAt: '2025-03-10T03:00:00.000Z',
      stageEnteredAt: '2025-03-10T03:00:00.000Z',
    } as Candidate;
    expect(Object.keys(candidateItem(candidate)).filter((k) => /^GSI/.test(k))).toEqual([]);
  });
});

describe('adding the unit audit index', () => {
  const steps = [
    { legacyIndexes: [], unitAuditIndex: 'absent' }, // after "removing GSI1 and GSI2"
    { legacyIndexes: [], unitAuditIndex: 'building' }, // deployment 4: create it, then backfill
    { legacyIndexes: [] }, // deployment 5: the export reads it (a new stack starts here)
  ];

  it('creates it in a deployment of its own, and reads it only in the next one', () => {
    const templates = steps.map(templateOf);
    const indexes = templates.map((t) => tableIndexes(t).map((i) => i.IndexName));
    expect(indexes).toEqual([
      ['GSI3', 'InFlight'],
      ['GSI3', 'UnitAudit', 'InFlight'],
      ['GSI3', 'UnitAudit', 'InFlight'],
    ]);
    expect(templates.map(ownAuditEventsOf)).toEqual([
      'subtree-index',
      'subtree-index',
      'unit-index',
    ]);
  });

  it('keys events by unit and instant and copies only what the export returns', () => {
    const index = indexesOf([], null).find((i) => i.IndexName === 'UnitAudit')!;
    expect(index.KeySchema).toEqual([
      { AttributeName: UNIT_AUDIT_KEY.unit, KeyType: 'HASH' },
      { AttributeName: UNIT_AUDIT_KEY.at, KeyType: 'RANGE' },
    ]);
    expect(index.Projection).toEqual({
      ProjectionType: 'INCLUDE',
      NonKeyAttributes: [...UNIT_AUDIT_PROJECTION],
    });
    expect(index.Projection.NonKeyAttributes).not.toContain('GSI3SK');
  });

  it('refuses a phase it does not know', () => {
    expect(() => indexesOf([], 'later')).toThrow(/later is not one of absent, building, serving/);
  });
});
