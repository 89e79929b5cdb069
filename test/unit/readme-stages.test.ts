import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { stageDiagram } from '../../bin/stage-diagram';

describe('README', () => {
  it('shows the stage diagram generated from the pipeline table (npm run docs:stages)', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = readme.split('<!-- stages:start -->')[1]?.split('<!-- stages:end -->')[0];
    expect(block?.trim()).toBe(stageDiagram());
  });
});
