import type { ProviderUser } from '../../functions/adapters/identity-provider';
import { isRole } from '../../functions/domain/roles';
import type { RegisteredUser } from './user-registry';

/**
 * A user of the local pool as the identity-provider port describes Cognito's users. The pool
 * requires an e-mail; a user who only ever got a token (tests, `npm run token`) is given a
 * reserved `.invalid` address so that mail to them lands in the local inbox like anyone's.
 */
export function providerUserOf(user: RegisteredUser): ProviderUser {
  return {
    userId: user.sub,
    username: user.username ?? user.sub,
    email: user.email ?? `${user.username ?? user.sub}@users.local.invalid`,
    name: user.name,
    unitId: user.unitId,
    groups: user.groups.filter(isRole),
    enabled: user.enabled !== false,
    createdAt: user.createdAt,
  };
}

/**
 * The people of the demo organisation (lib/local/demo-organisation.ts) who can sign in to the
 * console on this machine, one per role along a candidate's way: the cell's secretary nominates,
 * the grassroots committee's officer verifies and votes, the bloc committee decides, the city
 * committee's administrator sets targets and units, and an operator only reads. Their `sub`s are
 * fixed, so a restart keeps their history and their mail.
 */
export const DEMO_USERS: readonly Omit<RegisteredUser, 'createdAt' | 'updatedAt'>[] = [
  {
    sub: '5d1c2f0a-0b1e-4c3a-9e61-000000000001',
    username: 'binh.tt',
    name: 'Trần Thị Bình',
    groups: ['cell-officer'],
    unitId: 'dd-xltbd-kythuat',
  },
  {
    sub: '5d1c2f0a-0b1e-4c3a-9e61-000000000002',
    username: 'cuong.lv',
    name: 'Lê Văn Cường',
    groups: ['committee-officer'],
    unitId: 'dd-xltbd',
  },
  {
    sub: '5d1c2f0a-0b1e-4c3a-9e61-000000000003',
    username: 'chien.vm',
    name: 'Vũ Mạnh Chiến',
    groups: ['approver'],
    unitId: 'dd-kdn',
  },
  {
    sub: '5d1c2f0a-0b1e-4c3a-9e61-000000000004',
    username: 'ha.pt',
    name: 'Phạm Thu Hà',
    groups: ['admin'],
    unitId: 'hn',
  },
  {
    sub: '5d1c2f0a-0b1e-4c3a-9e61-000000000005',
    username: 'khoa.dm',
    name: 'Đỗ Minh Khoa',
    groups: ['ops-viewer'],
    unitId: 'hn',
  },
];
