import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadStackTemplate, type CfnTemplate } from '../../../lib/local/template';

export const CDK_OUT = path.join(__dirname, '..', '..', '..', 'cdk.out');

/**
 * A copy of the synthesized cloud assembly whose template `mutate` changed; every other entry
 * (manifest, assets: the very bundles) is a symlink to cdk.out. Returns the directory.
 */
export function mutatedCdkOut(mutate: (template: CfnTemplate) => void): string {
  const { templatePath, template } = loadStackTemplate(CDK_OUT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-mutant-'));
  for (const entry of fs.readdirSync(CDK_OUT)) {
    if (entry === path.basename(templatePath)) continue;
    fs.symlinkSync(path.join(CDK_OUT, entry), path.join(dir, entry));
  }
  mutate(template);
  fs.writeFileSync(path.join(dir, path.basename(templatePath)), JSON.stringify(template));
  return dir;
}

type Statement = { Action: string | string[]; Sid?: string; Condition?: unknown };
const policyDocumentsOf = (template: CfnTemplate, type: string, prefix: string) =>
  Object.entries(template.Resources)
    .filter(([id, r]) => r.Type === type && id.startsWith(prefix))
    .map(([, r]) => r.Properties!.PolicyDocument as { Statement: Statement[] });

/** Removes `action` from every statement of the role policies whose logical id starts with `prefix`. */
export function dropAction(template: CfnTemplate, policyPrefix: string, action: string): void {
  const documents = policyDocumentsOf(template, 'AWS::IAM::Policy', policyPrefix);
  let dropped = 0;
  for (const document of documents) {
    for (const statement of document.Statement) {
      const actions = [statement.Action].flat();
      if (!actions.includes(action)) continue;
      statement.Action = actions.filter((a) => a !== action);
      dropped++;
    }
    document.Statement = document.Statement.filter((s) => [s.Action].flat().length > 0);
  }
  if (dropped === 0) throw new Error(`No ${policyPrefix}* policy grants ${action}`);
}

/** Removes the statement `sid` from the topic policies whose logical id starts with `prefix`. */
export function dropTopicStatement(template: CfnTemplate, policyPrefix: string, sid: string): void {
  const documents = policyDocumentsOf(template, 'AWS::SNS::TopicPolicy', policyPrefix);
  const before = documents.flatMap((d) => d.Statement).length;
  for (const document of documents) {
    document.Statement = document.Statement.filter((s) => s.Sid !== sid);
  }
  if (documents.flatMap((d) => d.Statement).length === before) {
    throw new Error(`No ${policyPrefix}* topic policy has a statement ${sid}`);
  }
}

/** Replaces the condition of every statement of a role's trust policy. */
export function setTrustCondition(template: CfnTemplate, rolePrefix: string, condition: unknown) {
  const roles = Object.entries(template.Resources).filter(
    ([id, r]) => r.Type === 'AWS::IAM::Role' && id.startsWith(rolePrefix),
  );
  if (roles.length !== 1) throw new Error(`Expected one ${rolePrefix}* role`);
  const trust = roles[0][1].Properties!.AssumeRolePolicyDocument as { Statement: Statement[] };
  for (const statement of trust.Statement) statement.Condition = condition;
}
