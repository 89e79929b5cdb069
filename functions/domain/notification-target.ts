import type { Role } from './roles';

/** Who must act: a role at one unit. Subscriptions filter on exactly these two attributes. */
export interface NotificationTarget {
  role: Role;
  unitId: string;
}
