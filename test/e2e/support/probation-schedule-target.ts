import { listResources } from '../../../lib/local/template';
import { synthesizedStack } from './template-alarms';

/**
 * What a schedule must name for the local runtime to run it as AWS would (IAM is enforced): the
 * probation group (the scheduler role trusts only that group's ARN), the role the scheduler
 * assumes, and the one target that role may start, the recognition state machine. Read from the
 * synthesized template.
 */
export function probationScheduleTarget(): {
  groupName: string;
  roleArn: string;
  recognitionArn: string;
} {
  const { template, resolve } = synthesizedStack();
  const logicalIdOf = (type: string, prefix: string) =>
    listResources(template, type).find((r) => r.logicalId.startsWith(prefix))!.logicalId;
  const group = listResources(template, 'AWS::Scheduler::ScheduleGroup')[0];
  return {
    groupName: String(resolve(group.resource.Properties!.Name)),
    roleArn: String(
      resolve({
        'Fn::GetAtt': [logicalIdOf('AWS::IAM::Role', 'WorkflowProbationSchedulerRole'), 'Arn'],
      }),
    ),
    recognitionArn: String(
      resolve({
        Ref: logicalIdOf('AWS::StepFunctions::StateMachine', 'WorkflowRecognitionStateMachine'),
      }),
    ),
  };
}
