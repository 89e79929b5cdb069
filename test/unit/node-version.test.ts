import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const major = (version: string) => Number(/(\d+)/.exec(version)?.[1]);

describe("the project's Node", () => {
  it('runs the tests: npm scripts put the node@24 package (node_modules/.bin/node) first', () => {
    // On the machine's Node 20 this fails: the tests would not be checking what Lambda runs.
    expect(major(process.version)).toBe(major(pkg.devDependencies.node));
  });

  it('is the one engines, @types/node and Lambda (nodejs24.x) name', () => {
    expect(pkg.engines.node).toBe(`>=${major(pkg.devDependencies.node)}`);
    expect(major(pkg.devDependencies['@types/node'])).toBe(major(pkg.devDependencies.node));
    expect(major(pkg.devDependencies.node)).toBe(24);
  });
});
