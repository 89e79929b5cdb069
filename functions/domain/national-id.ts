import { builtOnFirstUse } from './built-on-first-use';
import { createHmac } from 'node:crypto';
import * as z from 'zod';
import { refuse } from './refusal';

/**
 * A Vietnamese citizen's ID number: the 12-digit citizen identity card (CCCD, also the personal
 * identification number of the national population database) or the old 9-digit identity card
 * (CMND). The raw number is personal data: it is validated here, turned into a keyed fingerprint
 * for duplicate detection, and never logged, returned, indexed or put in an error message.
 *
 * Normalisation: Unicode NFKC (full-width digits become ASCII), then spaces, dots and hyphens are
 * dropped, so "001 096 012 345" and "001096012345" are the same person.
 */

const MAX_RAW_LENGTH = 32;
const CCCD = /^[0-9]{12}$/;
const CMND = /^[0-9]{9}$/;

function normaliseNationalId(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s.-]/g, '');
}

/** Validates and normalises; issues never echo the number (zod 4 leaves the input out). */
export const nationalIdSchema = builtOnFirstUse(() =>
  z
    .string()
    .max(MAX_RAW_LENGTH, {
      message: 'Số định danh quá dài | ID number too long',
    })
    .transform(normaliseNationalId)
    .refine((id) => CCCD.test(id) || CMND.test(id), {
      message:
        'Số CCCD phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số) | ' +
        'A citizen ID (CCCD) has exactly 12 digits (old CMND: 9 digits)',
    })
    .brand<'NationalId'>(),
);

/** Domain separation: the same key also signs approval links. Bump the version to re-key. */
const NATIONAL_ID_FINGERPRINT_PREFIX = 'national-id:v1:';

/** Keys shorter than this are a configuration mistake, not a secret. */
const MIN_KEY_BYTES = 32;

/**
 * HMAC-SHA256 (hex, 64 characters) of the normalised number under the server-side secret key.
 * Stable for one key, unrelated under another, and not reversible by enumerating the 10^12
 * possible numbers without the key (a plain hash would be). Refuses (400 INVALID_NATIONAL_ID,
 * field `nationalId`) when the number is not a CCCD or CMND.
 */
export function nationalIdFingerprint(idNumber: string, key: Buffer): string {
  if (key.length < MIN_KEY_BYTES) {
    throw new Error(`The fingerprint key must have at least ${MIN_KEY_BYTES} bytes`);
  }
  const parsed = nationalIdSchema().safeParse(idNumber);
  if (!parsed.success) {
    return refuse('invalid', {
      code: 'INVALID_NATIONAL_ID',
      message: 'nationalId: Số CCCD phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số)',
      message_en: 'nationalId: A citizen ID (CCCD) has exactly 12 digits (old CMND: 9 digits)',
      field: 'nationalId',
    });
  }
  return createHmac('sha256', key)
    .update(NATIONAL_ID_FINGERPRINT_PREFIX + parsed.data, 'utf8')
    .digest('hex');
}
