import { randomUUID } from 'node:crypto';
import { humanStage, type HumanStageId } from '../../../functions/domain/pipeline';
import { type Role } from '../../../functions/domain/roles';
import { ApiClient } from './api-client';
import { type RuntimeEndpoints } from './runtime-process';

export interface OfficerSpec {
  roles: Role[];
  unitId: string;
  name?: string;
  sub?: string;
}

/** A real signed token from the runtime's local issuer, like Cognito would give the officer. */
export async function tokenFor(runtime: RuntimeEndpoints, officer: OfficerSpec): Promise<string> {
  const response = await fetch(`${runtime.issuerUrl}/local/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sub: officer.sub ?? randomUUID(),
      name: officer.name ?? `Cán bộ ${officer.roles.join(', ')}`,
      groups: officer.roles,
      unitId: officer.unitId,
    }),
  });
  if (!response.ok) throw new Error(`Token request failed: ${response.status}`);
  return ((await response.json()) as { id_token: string }).id_token;
}

export async function officerClient(
  runtime: RuntimeEndpoints,
  officer: OfficerSpec,
): Promise<ApiClient> {
  return new ApiClient(runtime.url, await tokenFor(runtime, officer));
}

/**
 * The three people a demo candidate meets: the cell's officer, the grassroots committee's
 * officer, and the approver of the district bloc committee.
 */
export async function demoOfficers(runtime: RuntimeEndpoints) {
  const [cell, committee, approver] = await Promise.all([
    officerClient(runtime, { roles: ['cell-officer'], unitId: 'dd-kdn', name: 'Trần Thị Bình' }),
    officerClient(runtime, {
      roles: ['committee-officer'],
      unitId: 'dd-kdn',
      name: 'Lê Văn Cường',
    }),
    officerClient(runtime, { roles: ['approver'], unitId: 'dd-kdn', name: 'Vũ Mạnh Chiến' }),
  ]);
  const byRole: Partial<Record<Role, ApiClient>> = {
    'cell-officer': cell,
    'committee-officer': committee,
    approver,
  };
  /** The officer whose role the pipeline table gives the action. */
  const forAction = (stage: string, action: string): ApiClient => {
    const actor = humanStage(stage as HumanStageId).actions.find((a) => a.id === action)!.actor;
    return byRole[actor]!;
  };
  return { cell, committee, approver, forAction };
}
