import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AdmissionStack } from '../../lib/admission-stack';

/** The stack as a template, without bundling (no esbuild run in infrastructure tests). */
export function synthesizeTemplate(): { stack: AdmissionStack; template: Template } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AdmissionStack(app, 'TestAdmission');
  return { stack, template: Template.fromStack(stack) };
}

/** Replaces every intrinsic inside a `Fn::Join` with a placeholder, giving the plain ASL JSON. */
export function definitionOf(template: Template): {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
} {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const [, parts] = machine.Properties.DefinitionString['Fn::Join'] as [string, unknown[]];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'TOKEN')).join(''));
}
