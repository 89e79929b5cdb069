import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AdmissionApi } from './api';
import type { Officer } from './auth/session';
import type { ConsoleConfig } from './config';

export interface Session {
  config: ConsoleConfig;
  officer: Officer;
  token: string;
  api: AdmissionApi;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('No session');
  return session;
}

export const hasRole = (officer: Officer, ...roles: string[]) =>
  officer.roles.some((r) => roles.includes(r));
