import { type z } from 'zod';
import { refuse } from './refusal';

/** The JSON types a schema expects, as an officer reads them. */
const EXPECTED_TYPES: Record<string, { vi: string; en: string }> = {
  int: { vi: 'số nguyên', en: 'an integer' },
  number: { vi: 'số', en: 'a number' },
  string: { vi: 'chuỗi ký tự', en: 'a string' },
  boolean: { vi: 'true hoặc false', en: 'a boolean (true or false)' },
  object: { vi: 'đối tượng JSON', en: 'an object' },
  array: { vi: 'danh sách', en: 'an array' },
  null: { vi: 'null', en: 'null' },
};

/** Vietnamese and English wording for the zod issues our schemas can produce. */
function describeIssue(issue: z.core.$ZodIssue): { vi: string; en: string } {
  switch (issue.code) {
    case 'invalid_type': {
      // Parsed with reportInput: an absent field is the only issue without an input.
      if (issue.input === undefined) {
        return { vi: 'Thiếu trường bắt buộc', en: 'Required field is missing' };
      }
      const expected = EXPECTED_TYPES[issue.expected] ?? {
        vi: issue.expected,
        en: issue.expected,
      };
      return {
        vi: `Sai kiểu dữ liệu: cần ${expected.vi}`,
        en: `Wrong type: expected ${expected.en}`,
      };
    }
    case 'too_small':
      return {
        vi: `Giá trị quá nhỏ hoặc quá ngắn (tối thiểu ${issue.minimum})`,
        en: `Too small or too short (minimum ${issue.minimum})`,
      };
    case 'too_big':
      return {
        vi: `Giá trị quá lớn hoặc quá dài (tối đa ${issue.maximum})`,
        en: `Too big or too long (maximum ${issue.maximum})`,
      };
    case 'invalid_format':
      return issue.format === 'date'
        ? { vi: 'Ngày phải có dạng YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' }
        : { vi: `Sai định dạng ${issue.format}`, en: `Invalid ${issue.format} format` };
    case 'invalid_value':
      return {
        vi: `Giá trị không hợp lệ, chọn một trong: ${issue.values.join(', ')}`,
        en: `Invalid value, expected one of: ${issue.values.join(', ')}`,
      };
    case 'invalid_union':
      return {
        vi: 'Giá trị không khớp với dạng nào được phép',
        en: 'Value matches none of the allowed shapes',
      };
    case 'unrecognized_keys':
      return {
        vi: `Trường không được phép: ${issue.keys.join(', ')}`,
        en: `Unknown field(s): ${issue.keys.join(', ')}`,
      };
    case 'custom': {
      const [vi, en] = issue.message.split(' | ');
      return { vi, en: en ?? vi };
    }
    default:
      return { vi: 'Giá trị không hợp lệ', en: 'Invalid value' };
  }
}

function fieldPath(prefix: string | undefined, issue: z.core.$ZodIssue): string | undefined {
  const keys = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const parts = [prefix, ...keys.map(String)].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join('.') : undefined;
}

/**
 * Parses untrusted input or throws a 400 refusal naming the first field at fault.
 * `prefix` places the field inside the request, e.g. `payload.votesFor`.
 */
export function parseOrRefuse<T>(
  schema: z.ZodType<T>,
  input: unknown,
  options: { code: string; prefix?: string },
): T {
  // The input of each issue tells a wrong type from a missing field; it never reaches the answer.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const { vi, en } = describeIssue(issue);
  const field = fieldPath(options.prefix, issue);
  return refuse('invalid', {
    code: options.code,
    message: field ? `${field}: ${vi}` : vi,
    message_en: field ? `${field}: ${en}` : en,
    field,
  });
}
