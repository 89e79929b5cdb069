import { statSync } from 'node:fs';
import { sep } from 'node:path';
import testSequencer from '@jest/test-sequencer';

// A webpack-built CommonJS module: its class is the default export or sits on it, by loader.
const Sequencer = testSequencer.default ?? testSequencer;

/**
 * jest starts the files it remembers as slowest first, so that no long file starts last while
 * the other worker idles. A clean clone (CI) has no remembered times, and jest falls back to file
 * size, which puts short end-to-end files (each starts a runtime and DynamoDB Local: tens of
 * seconds whatever its size) after a hundred unit files of a second each. Without a remembered
 * time this guesses one: every end-to-end file ahead of every unit file, larger first.
 */
const END_TO_END = `${sep}test${sep}e2e${sep}`;
/** Longer than any unit file takes, shorter than an end-to-end file has taken (ms). */
const END_TO_END_GUESS = 30_000;

export default class SlowestFirstSequencer extends Sequencer {
  time(test) {
    const remembered = super.time(test);
    if (remembered !== undefined) return remembered;
    // A byte of test code as a millisecond: ordering only, within each kind.
    const size = statSync(test.path).size;
    return test.path.includes(END_TO_END) ? END_TO_END_GUESS + size : size / 10;
  }
}
