/**
 * The form of a name that free-text search compares: Vietnamese diacritics removed (so that
 * "Nguyen Van" finds "Nguyễn Văn"), đ/Đ read as d, lower case, one space between words.
 * Officers often type without a Vietnamese keyboard; the stored key and the query go through
 * the same function, so a match never depends on how either was typed.
 */
export function searchKeyOf(text: string): string {
  return (
    text
      // Precomposed and decomposed input compare the same once decomposed.
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // đ/Đ is a letter of its own, not d with a combining mark: NFD keeps it.
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}
