import type { Readable, Writable } from 'node:stream';

/**
 * Passes a worker's stdout on to `to` unchanged and hands each complete line to `onLine` (the
 * metric recorder reads EMF lines out of it): Lambda's log stream, tapped.
 */
export function tapLines(from: Readable, to: Writable, onLine: (line: string) => void): void {
  let partial = '';
  from.on('data', (chunk: Buffer | string) => {
    const text = chunk.toString();
    to.write(text);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  from.on('end', () => {
    if (partial) onLine(partial);
    partial = '';
  });
}
