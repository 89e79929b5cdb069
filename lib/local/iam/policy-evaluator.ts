/**
 * IAM policy evaluation for the local runtime: the parts of AWS's evaluation logic that the
 * synthesized template exercises — Action/NotAction and Resource/NotResource with `*` and `?`
 * wildcards, Principal (role, role session, account, service, `*`), the condition operators
 * (String*, Arn*, Bool, Numeric*, Null, with `IfExists` and the `ForAnyValue`/`ForAllValues` set
 * qualifiers), explicit Deny over Allow, and how identity and resource policies combine within
 * one account (a resource policy that names the principal grants on its own; one that names the
 * account only delegates to the principal's identity policies; a KMS key policy and a role's
 * trust policy must allow).
 *
 * An operator this file does not know throws: a policy it cannot read is never silently allowed.
 */

type PolicyValue = string | number | boolean;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: '*' | Record<string, string | string[]>;
  NotPrincipal?: '*' | Record<string, string | string[]>;
  Condition?: Record<string, Record<string, PolicyValue | PolicyValue[]>>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/** Who makes the request: a role session (a function, a state machine) or an AWS service. */
export type RequestPrincipal =
  | { kind: 'role'; accountId: string; roleArn: string; sessionArn: string }
  | { kind: 'service'; service: string };

export interface AccessRequest {
  principal: RequestPrincipal;
  action: string;
  resource: string;
  /** Condition keys, e.g. `aws:SecureTransport`, `aws:SourceArn` (matched case-insensitively). */
  context: Record<string, string | string[] | undefined>;
}

/**
 * - `default`: same-account identity OR resource policy (SNS topic, Lambda, Secrets Manager).
 * - `mustAllow`: the resource policy decides; naming the account delegates to identity policies
 *   (a KMS key policy, a role's trust policy).
 */
export type ResourcePolicyMode = 'default' | 'mustAllow';

export interface AccessDecision {
  allowed: boolean;
  /** Why not: an explicit Deny (in which kind of policy) or no Allow. */
  reason?: 'explicitDenyIdentity' | 'explicitDenyResource' | 'noIdentityAllow' | 'noResourceAllow';
}

function statementsOf(document: PolicyDocument | undefined): PolicyStatement[] {
  if (!document) return [];
  return [document.Statement].flat();
}

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const compiledGlobs = new Map<string, RegExp>();

/** Glob with `*` (any run) and `?` (one character), anchored. Compiled once per pattern. */
function globMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let compiled = compiledGlobs.get(cacheKey);
  if (!compiled) {
    const escaped = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    compiled = new RegExp(`^${escaped}$`, ignoreCase ? 'is' : 's');
    compiledGlobs.set(cacheKey, compiled);
  }
  return compiled.test(value);
}

/** ArnLike: the six colon-separated parts match one by one (the last part keeps its colons). */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const split = (text: string) => {
    const parts = text.split(':');
    return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const p = split(pattern);
  const a = split(arn);
  if (!p || !a) return globMatches(pattern, arn);
  return p.every((part, index) => globMatches(part, a[index]));
}

function actionMatches(patterns: string[], action: string): boolean {
  return patterns.some((pattern) => globMatches(pattern, action, true));
}

function resourceMatches(patterns: string[], resource: string): boolean {
  return patterns.some((pattern) => pattern === '*' || arnMatches(pattern, resource));
}

type PrincipalMatch = 'direct' | 'account' | undefined;

function principalMatch(
  principal: PolicyStatement['Principal'],
  request: RequestPrincipal,
): PrincipalMatch {
  if (principal === undefined) return undefined;
  if (principal === '*') return 'direct';
  let best: PrincipalMatch;
  for (const [type, values] of Object.entries(principal)) {
    for (const value of asList(values)) {
      if (type === 'Service' && request.kind === 'service' && value === request.service) {
        return 'direct';
      }
      if (type !== 'AWS') continue;
      if (value === '*') return 'direct';
      if (request.kind !== 'role') continue;
      if (value === request.roleArn || value === request.sessionArn) return 'direct';
      if (value === request.accountId || value === `arn:aws:iam::${request.accountId}:root`) {
        best = 'account';
      }
    }
  }
  return best;
}

function lookup(context: AccessRequest['context'], key: string): string[] | undefined {
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() === wanted) return value === undefined ? undefined : asList(value);
  }
  return undefined;
}

type Comparator = (policyValue: string, requestValue: string) => boolean;

const COMPARATORS: Record<string, { compare: Comparator; negated?: boolean }> = {
  StringEquals: { compare: (p, r) => p === r },
  StringNotEquals: { compare: (p, r) => p === r, negated: true },
  StringEqualsIgnoreCase: { compare: (p, r) => p.toLowerCase() === r.toLowerCase() },
  StringNotEqualsIgnoreCase: {
    compare: (p, r) => p.toLowerCase() === r.toLowerCase(),
    negated: true,
  },
  StringLike: { compare: (p, r) => globMatches(p, r) },
  StringNotLike: { compare: (p, r) => globMatches(p, r), negated: true },
  ArnEquals: { compare: (p, r) => p === r },
  ArnNotEquals: { compare: (p, r) => p === r, negated: true },
  ArnLike: { compare: (p, r) => arnMatches(p, r) },
  ArnNotLike: { compare: (p, r) => arnMatches(p, r), negated: true },
  Bool: { compare: (p, r) => p.toLowerCase() === r.toLowerCase() },
  NumericEquals: { compare: (p, r) => Number(r) === Number(p) },
  NumericNotEquals: { compare: (p, r) => Number(r) === Number(p), negated: true },
  NumericLessThan: { compare: (p, r) => Number(r) < Number(p) },
  NumericLessThanEquals: { compare: (p, r) => Number(r) <= Number(p) },
  NumericGreaterThan: { compare: (p, r) => Number(r) > Number(p) },
  NumericGreaterThanEquals: { compare: (p, r) => Number(r) >= Number(p) },
};

