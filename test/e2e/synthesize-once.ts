import { synthesize } from '../../lib/local/synthesize';

/** Runs `cdk synth` exactly as a developer does, so the tests exercise the real cloud assembly. */
export default function synthesizeOnce(): void {
  synthesize();
}
