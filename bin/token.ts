/**
 * Prints an ID token for the local runtime, signed with the local issuer's persisted key:
 *
 *   npm run -s token -- --role cell-officer --unit dd-xltbd-kythuat [--name "Trần Thị Bình"]
 *     [--sub u-123] [--expires 3600] [--email a@b.vn] [--audience <client id>]
 *
 * Only the token goes to stdout (so `TOKEN=$(npm run -s token -- …)` works); notes go to stderr.
 * `--role` may be repeated for a user in several groups.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { demoOrganisation } from '../lib/local/demo-organisation';
import { localAudience, readJwtAuthorizers } from '../lib/local/jwt-authorizer';
import { createLocalJwtIssuer, LOCAL_CLIENT_ID } from '../lib/local/jwt-issuer';
import { createResolver, loadStackTemplate } from '../lib/local/template';
import { isUserGroup, USER_GROUPS } from '../lib/user-groups';

const ROOT = path.join(__dirname, '..');

class UsageError extends Error {}

function main(): void {
  const { values: args } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      unit: { type: 'string' },
      name: { type: 'string' },
      sub: { type: 'string' },
      email: { type: 'string' },
      expires: { type: 'string', default: '3600' },
      audience: { type: 'string' },
      'data-dir': { type: 'string', default: path.join(ROOT, '.local-data') },
      'cdk-out': { type: 'string', default: path.join(ROOT, 'cdk.out') },
      stack: { type: 'string' },
    },
  });

  const roles = args.role ?? [];
  if (roles.length === 0) {
    throw new UsageError(
      `Thiếu --role / --role is required. Một trong / one of: ${USER_GROUPS.join(', ')}`,
    );
  }
  for (const role of roles) {
    if (!isUserGroup(role)) {
      throw new UsageError(
        `Vai trò không hợp lệ / unknown role "${role}". ` +
          `Chọn một trong / choose one of: ${USER_GROUPS.join(', ')}`,
      );
    }
  }
  const unitId = args.unit?.trim();
  if (!unitId) {
    throw new UsageError('Thiếu --unit (mã đơn vị) / --unit (the unit id) is required.');
  }
  const expires = Number(args.expires);
  if (!Number.isInteger(expires) || expires <= 0) {
    throw new UsageError(
      `--expires phải là số giây dương / --expires must be a positive number of seconds, got "${args.expires}".`,
    );
  }
  if (!demoOrganisation().some((unit) => unit.id === unitId)) {
    console.error(
      `Lưu ý / note: "${unitId}" không phải đơn vị mẫu / is not a demo unit ` +
        `(${demoOrganisation()
          .map((u) => u.id)
          .join(', ')}).`,
    );
  }

  const name = args.name ?? `Cán bộ thử nghiệm (${roles.join(', ')})`;
  const audience = args.audience ?? audienceFromTemplate(args['cdk-out']!, args.stack);
  const issuer = createLocalJwtIssuer({ dataDir: path.resolve(args['data-dir']!) });
  const token = issuer.issueToken({
    sub: args.sub ?? stableSub(unitId, roles, name),
    name,
    groups: roles,
    unitId,
    audience,
    email: args.email,
    expiresInSeconds: expires,
  });

  console.error(
    `Token (${roles.join(', ')} @ ${unitId}, ${expires} s, aud ${audience}, key ${issuer.keyFile}):`,
  );
  console.log(token);
  console.error(`\nDùng / use:  curl -H "Authorization: Bearer $TOKEN" …`);
}

/** The app client the template's JWT authorizer expects, as the local runtime resolves it. */
function audienceFromTemplate(cdkOut: string, stackName?: string): string {
  if (!fs.existsSync(path.join(cdkOut, 'manifest.json'))) {
    console.error(
      `Lưu ý / note: chưa có ${cdkOut} (chạy npm start hoặc npx cdk synth) / no synthesized ` +
        `template yet; using audience "${LOCAL_CLIENT_ID}".`,
    );
    return LOCAL_CLIENT_ID;
  }
  const { template, stackName: resolvedName } = loadStackTemplate(cdkOut, { stackName });
  const resolve = createResolver({ template, stackName: resolvedName });
  const audience = localAudience(template, resolve);
  if (audience) return audience;
  if (readJwtAuthorizers(template, resolve).length > 0) {
    throw new UsageError(
      'Mẫu có nhiều app client / the template has several audiences: pass --audience.',
    );
  }
  console.error(
    `Lưu ý / note: mẫu chưa có JWT authorizer / the template has no JWT authorizer yet; ` +
      `using audience "${LOCAL_CLIENT_ID}".`,
  );
  return LOCAL_CLIENT_ID;
}

/** UUID-shaped and stable, so the same person gets the same `sub` in every token. */
function stableSub(unitId: string, roles: string[], name: string): string {
  const hex = createHash('sha256')
    .update(`${unitId}|${[...roles].sort().join(',')}|${name}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

try {
  main();
} catch (error) {
  // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
  const usage =
    error instanceof UsageError ||
    String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  console.error(
    error instanceof UsageError
      ? error.message
      : usage
        ? `Tham số không hợp lệ / invalid arguments: ${(error as Error).message}`
        : (error as Error).stack,
  );
  process.exit(usage ? 2 : 1);
}
