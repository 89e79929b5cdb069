import { builtOnFirstUse } from './built-on-first-use';
import * as z from 'zod';

/**
 * Text people type into the record: names, numbers of documents, reasons. Stored NFC-normalised
 * (a name typed with combining marks, "Nguyễn", and one typed precomposed, "Nguyễn", are the
 * same name, and search and duplicates must see them as such) and refused when it carries
 * characters no officer means to type: control characters (NUL…), bidirectional overrides and
 * isolates that make a name display other than it reads, zero-width characters, and U+FFFD, the
 * mark of bytes that were not UTF-8 somewhere upstream.
 */
const BIDI_ZERO_WIDTH_AND_REPLACEMENT = '\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd';
const FORBIDDEN_IN_LINE = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f${BIDI_ZERO_WIDTH_AND_REPLACEMENT}]`,
  'u',
);
/** Multi-line text keeps tab, line feed and carriage return. */
const FORBIDDEN_IN_PARAGRAPH = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${BIDI_ZERO_WIDTH_AND_REPLACEMENT}]`,
  'u',
);

/** The first character text may not carry, as `U+202E`, or undefined when it is clean. */
export function forbiddenCharacterIn(text: string, multiLine = false): string | undefined {
  const found = (multiLine ? FORBIDDEN_IN_PARAGRAPH : FORBIDDEN_IN_LINE).exec(text);
  if (!found) return undefined;
  return `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function cleanText(min: number, max: number, multiLine: boolean) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(min)
    .max(max)
    .superRefine((text, ctx) => {
      const character = forbiddenCharacterIn(text, multiLine);
      if (character) {
        ctx.addIssue({
          code: 'custom',
          message: `Chứa ký tự điều khiển hoặc ký tự đảo chiều hiển thị (${character}) | Contains a control or bidirectional-override character (${character})`,
        });
      }
    });
}

/** One line: a person's name, a document number, a reference. */
export function singleLineText(min: number, max: number) {
  return cleanText(min, max, false);
}

/** Several lines: a reason, a summary, a note. */
export function multiLineText(min: number, max: number) {
  return cleanText(min, max, true);
}

/** A person's full name (fullName of a nomination, a sponsor's or helper's name). */
export const personName = builtOnFirstUse(() => singleLineText(2, 120));
