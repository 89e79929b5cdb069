import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { type IConstruct } from 'constructs';

/**
 * Acknowledges one specific wildcard finding (cdk-nag AwsSolutions-IAM5) on one construct, so
 * that any other wildcard that appears later is still reported.
 */
export function acknowledgeWildcard(scope: IConstruct, resource: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
}

/** The same for a wildcard in an action name, such as `kms:GenerateDataKey*`. */
export function acknowledgeWildcardAction(scope: IConstruct, action: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason });
}

/** How cdk-nag prints `Fn::GetAtt <resource>.Arn` inside a finding id. */
export function arnTokenOf(resource: IConstruct): string {
  const cfn =
    resource instanceof CfnResource ? resource : (resource.node.defaultChild as CfnResource);
  return `<${Stack.of(cfn).getLogicalId(cfn)}.Arn>`;
}
