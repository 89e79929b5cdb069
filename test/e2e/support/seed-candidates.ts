import { randomBytes } from 'node:crypto';
import { DynamoDbCandidateStore } from '../../../functions/adapters/dynamodb-candidate-store';
import { type Candidate } from '../../../functions/domain/candidate';
import { type HistoryEvent } from '../../../functions/domain/history-event';
import { type StageId } from '../../../functions/domain/pipeline';
import { awsClients } from './aws-clients';
import { type ApiClient } from './api-client';
import { type RuntimeEndpoints } from './runtime-process';

export interface SeedSpec {
  fullName: string;
  unitPath: string[];
  stage: StageId;
  dueOn?: string;
  stageEnteredAt?: string;
}

/**
 * Writes candidates straight through the store adapter (the same conditional transaction a
 * nomination commits, queue entries included): thousands in seconds, for listings. They have no
 * execution, which only the periodic resume job would notice.
 */
export async function seedCandidates(
  runtime: RuntimeEndpoints,
  specs: SeedSpec[],
  concurrency = 16,
): Promise<Candidate[]> {
  const store = new DynamoDbCandidateStore(awsClients(runtime).documents, runtime.tableName);
  const candidates = specs.map(candidateOf);
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const candidate = candidates[next++];
      await store.createCandidate(candidate, nominatedEvent(candidate));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return candidates;
}

const SEEDER = {
  userId: 'seed',
  name: 'Seed',
  role: 'cell-officer' as const,
  unitId: 'seed',
};

function candidateOf(spec: SeedSpec): Candidate {
  const id = `s${randomBytes(9).toString('hex')}`;
  const at = spec.stageEnteredAt ?? new Date().toISOString();
  return {
    id,
    fullName: spec.fullName,
    dateOfBirth: '1995-01-01',
    nationalIdFingerprint: randomBytes(16).toString('hex'),
    nationalIdMasked: '*********000',
    nominationSource: 'CELL',
    nominatedBy: SEEDER,
    unitId: spec.unitPath[spec.unitPath.length - 1],
    unitPath: spec.unitPath,
    stage: spec.stage,
    version: 1,
    createdAt: at,
    updatedAt: at,
    stageEnteredAt: at,
    ...(spec.dueOn ? { dueOn: spec.dueOn } : {}),
    dossier: {},
    execution: { name: `${id}-g1`, generation: 1 },
  };
}

function nominatedEvent(candidate: Candidate): HistoryEvent {
  return {
    candidateId: candidate.id,
    seq: 1,
    at: candidate.createdAt,
    type: 'NOMINATED',
    toStage: candidate.stage,
    idempotencyKey: `seed-${candidate.id}`,
    actor: SEEDER,
  };
}

/** Creates units through the admin API (POST /units), each under the previous one's parent. */
export async function createUnits(
  admin: ApiClient,
  units: { id: string; name: string; level: string; parentId: string }[],
): Promise<void> {
  for (const unit of units) {
    const response = await admin.request('POST', '/units', {
      body: { ...unit, effectiveFrom: '2025-01-01' },
      headers: { 'idempotency-key': `unit-${unit.id}-${Date.now()}` },
    });
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(
        `POST /units ${unit.id}: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
  }
}
