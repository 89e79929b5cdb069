/** The groups a user can belong to; the pipeline table names which of them may take each action. */
export const ROLES = [
  'cell-officer',
  'committee-officer',
  'approver',
  'admin',
  'ops-viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  'cell-officer': { vi: 'cán bộ chi bộ', en: 'cell officer' },
  'committee-officer': { vi: 'cán bộ đảng ủy', en: 'committee officer' },
  approver: { vi: 'người có thẩm quyền quyết định', en: 'approver' },
  admin: { vi: 'quản trị viên', en: 'administrator' },
  'ops-viewer': { vi: 'cán bộ vận hành', en: 'operations viewer' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
