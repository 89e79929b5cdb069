import { parseArgs } from 'node:util';
import { reconcileUser, usernameFor } from '../functions/services/accounts';
import { identityTarget } from './identity-target';
import { TARGET_OPTIONS } from './table-target';

/**
 * npm run admin:bootstrap -- --email it@tinhuy.example.vn --name "Nguyễn Văn Quản" --unit hn
 *
 * Creates the first administrator of a fresh deployment — the one account nobody can create
 * through the product — in the user pool (Cognito e-mails the invitation with a temporary
 * password) and in the people directory. Running it again for the same address completes a run
 * that was cut short and changes nothing else.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...TARGET_OPTIONS,
      email: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
    },
  });
  if (!values.email || !values.name || !values.unit) {
    throw new Error(
      'Usage: npm run admin:bootstrap -- --email <address> --name <full name> --unit <unit id>',
    );
  }
  const target = identityTarget(values);
  const user = await target.provider.createUser({
    username: usernameFor(values.email),
    email: values.email,
    name: values.name,
    unitId: values.unit,
    groups: ['admin'],
  });
  const outcome = await reconcileUser({ directory: target.directory, now: () => new Date() }, user);
  target.close();
  console.log(
    `Quản trị viên ${user.username} (${user.userId}) tại ${user.unitId}: ${outcome} / administrator ready; the invitation e-mail carries the temporary password`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
