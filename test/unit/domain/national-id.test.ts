import { randomBytes } from 'node:crypto';
import { nationalIdFingerprint, nationalIdSchema } from '../../../functions/domain/national-id';
import { Refusal } from '../../../functions/domain/refusal';
import type * as NodeCrypto from 'node:crypto';

const KEY = Buffer.from('k'.repeat(64));
const OTHER_KEY = Buffer.from('q'.repeat(64));
const CCCD = '001096012345';

describe('national ID number', () => {
  it.each([
    ['001096012345', '001096012345', 'CCCD'],
    [' 001 096 012 345 ', '001096012345', 'CCCD'],
    ['001.096.012.345', '001096012345', 'CCCD'],
    ['０７９２０３００１２３４', '079203001234', 'CCCD'], // full-width digits
    ['123456789', '123456789', 'CMND'],
  ])('accepts %j as %s (%s)', (raw, normalised, kind) => {
    const id = nationalIdSchema().parse(raw);
    expect(id).toBe(normalised);
    expect(id).toHaveLength(kind === 'CCCD' ? 12 : 9);
  });

  it.each([
    ['11 digits', '00109601234'],
    ['13 digits', '0010960123456'],
    ['10 digits', '0123456789'],
    ['a letter', '00109601234A'],
    ['empty', ''],
    ['Arabic-Indic digits', '٠٠١٠٩٦٠١٢٣٤٥'],
    ['far too long', '1'.repeat(40)],
  ])('refuses %s without echoing the number', (_name, raw) => {
    const result = nationalIdSchema().safeParse(raw);
    expect(result.success).toBe(false);
    if (raw.length >= 9) expect(JSON.stringify(result.error)).not.toContain(raw);
  });

  it('refuses a non-string', () => {
    expect(nationalIdSchema().safeParse(1096012345).success).toBe(false);
  });
});

describe('nationalIdFingerprint', () => {
  it('is a stable 64-hex HMAC of the normalised number', () => {
    const fp = nationalIdFingerprint(CCCD, KEY);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(nationalIdFingerprint(CCCD, KEY)).toBe(fp);
    expect(nationalIdFingerprint('001 096 012 345', KEY)).toBe(fp);
    // Pinned: a change of prefix or algorithm would silently break duplicate detection.
    expect(fp).toBe('b1204b9ac96dd428e27c06324cb6646d16201b7dacbe0a6027aa70d8aedb2622');
  });

  it('depends on the key and on the number', () => {
    const fp = nationalIdFingerprint(CCCD, KEY);
    expect(nationalIdFingerprint(CCCD, OTHER_KEY)).not.toBe(fp);
    expect(nationalIdFingerprint('001096012346', KEY)).not.toBe(fp);
    expect(nationalIdFingerprint(CCCD, randomBytes(32))).not.toBe(fp);
  });

  it('is not a plain hash of the number and does not contain it', () => {
    const fp = nationalIdFingerprint(CCCD, KEY);
    expect(fp).not.toContain(CCCD);
    const { createHash } = jest.requireActual<typeof NodeCrypto>('node:crypto');
    expect(fp).not.toBe(createHash('sha256').update(CCCD).digest('hex'));
  });

  it('refuses an invalid number with a 400 refusal that does not echo it', () => {
    const raw = '00109601234X';
    let caught: unknown;
    try {
      nationalIdFingerprint(raw, KEY);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Refusal);
    const refusal = caught as Refusal;
    expect(refusal.kind).toBe('invalid');
    expect(refusal.body).toMatchObject({ code: 'INVALID_NATIONAL_ID', field: 'nationalId' });
    expect(JSON.stringify(refusal.body) + refusal.message).not.toContain(raw);
  });

  it('refuses a key too short to be a secret', () => {
    expect(() => nationalIdFingerprint(CCCD, Buffer.alloc(0))).toThrow(/at least 32 bytes/);
  });
});
