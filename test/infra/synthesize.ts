import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AdmissionStack } from '../../lib/admission-stack';

/** The stack as a template, without bundling (no esbuild run in infrastructure tests). */
export function synthesizeTemplate(): { stack: AdmissionStack; template: Template } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AdmissionStack(app, 'TestAdmission');
  return { stack, template: Template.fromStack(stack) };
}

/**
 * The ASL JSON of one state machine (`Admission` or `Recognition`), every intrinsic inside its
 * `Fn::Join` replaced with a placeholder.
 */
export function definitionOf(
  template: Template,
  machineName: 'Admission' | 'Recognition' = 'Admission',
): {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
} {
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  const id = Object.keys(machines).find((logicalId) =>
    logicalId.startsWith(`Workflow${machineName}StateMachine`),
  );
  if (!id) throw new Error(`No ${machineName} state machine in the template`);
  const machine = machines[id];
  const [, parts] = machine.Properties.DefinitionString['Fn::Join'] as [string, unknown[]];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'TOKEN')).join(''));
}
