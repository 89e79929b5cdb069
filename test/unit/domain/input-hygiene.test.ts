import * as z from 'zod';
import { forbiddenCharacterIn, personName } from '../../../functions/domain/clean-text';
import {
  newCandidate,
  type Nomination,
  nominationSchema,
} from '../../../functions/domain/nomination';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { parseOrRefuse } from '../../../functions/domain/parse';
import { refusalOf } from '../rules/refusal-of';

const cell: OrgUnit = {
  id: 'dd-tbdl1',
  name: 'Chi bộ 1',
  level: 'CELL',
  parentId: 'dd-kdn',
  path: ['hn', 'hn-dongda', 'dd-kdn', 'dd-tbdl1'],
} as OrgUnit;

const request = {
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1996-08-17',
  nominationSource: 'YOUTH_UNION',
  unitId: 'dd-tbdl1',
  nationalId: '001096012345',
  educationLevel: 'UPPER_SECONDARY',
};

function nominate(fields: Record<string, unknown>, now = '2025-03-10T18:00:00Z') {
  const parsed = parseOrRefuse(
    nominationSchema(),
    { ...request, ...fields },
    { code: 'INVALID_BODY' },
  );
  const nomination: Nomination = {
    ...parsed,
    nationalIdFingerprint: 'f'.repeat(64),
    nationalIdMasked: '*********345',
  };
  const actor = { userId: 'u', name: 'B', role: 'cell-officer' as const, unitId: cell.id };
  return newCandidate(nomination, cell, {
    candidateId: 'c1',
    idempotencyKey: 'key-00000001',
    now: new Date(now),
    actor,
  });
}

describe('dates of birth (failed before: DATE_INVALID on field "date", value "undefined")', () => {
  it.each([
    ['2025-03-12', 'DATE_OF_BIRTH_IN_FUTURE'],
    ['2099-01-01', 'DATE_OF_BIRTH_IN_FUTURE'],
    ['0000-01-01', 'DATE_OF_BIRTH_IMPLAUSIBLE'],
    ['1905-03-10', 'DATE_OF_BIRTH_IMPLAUSIBLE'],
  ])('born %s → 400 %s on dateOfBirth', (dateOfBirth, code) => {
    const refusal = refusalOf(() => nominate({ dateOfBirth }));
    expect(refusal.kind).toBe('invalid');
    expect(refusal.body).toMatchObject({ code, field: 'dateOfBirth' });
    expect(refusal.body.message).not.toMatch(/undefined/);
  });

  it.each(['2025-03-11', '1905-03-11'])(
    'born %s (today in Vietnam, or 120 years before) is a date of birth',
    (dateOfBirth) => {
      // Under 18: a warning, as before; the candidate is created.
      expect(nominate({ dateOfBirth }).candidate.dateOfBirth).toBe(dateOfBirth);
    },
  );

  it('a consent to admit someone over 60 cannot be dated after today', () => {
    const refusal = refusalOf(() =>
      nominate({ dateOfBirth: '1960-01-01', over60Consent: { givenOn: '2025-04-01' } }),
    );
    expect(refusal.body).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'over60Consent.givenOn' });
  });
});

describe('names (failed before: NUL and bidi overrides stored, no NFC)', () => {
  it('stores a name NFC-normalised', () => {
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n An';
    const { candidate } = nominate({ fullName: decomposed });
    expect(candidate.fullName).toBe('Nguyễn Văn An');
    expect(candidate.fullName).toBe(candidate.fullName.normalize('NFC'));
  });

  it.each([
    ['NUL', 'Nguyễn\u0000 An', 'U+0000'],
    ['a line feed', 'Nguyễn\nAn', 'U+000A'],
    ['right-to-left override', 'Nguyễn \u202eAn', 'U+202E'],
    ['left-to-right isolate', '\u2066Nguyễn An', 'U+2066'],
    ['zero-width space', 'Nguyễn\u200bAn', 'U+200B'],
    ['replacement character', 'Nguy\ufffdn An', 'U+FFFD'],
  ])('refuses %s in a name, naming the character and the field', (_what, fullName, character) => {
    const refusal = refusalOf(() => nominate({ fullName }));
    expect(refusal.body).toMatchObject({ code: 'INVALID_BODY', field: 'fullName' });
    expect(refusal.body.message).toContain(character);
    expect(refusal.body.message_en).toContain(character);
  });

  it('multi-line text keeps its line breaks but not other controls', () => {
    expect(forbiddenCharacterIn('một\ndòng\r\nhai\tba', true)).toBeUndefined();
    expect(forbiddenCharacterIn('một\u0007', true)).toBe('U+0007');
    expect(personName().safeParse('Lò Thị Mai').success).toBe(true);
  });
});

describe('type errors name the expected type (failed before: "Required field is missing")', () => {
  const schema = z.strictObject({
    votesFor: z.int().min(0),
    official: z.boolean(),
    name: z.string(),
  });

  it.each([
    [{ votesFor: 7.5, official: true, name: 'a' }, 'votesFor', 'expected an integer', 'số nguyên'],
    [{ votesFor: '7', official: true, name: 'a' }, 'votesFor', 'expected a number', 'số'],
    [
      { votesFor: 7, official: 'yes', name: 'a' },
      'official',
      'expected a boolean',
      'true hoặc false',
    ],
    [{ votesFor: 7, official: true, name: 5 }, 'name', 'expected a string', 'chuỗi ký tự'],
  ])('%j → %s: %s', (input, field, en, vi) => {
    const refusal = refusalOf(() =>
      parseOrRefuse(schema, input, { code: 'INVALID_PAYLOAD', prefix: 'payload' }),
    );
    expect(refusal.body.field).toBe(`payload.${field}`);
    expect(refusal.body.message_en).toContain(en);
    expect(refusal.body.message).toContain(vi);
  });

  it('a missing field is still reported as missing', () => {
    const refusal = refusalOf(() =>
      parseOrRefuse(schema, { official: true, name: 'a' }, { code: 'X' }),
    );
    expect(refusal.body).toMatchObject({
      field: 'votesFor',
      message_en: 'votesFor: Required field is missing',
    });
  });
});
