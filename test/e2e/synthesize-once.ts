import { synthesize } from '../../lib/local/synthesize';

/**
 * Runs `cdk synth` exactly as a developer does, so the tests exercise the real cloud assembly —
 * less aws-cdk-lib's CloudFormation schema check, which writes only a report, costs seconds
 * before any test can start, and is run as a failing check by
 * test/infra/cloudformation-validation.test.ts.
 */
export default function synthesizeOnce(): void {
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    synthesize();
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = validation;
  }
}
