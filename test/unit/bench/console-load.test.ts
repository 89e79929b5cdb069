import { scriptsOf, staticImportsOf } from '../../../bench/console-load';

/** What the console budget counts: the scripts a page starts with and their static imports. */
describe('console initial load', () => {
  it('finds the scripts and module preloads of index.html', () => {
    const html =
      '<!doctype html><head><link rel="stylesheet" href="app.css">' +
      '<script type="module" src="app.js"></script>' +
      '<link rel="modulepreload" href="./chunk-a.js"></head>';
    expect(scriptsOf(html)).toEqual(['app.js', './chunk-a.js']);
  });

  it('follows static imports (minified or not) but not dynamic import()', () => {
    const source =
      'import{a as b}from"./chunk-x.js";import "./side.js";\n' +
      'import * as c from \'../lib/c.js\';const page=()=>import("./later.js");';
    expect(staticImportsOf(source)).toEqual(['./chunk-x.js', './side.js', '../lib/c.js']);
  });
});
