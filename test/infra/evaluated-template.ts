import { AccessDenied, createAccessControl } from '../../lib/local/iam/access-control';
import { readTemplatePermissions } from '../../lib/local/iam/template-permissions';
import { createResolver, type CfnTemplate } from '../../lib/local/template';
import { synthesizeTemplate } from './synthesize';

/**
 * The synthesized stack as the local runtime's IAM evaluates it (lib/local/iam): its template,
 * the permissions read from it, and lookups by logical id prefix, for tests that ask the question
 * AWS asks of a role.
 */
export function evaluatedTemplate(log?: (line: string) => void) {
  const { template } = synthesizeTemplate();
  const cfn = template.toJSON() as CfnTemplate;
  const resolve = createResolver({ template: cfn, stackName: 'TestAdmission' });
  const permissions = readTemplatePermissions(cfn, resolve);
  const access = createAccessControl(permissions, log);
  const logicalId = (type: string, prefix: string) => {
    const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
    expect(ids).toHaveLength(1);
    return ids[0];
  };
  const arnOf = (id: string) => String(resolve({ 'Fn::GetAtt': [id, 'Arn'] }));
  const refOf = (id: string) => String(resolve({ Ref: id }));
  return { template, cfn, resolve, permissions, access, logicalId, arnOf, refOf };
}

/** The denial an attempt met, or undefined when it was allowed. */
export function denialOf(attempt: () => void) {
  try {
    attempt();
  } catch (error) {
    if (error instanceof AccessDenied) return error.denial;
    throw error;
  }
  return undefined;
}
