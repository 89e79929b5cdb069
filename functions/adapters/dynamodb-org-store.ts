import {
  DeleteCommand,
  DynamoDBDocumentClient,
  paginateQuery,
  paginateScan,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { Candidate, isInFlight } from '../domain/candidate';
import { OrgUnit } from '../domain/org-unit';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { childLinkItem, ROOTS_PARTITION } from './dynamodb-quota-store';
import { keys, withoutKeys } from './table-keys';

/**
 * The organisation tree as versioned items: `UNIT#<id>` / `META#<effectiveFrom>` (the version
 * in force on a day is the latest one on or before it) plus one child link per unit under its
 * current parent, which lets reports and moves walk the tree with one Query per unit.
 */
export interface OrgStore {
  getUnit(id: string, on: string): Promise<OrgUnit | undefined>;
  /** Every version of a unit, oldest first. */
  unitVersions(id: string): Promise<OrgUnit[]>;
  /** Writes a version and moves the unit's child link under its (new) parent. */
  putUnitVersion(unit: OrgUnit, previousParentId?: string): Promise<void>;
  /** The ids of a unit's children in the current tree. */
  childIds(id: string): Promise<string[]>;
  /** Open files whose unit path contains the unit. */
  openCandidatesUnder(unitId: string): AsyncIterable<Candidate>;
  /** Rewrites an open file's unit path (unchanged version: nothing about the file changed). */
  setUnitPath(candidateId: string, unitPath: string[]): Promise<void>;
}

export class DynamoDbOrgStore implements OrgStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getUnit(id: string, on: string): Promise<OrgUnit | undefined> {
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :on',
        ExpressionAttributeValues: {
          ':pk': keys.unitPartition(id),
          ':first': 'META#',
          ':on': `META#${on}`,
        },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    return Items?.[0] ? withoutKeys<OrgUnit>(Items[0]) : undefined;
  }

  async unitVersions(id: string): Promise<OrgUnit[]> {
    const versions: OrgUnit[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :meta)',
        ExpressionAttributeValues: { ':pk': keys.unitPartition(id), ':meta': 'META#' },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) versions.push(withoutKeys<OrgUnit>(item));
    }
    return versions;
  }

  async putUnitVersion(unit: OrgUnit, previousParentId?: string): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.unit(unit.id, unit.effectiveFrom), entity: 'UNIT', ...unit },
      }),
    );
    if (previousParentId !== unit.parentId) {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: {
            PK: previousParentId ? keys.unitPartition(previousParentId) : ROOTS_PARTITION,
            SK: `CHILD#${unit.id}`,
          },
        }),
      );
    }
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: childLinkItem(unit) }),
    );
  }

  async childIds(id: string): Promise<string[]> {
    const ids: string[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :child)',
        ExpressionAttributeValues: { ':pk': keys.unitPartition(id), ':child': 'CHILD#' },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) ids.push(String(item.id));
    }
    return ids;
  }

  async *openCandidatesUnder(unitId: string): AsyncIterable<Candidate> {
    // A scan: moves are rare administrative acts, never on a request path of officers.
    const pages = paginateScan(
      { client: this.documents },
      {
        TableName: this.tableName,
        FilterExpression: 'entity = :candidate AND contains(unitPath, :unit)',
        ExpressionAttributeValues: { ':candidate': 'CANDIDATE', ':unit': unitId },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const candidate = withoutKeys<Candidate>(item);
        if (isInFlight(candidate)) yield candidate;
      }
    }
  }

  async setUnitPath(candidateId: string, unitPath: string[]): Promise<void> {
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.candidate(candidateId),
          UpdateExpression: 'SET unitPath = :path',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':path': unitPath },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

export function awsOrgStore(): OrgStore {
  return new DynamoDbOrgStore(createDocumentClient(), requiredEnv('TABLE_NAME'));
}
