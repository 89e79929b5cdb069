/** The groups a user can belong to; the pipeline table names which of them may take each action. */
export const ROLES = [
  'cell-officer',
  'committee-officer',
  'approver',
  'admin',
  'ops-viewer',
] as const;
export type Role = (typeof ROLES)[number];
