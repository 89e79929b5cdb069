import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { ERROR_CODES } from '../functions/http/contract/error-codes';
import { type CallerRateLimits } from './caller-rate-limit';

/** The region of every web ACL that protects a CloudFront distribution, and of its metrics. */
export const CLOUDFRONT_WAF_REGION = 'us-east-1';

/** The key of the 429 body in the web ACL's `CustomResponseBodies`. */
const RATE_LIMITED_BODY = 'rate-limited';

/**
 * The refusal a rate-limited caller reads, in the API's error shape (`code`, Vietnamese `message`,
 * English `message_en`, `field`), so the console and the typed client treat it like any refusal.
 */
export const RATE_LIMITED_ERROR = {
  code: 'RATE_LIMITED',
  message: ERROR_CODES.RATE_LIMITED.vi,
  message_en: ERROR_CODES.RATE_LIMITED.en,
  field: null,
} as const;

/**
 * The managed rule groups, in evaluation order after the rate rules. The core rule set's
 * `SizeRestrictions_BODY` blocks bodies over 8 KB, but the imports (units, onboarding, quota
 * targets: CSV or XLSX) are larger by design: that rule only counts, and the functions refuse a
 * body over 64 KB themselves with `PAYLOAD_TOO_LARGE` in our error shape.
 */
const MANAGED_RULE_GROUPS: { name: string; countOnly?: string[] }[] = [
  { name: 'AWSManagedRulesAmazonIpReputationList' },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet' },
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
];

export interface WebFirewallProps {
  limits: CallerRateLimits;
}

/**
 * AWS WAF in front of the CloudFront distribution (docs/architecture.md, "Throttling"): AWS's
 * managed rule groups, and the per-caller rate limits the HTTP API alone cannot give (its limits
 * are per route, shared by the country). A blocked caller gets 429 with `Retry-After` and the
 * API's error shape. A CloudFront web ACL exists only in us-east-1, so the stack that holds this
 * construct must be deployed there (bin/app.ts).
 */
export class WebFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  /** Requests the per-caller and per-address rules blocked (5-minute sums). */
  readonly rateLimitedRequests: cloudwatch.IMetric;
  readonly rateLimitedAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: WebFirewallProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    if (!Token.isUnresolved(region) && region !== CLOUDFRONT_WAF_REGION) {
      throw new Error(
        `A CloudFront web ACL can only be created in ${CLOUDFRONT_WAF_REGION}; this stack is in ${region}.`,
      );
    }
    const { limits } = props;
    const aclName = `${Stack.of(this).stackName}-edge`;
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      // Sampled requests hold client addresses and paths: kept 3 hours by WAF, never exported.
      sampledRequestsEnabled: true,
    });
    const tooManyRequests: wafv2.CfnWebACL.RuleActionProperty = {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: RATE_LIMITED_BODY,
          responseHeaders: [{ name: 'Retry-After', value: String(limits.retryAfterSeconds) }],
        },
      },
    };
    const rateRule = (
      name: string,
      priority: number,
      statement: Omit<wafv2.CfnWebACL.RateBasedStatementProperty, 'evaluationWindowSec'>,
    ): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      action: tooManyRequests,
      statement: {
        rateBasedStatement: { ...statement, evaluationWindowSec: limits.evaluationWindowSeconds },
      },
      visibilityConfig: visibility(name),
    });
    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      // One caller is one token: requests without an Authorization header are not counted here
      // (WAF skips a request that lacks a custom key) but by the address rule below.
      rateRule('PerCaller', 0, {
        aggregateKeyType: 'CUSTOM_KEYS',
        customKeys: [
          {
            header: {
              name: 'authorization',
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
        ],
        limit: limits.perCaller,
      }),
      rateRule('PerAddress', 1, { aggregateKeyType: 'IP', limit: limits.perAddress }),
      ...MANAGED_RULE_GROUPS.map(
        ({ name, countOnly = [] }, index): wafv2.CfnWebACL.RuleProperty => ({
          name,
          priority: 10 + index,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              ruleActionOverrides: countOnly.length
                ? countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
                : undefined,
            },
          },
          visibilityConfig: visibility(name),
        }),
      ),
    ];

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: aclName,
      description: 'Officers console and API: managed rules and per-caller rate limits',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: {
        [RATE_LIMITED_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify(RATE_LIMITED_ERROR),
        },
      },
      rules,
      visibilityConfig: visibility(aclName),
    });

    // Each rate rule publishes BlockedRequests under its own Rule dimension; the alarm watches
    // their sum. A few blocks are expected (a script, a stuck tab); a sustained count is either
    // an attack or limits that no longer fit the officers' work (lib/caller-rate-limit.ts).
    const blocked = (rule: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/WAFV2',
        metricName: 'BlockedRequests',
        dimensionsMap: { WebACL: aclName, Rule: rule },
        statistic: 'Sum',
        period: Duration.minutes(5),
      });
    this.rateLimitedRequests = new cloudwatch.MathExpression({
      expression: 'FILL(caller, 0) + FILL(address, 0)',
      usingMetrics: { caller: blocked('PerCaller'), address: blocked('PerAddress') },
      label: 'Requests blocked by the rate rules',
      period: Duration.minutes(5),
    });
    this.rateLimitedAlarm = new cloudwatch.Alarm(this, 'RateLimitedAlarm', {
      alarmDescription:
        'AWS WAF blocked over 100 requests in 5 minutes by the per-caller or per-address rate ' +
        'rules, two periods running: a flood, or limits that no longer fit the officers (lib/caller-rate-limit.ts).',
      metric: this.rateLimitedRequests,
      threshold: 100,
      evaluationPeriods: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
