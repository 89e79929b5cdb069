import { challengeOf, claimsOf, randomVerifier } from '../../../console/src/auth/pkce';
import { dueText, formatDay, formatInstant, vietnamDay } from '../../../console/src/format/dates';
import { matchesSearch } from '../../../console/src/format/search';
import { pkceChallengeOf } from '../../../lib/local/managed-login';

describe('dates in Vietnamese format and Vietnam time', () => {
  it('writes days as dd/mm/yyyy', () => {
    expect(formatDay('2025-06-02')).toBe('02/06/2025');
    expect(formatDay(undefined)).toBe('—');
  });

  it('shows an instant on the Vietnam wall clock (UTC+7), across midnight', () => {
    expect(formatInstant('2025-06-01T18:30:00.000Z')).toBe('01:30 02/06/2025');
    expect(formatInstant('2025-12-31T16:59:59Z')).toBe('23:59 31/12/2025');
    expect(formatInstant('2025-12-31T17:00:00Z')).toBe('00:00 01/01/2026');
    expect(vietnamDay(Date.parse('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('says how far a due date is, in both languages', () => {
    expect(dueText('2025-06-05', '2025-06-02')).toEqual({ vi: 'còn 3 ngày', en: '3 days left' });
    expect(dueText('2025-06-02', '2025-06-02')).toEqual({ vi: 'đến hạn hôm nay', en: 'due today' });
    expect(dueText('2025-06-01', '2025-06-02')).toEqual({
      vi: 'quá hạn 1 ngày',
      en: '1 day overdue',
    });
  });
});

describe('accent-insensitive search', () => {
  it('matches Vietnamese names typed without accents, case or đ', () => {
    expect(matchesSearch('Nguyễn Văn An', 'nguyen van')).toBe(true);
    expect(matchesSearch('Quận ủy Đống Đa', 'DONG DA')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', 'nguyen thi')).toBe(false);
    expect(matchesSearch('Nguyễn Văn An', '  ')).toBe(true);
  });
});

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 (appendix B), as the sign-in side checks it', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(await challengeOf(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const random = randomVerifier();
    expect(random).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await challengeOf(random)).toBe(pkceChallengeOf(random));
  });

  it('reads the claims of a token, and nothing from a malformed one', () => {
    const payload = Buffer.from(JSON.stringify({ name: 'Trần Thị Bình' })).toString('base64url');
    expect(claimsOf(`h.${payload}.s`)).toEqual({ name: 'Trần Thị Bình' });
    expect(claimsOf('not-a-token')).toBeUndefined();
    expect(claimsOf('a.%%%.c')).toBeUndefined();
  });
});