function conditionHolds(
  operatorName: string,
  key: string,
  policyValues: string[],
  context: AccessRequest['context'],
): boolean {
  const requestValues = lookup(context, key);
  if (operatorName === 'Null') {
    const absent = requestValues === undefined || requestValues.length === 0;
    return policyValues.some((v) => (v.toLowerCase() === 'true') === absent);
  }
  const setMatch = /^(ForAnyValue|ForAllValues):(.*)$/.exec(operatorName);
  const qualifier = setMatch?.[1];
  let operator = setMatch?.[2] ?? operatorName;
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);
  const comparator = COMPARATORS[operator];
  if (!comparator) throw new Error(`The local IAM evaluator does not know ${operatorName}.`);
  if (requestValues === undefined || requestValues.length === 0) {
    if (qualifier === 'ForAllValues') return true;
    return ifExists || Boolean(comparator.negated && !qualifier);
  }
  const matchesOne = (requestValue: string) =>
    policyValues.some((policyValue) => comparator.compare(policyValue, requestValue));
  if (comparator.negated) {
    // Negated operators: no request value may match any policy value.
    return qualifier === 'ForAnyValue'
      ? requestValues.some((value) => !matchesOne(value))
      : requestValues.every((value) => !matchesOne(value));
  }
  return qualifier === 'ForAllValues'
    ? requestValues.every(matchesOne)
    : requestValues.some(matchesOne);
}

function conditionsHold(
  condition: PolicyStatement['Condition'],
  context: AccessRequest['context'],
): boolean {
  return Object.entries(condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, values]) =>
      conditionHolds(operator, key, asList(values).map(String), context),
    ),
  );
}

/** Whether a statement applies to the request, and through which principal match. */
function applies(
  statement: PolicyStatement,
  request: AccessRequest,
  withPrincipal: boolean,
): PrincipalMatch | 'identity' | undefined {
  const actionOk =
    statement.NotAction !== undefined
      ? !actionMatches(asList(statement.NotAction), request.action)
      : actionMatches(asList(statement.Action), request.action);
  if (!actionOk) return undefined;
  const resourceOk =
    statement.NotResource !== undefined
      ? !resourceMatches(asList(statement.NotResource), request.resource)
      : statement.Resource === undefined
        ? withPrincipal // a trust policy has no Resource element
        : resourceMatches(asList(statement.Resource), request.resource);
  if (!resourceOk) return undefined;
  let match: PrincipalMatch | 'identity' = 'identity';
  if (withPrincipal) {
    if (statement.NotPrincipal !== undefined) {
      match = principalMatch(statement.NotPrincipal, request.principal) ? undefined : 'direct';
    } else {
      match = principalMatch(statement.Principal, request.principal);
    }
    if (!match) return undefined;
  }
  return conditionsHold(statement.Condition, request.context) ? match : undefined;
}

interface PolicyOutcome {
  denied: boolean;
  allowed: boolean;
  /** Resource policies only: an Allow that names the account, not the principal. */
  allowedForAccount: boolean;
}

function evaluate(
  statements: PolicyStatement[],
  request: AccessRequest,
  withPrincipal: boolean,
): PolicyOutcome {
  const outcome: PolicyOutcome = { denied: false, allowed: false, allowedForAccount: false };
  for (const statement of statements) {
    const match = applies(statement, request, withPrincipal);
    if (!match) continue;
    if (statement.Effect === 'Deny') outcome.denied = true;
    else if (match === 'account') outcome.allowedForAccount = true;
    else outcome.allowed = true;
  }
  return outcome;
}

/**
 * AWS's decision for a request within one account: an explicit Deny anywhere wins; otherwise the
 * identity policies (a role's) or the resource policy must allow, as `mode` describes.
 */
export function decideAccess(input: {
  request: AccessRequest;
  identityPolicies: PolicyDocument[];
  resourcePolicy?: PolicyDocument;
  mode?: ResourcePolicyMode;
}): AccessDecision {
  const { request } = input;
  const identity = evaluate(input.identityPolicies.flatMap(statementsOf), request, false);
  const resource = evaluate(statementsOf(input.resourcePolicy), request, true);
  if (identity.denied) return { allowed: false, reason: 'explicitDenyIdentity' };
  if (resource.denied) return { allowed: false, reason: 'explicitDenyResource' };
  if (input.mode === 'mustAllow') {
    if (resource.allowed) return { allowed: true };
    if (resource.allowedForAccount && identity.allowed) return { allowed: true };
    return {
      allowed: false,
      reason: resource.allowedForAccount ? 'noIdentityAllow' : 'noResourceAllow',
    };
  }
  if (identity.allowed || resource.allowed) return { allowed: true };
  return {
    allowed: false,
    reason: request.principal.kind === 'service' ? 'noResourceAllow' : 'noIdentityAllow',
  };
}
