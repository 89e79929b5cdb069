import { App, Stack } from 'aws-cdk-lib';
import { LogLevel } from 'aws-cdk-lib/aws-lambda-nodejs';
import { bundlingLogLevel } from '../../lib/constructs/admission-function';

const scopeWith = (context: Record<string, unknown>) => new Stack(new App({ context }), 'S');

describe('esbuild log level of the function bundles', () => {
  it('is quiet by default: warnings and errors only, no size report per bundle', () => {
    expect(bundlingLogLevel(scopeWith({}))).toBe(LogLevel.WARNING);
  });

  it('shows the size reports when asked (npm start -- --verbose)', () => {
    expect(bundlingLogLevel(scopeWith({ bundlingLogLevel: 'info' }))).toBe(LogLevel.INFO);
  });

  it('refuses a level esbuild does not know', () => {
    expect(() => bundlingLogLevel(scopeWith({ bundlingLogLevel: 'loud' }))).toThrow(
      /bundlingLogLevel must be one of verbose, debug, info, warning, error, silent, not loud/,
    );
  });
});
