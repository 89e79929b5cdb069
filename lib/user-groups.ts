/**
 * The officers' groups and the claims that carry a user's groups and unit. Kept free of CDK and
 * Node imports so that handlers, the local runtime and the token tool can all share it.
 */
import { isRole, type Role, ROLES } from '../functions/domain/roles';

/** The groups are the roles of the pipeline table; Cognito knows them as groups. */
export const USER_GROUPS = ROLES;
export type UserGroup = Role;
export const isUserGroup = isRole;

/** Bilingual descriptions, also used as the Cognito group descriptions. */
export const USER_GROUP_DESCRIPTIONS: Record<UserGroup, string> = {
  'cell-officer': 'Cán bộ chi bộ: giới thiệu và theo dõi quần chúng / Cell officer: nominates',
  'committee-officer': 'Cán bộ cấp ủy: thẩm định hồ sơ / Committee officer: reviews files',
  approver: 'Cấp ủy có thẩm quyền: quyết định kết nạp / Approver: decides admissions',
  admin: 'Quản trị hệ thống và người dùng / Administers users and units',
  'ops-viewer': 'Vận hành: chỉ xem / Operations: read only',
};

/** Cognito puts custom attributes in the ID token under `custom:<name>`. */
export const UNIT_ID_ATTRIBUTE = 'unit_id';
