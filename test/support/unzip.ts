export { unzip } from '../../functions/http/zip-reader';

/** The rows of an inline-string worksheet, as text. */
export function sheetRows(xml: string): string[][] {
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) =>
    [
      ...row[1].matchAll(
        /<c r="[A-Z]+\d+"(?: t="inlineStr")?>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g,
      ),
    ].map((c) =>
      (c[1] ?? c[2])
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    ),
  );
}
