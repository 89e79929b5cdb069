import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { candidateItem } from '../../functions/adapters/table-keys';
import { AdmissionStack } from '../../lib/admission-stack';
import { type Candidate } from '../../functions/domain/candidate';

/**
 * GSI1 and GSI2 leave in two deployments (CloudFormation creates or deletes one GSI per update):
 * the `legacyIndexes` context value names what each deployment keeps, and each step from the
 * old table to the final one deletes exactly one index.
 */
function indexesOf(legacyIndexes?: unknown) {
  const context: Record<string, unknown> = { 'aws:cdk:bundling-stacks': [] };
  if (legacyIndexes !== undefined) context.legacyIndexes = legacyIndexes;
  const template = Template.fromStack(new AdmissionStack(new App({ context }), 'Indexes'));
  const table = Object.values(template.findResources('AWS::DynamoDB::Table')).find(
    (t) =>
      t.Properties.TableName === undefined &&
      t.Properties.TimeToLiveSpecification?.AttributeName === 'expiresAt',
  )!;
  return table.Properties.GlobalSecondaryIndexes as {
    IndexName: string;
    Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
  }[];
}

describe('removing GSI1 and GSI2', () => {
  const phases = [
    ['GSI1', 'GSI2', 'GSI3'], // the table before the in-flight index and the retirement
    indexesOf(['GSI1', 'GSI2']), // deployment 1 (cdk.json): stop writing them, add InFlight
    indexesOf(['GSI2']), // deployment 2: delete GSI1
    indexesOf(), // deployment 3: delete GSI2 (a new stack starts here)
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
