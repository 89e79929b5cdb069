import { type IdentityProvider } from './identity-provider';
import { onFirstUse } from './on-first-use';

/**
 * The Cognito user pool of the function's environment (cognito-identity-provider.ts), with the
 * Cognito SDK loaded when an account is first created or changed rather than at the cold start:
 * reading and listing accounts use the directory table only.
 */
export function awsIdentityProvider(): IdentityProvider {
  const provider = onFirstUse(async () =>
    (await import('./cognito-identity-provider')).cognitoIdentityProvider(),
  );
  return {
    createUser: async (input) => (await provider()).createUser(input),
    getUser: async (username) => (await provider()).getUser(username),
    setGroups: async (username, from, to) => (await provider()).setGroups(username, from, to),
    setUnit: async (username, unitId) => (await provider()).setUnit(username, unitId),
    setEnabled: async (username, enabled) => (await provider()).setEnabled(username, enabled),
    async *listUsers() {
      yield* (await provider()).listUsers();
    },
  };
}
