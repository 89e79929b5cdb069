import { BaseProvider } from '@aws-lambda-powertools/parameters/base';
import {
  SIGNING_KEY_MAX_AGE_SECONDS,
  signingKeyReader,
} from '../../../functions/adapters/signing-key';

/** Secrets in memory behind the Powertools provider base (its cache and max age are real). */
class InMemorySecrets extends BaseProvider {
  readonly values = new Map<string, string>();
  reads = 0;

  constructor() {
    super({});
  }

  protected async _get(name: string): Promise<string | undefined> {
    this.reads++;
    return this.values.get(name);
  }

  protected async _getMultiple(): Promise<Record<string, unknown>> {
    throw new Error('not used');
  }
}

const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:signing';

describe('signingKeyReader', () => {
  let secrets: InMemorySecrets;
  let read: () => Promise<Buffer>;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
    secrets = new InMemorySecrets();
    secrets.values.set(SECRET, 'first key');
    read = signingKeyReader(secrets, () => SECRET);
  });
  afterEach(() => jest.useRealTimers());

  it('reads the secret once while it is younger than its max age', async () => {
    const [a, b] = await Promise.all([read(), read()]);
    jest.advanceTimersByTime((SIGNING_KEY_MAX_AGE_SECONDS - 1) * 1000);
    const c = await read();
    expect(a.toString('utf8')).toBe('first key');
    expect(b.equals(a) && c.equals(a)).toBe(true);
    expect(secrets.reads).toBe(1);
  });

  it('picks up a rotated secret once the max age has passed', async () => {
    await read();
    secrets.values.set(SECRET, 'rotated key');
    expect((await read()).toString('utf8')).toBe('first key');
    jest.advanceTimersByTime((SIGNING_KEY_MAX_AGE_SECONDS + 1) * 1000);
    expect((await read()).toString('utf8')).toBe('rotated key');
    expect(secrets.reads).toBe(2);
  });

  it('keeps the max age at five minutes', () => {
    expect(SIGNING_KEY_MAX_AGE_SECONDS).toBe(300);
  });

  it('caches no failure: an empty secret is refused and the next call reads again', async () => {
    secrets.values.set(SECRET, '');
    await expect(read()).rejects.toThrow(`Secret ${SECRET} has no SecretString`);
    secrets.values.set(SECRET, 'set later');
    expect((await read()).toString('utf8')).toBe('set later');
    expect(secrets.reads).toBe(2);
  });
});
