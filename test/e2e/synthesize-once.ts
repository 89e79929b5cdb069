import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** Runs `cdk synth` exactly as a developer does, so the tests exercise the real cloud assembly. */
export default function synthesizeOnce(): void {
  const root = path.join(__dirname, '..', '..');
  execFileSync('npx', ['cdk', 'synth', '--quiet'], { cwd: root, stdio: 'inherit' });
}
