import type { ComponentChildren } from 'preact';
import { Bi } from './ui';

/** A column heading, Vietnamese first. */
export interface Column {
  vi: string;
  en: string;
}

/**
 * A scrollable table with bilingual column headings; `caption` names it for screen readers
 * (`captionHidden` keeps it off screen where a heading above already says the same).
 */
export function Table({
  columns,
  caption,
  captionHidden = false,
  children,
}: {
  columns: readonly Column[];
  caption?: ComponentChildren;
  captionHidden?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table>
        {caption !== undefined && (
          <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        )}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.en}>
                <Bi vi={column.vi} en={column.en} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
