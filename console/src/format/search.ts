import { searchKeyOf } from '../../../functions/domain/search-key';

/**
 * Accent- and case-insensitive matching, the same folding the API applies to `q` (so a filter in
 * the page and a search on the server agree): "Nguyen Van" matches "Nguyễn Văn", "dong da"
 * matches "Đống Đa".
 */
export function matchesSearch(text: string, query: string): boolean {
  const wanted = searchKeyOf(query);
  return wanted === '' || searchKeyOf(text).includes(wanted);
}
