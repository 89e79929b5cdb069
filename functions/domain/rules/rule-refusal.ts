import { refuse, type RefusalBody } from '../refusal';
import { type AdmissionPolicy } from './policy';

/**
 * A rule of the procedure says no. Every such refusal names the policy version that judged it,
 * because the same dossier may be judged differently before and after a change of rules.
 */
export function refuseByPolicy(policy: AdmissionPolicy, body: RefusalBody): never {
  return refuse('rule', {
    ...body,
    details: { ...body.details, policyVersion: policy.version },
  });
}
