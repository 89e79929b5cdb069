import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  paginateQuery,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamodb-errors';
import { type Candidate, isInFlight } from '../domain/candidate';
import { type OrgUnit } from '../domain/org-unit';
import { gaugeDeltas } from '../domain/quota/ledger-deltas';
import { HUMAN_STAGE_IDS } from '../domain/stage-ids';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { childLinkItem, ROOTS_PARTITION } from './dynamodb-quota-store';
import { queueEntryWrites } from './queue-entries';
import { ledgerMoveUpdates } from './quota-ledger-items';
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
  /** The ids of a unit's children in the current tree; `undefined`: the top-level units. */
  childIds(id: string | undefined): Promise<string[]>;
  /** Open files whose unit path contains the unit. */
  openCandidatesUnder(unitId: string): AsyncIterable<Candidate>;
  /**
   * Rewrites an open file's unit path and its work-queue entries (unchanged version: nothing
   * about the file changed); a file changed meanwhile is read again and rewritten as it is.
   */
  setUnitPath(candidate: Candidate, unitPath: string[]): Promise<void>;
}

/** The item of one version of a unit (its child link is `childLinkItem`). */
export function unitVersionItem(unit: OrgUnit): Record<string, unknown> {
  return { ...keys.unit(unit.id, unit.effectiveFrom), entity: 'UNIT', ...unit };
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
        Item: unitVersionItem(unit),
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

  async childIds(id: string | undefined): Promise<string[]> {
    const ids: string[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :child)',
        ExpressionAttributeValues: {
          ':pk': id === undefined ? ROOTS_PARTITION : keys.unitPartition(id),
          ':child': 'CHILD#',
        },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) ids.push(String(item.id));
    }
    return ids;
  }

  async *openCandidatesUnder(unitId: string): AsyncIterable<Candidate> {
    // The unit's work-queue entries (queue-entries.ts): one per open file of its subtree and
    // stage, so a move reads what it moves, never the country. Each file is then read itself,
    // consistently: the path it is rewritten from is the one it has now.
    for (const stage of HUMAN_STAGE_IDS) {
      const pages = paginateQuery(
        { client: this.documents },
        {
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.queue(unitId, stage) },
          ProjectionExpression: 'id',
          ConsistentRead: true,
        },
      );
      for await (const page of pages) {
        for (const entry of page.Items ?? []) {
          const { Item } = await this.documents.send(
            new GetCommand({
              TableName: this.tableName,
              Key: keys.candidate(String(entry.id)),
              ConsistentRead: true,
            }),
          );
          const candidate = Item && withoutKeys<Candidate>(Item);
          if (candidate && isInFlight(candidate) && candidate.unitPath.includes(unitId)) {
            yield candidate;
          }
        }
      }
    }
  }

  async setUnitPath(candidate: Candidate, unitPath: string[]): Promise<void> {
    let before: Candidate | undefined = candidate;
    for (let attempt = 1; before && attempt <= 5; attempt++) {
      try {
        // The path, the work-queue entries and the stage gauges of every unit on it move together.
        await this.documents.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.tableName,
                  Key: keys.candidate(before.id),
                  UpdateExpression: 'SET unitPath = :path',
                  ConditionExpression: 'version = :version AND stage = :stage',
                  ExpressionAttributeValues: {
                    ':path': unitPath,
                    ':version': before.version,
                    ':stage': before.stage,
                  },
                },
              },
              ...queueEntryWrites(this.tableName, before, { ...before, unitPath }),
              ...ledgerMoveUpdates(
                this.tableName,
                before.id,
                {
                  leaving: gaugeDeltas(before, undefined, before.unitPath),
                  entering: gaugeDeltas(undefined, before, unitPath),
                },
                { from: before.unitPath, to: unitPath },
              ),
            ],
          }),
        );
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // The file moved on meanwhile: rewrite it as it is now.
        const current = await this.documents.send(
          new GetCommand({
            TableName: this.tableName,
            Key: keys.candidate(candidate.id),
            ConsistentRead: true,
          }),
        );
        before = current.Item ? withoutKeys<Candidate>(current.Item) : undefined;
      }
    }
    if (before) throw new Error(`Candidate ${before.id} kept changing while its unit moved`);
  }
}

export function awsOrgStore(): OrgStore {
  return new DynamoDbOrgStore(createDocumentClient(), requiredEnv('TABLE_NAME'));
}
