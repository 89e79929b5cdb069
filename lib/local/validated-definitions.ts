/**
 * Remembers which state machine definitions passed aws-local-stepfunctions' ASL validator, in
 * memory and on disk. The validator compiles its JSON schemas afresh at every call (one to three
 * seconds of CPU for the stack's three machines), and every runtime start — each end-to-end test
 * file starts one — validates the same definitions again. The record is keyed by the definition's
 * text and the validator's exact code, so a changed definition or library is validated anew;
 * only acceptances are recorded, so a refusal is always the validator's own.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const inMemory = new Set<string>();
let validatorFingerprint: string | undefined;

/** Runs `validate` unless this definition text already passed the same validator. */
export function validateOnce(definitionText: string, validate: () => void): void {
  const key = createHash('sha256')
    .update(fingerprintOfValidator())
    .update('\0')
    .update(definitionText)
    .digest('hex');
  if (inMemory.has(key)) return;
  const marker = path.join(recordDirectory(), key);
  if (!fs.existsSync(marker)) {
    validate();
    try {
      fs.mkdirSync(path.dirname(marker), { recursive: true });
      fs.writeFileSync(marker, '');
    } catch {
      // Not recorded: the next start validates again, nothing worse.
    }
  }
  inMemory.add(key);
}

function recordDirectory(): string {
  return path.join(os.tmpdir(), 'admission-validated-asl');
}

/** The library and its validator, by content: any upgrade or patch changes every key. */
function fingerprintOfValidator(): string {
  if (validatorFingerprint) return validatorFingerprint;
  const library = require.resolve('aws-local-stepfunctions');
  const validator = require.resolve('asl-validator', { paths: [path.dirname(library)] });
  const hash = createHash('sha256');
  for (const file of [library, packageJsonOf(validator)]) hash.update(fs.readFileSync(file));
  return (validatorFingerprint = hash.digest('hex'));
}

function packageJsonOf(file: string): string {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`No package.json above ${file}`);
}
