import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityProvider } from '../functions/adapters/cognito-identity-provider';
import { DynamoDbDirectoryStore } from '../functions/adapters/dynamodb-directory-store';
import { LOCAL_CLIENT_CONFIG, tableTarget } from './table-target';

/**
 * The directory and the user pool an accounts tool works on: the local runtime (its Cognito
 * endpoint and pool from runtime.json), or on AWS TABLE_NAME and USER_POOL_ID (the stack outputs
 * TableName and UserPoolId) with the usual credentials.
 */
export function identityTarget(args: { 'data-dir'?: string; endpoint?: string; table?: string }) {
  const { documents, table, localRuntime, close } = tableTarget(args);
  const userPoolId = localRuntime?.userPoolId ?? process.env.USER_POOL_ID;
  if (!userPoolId) throw new Error('USER_POOL_ID (the stack output UserPoolId) is required');
  const cognito = new CognitoIdentityProviderClient(
    localRuntime?.cognitoEndpoint
      ? { endpoint: localRuntime.cognitoEndpoint, ...LOCAL_CLIENT_CONFIG }
      : { maxAttempts: 5 },
  );
  return {
    directory: new DynamoDbDirectoryStore(documents, table),
    provider: new CognitoIdentityProvider(cognito, userPoolId),
    close: () => {
      cognito.destroy();
      close();
    },
  };
}
