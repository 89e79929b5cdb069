import { type Role } from './roles';

/** Who sends a request, as the JWT authorizer vouches for it, plus where it came from. */
export interface Caller {
  userId: string;
  name: string;
  roles: Role[];
  unitId: string;
  sourceIp?: string;
  userAgent?: string;
}

/** What history and audit keep of the person behind a command. */
export interface Actor {
  userId: string;
  name: string;
  /** The role the command was taken in. */
  role: Role;
  unitId: string;
  sourceIp?: string;
  userAgent?: string;
}

export function actorOf(caller: Caller, role: Role): Actor {
  const { userId, name, unitId, sourceIp, userAgent } = caller;
  return { userId, name, role, unitId, sourceIp, userAgent };
}
