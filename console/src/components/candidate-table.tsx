import { stageOf } from '../contract';
import { dueText, formatDay, formatInstant, vietnamDay } from '../format/dates';
import { href } from '../router';
import { Table } from './table';
import { Bi } from './ui';

export interface CandidateRow {
  id: string;
  fullName: string;
  unitId: string;
  stage: string;
  stageEnteredAt: string;
  dueOn?: string;
  escalationLevel?: number;
  overdue: boolean;
}

/** Candidates as a table: who, which step, since when, due when, and how far it escalated. */
export function CandidateTable({
  rows,
  caption,
}: {
  rows: CandidateRow[];
  caption: preact.JSX.Element;
}) {
  const today = vietnamDay(Date.now());
  return (
    <Table
      columns={[
        { vi: 'Họ và tên', en: 'Name' },
        { vi: 'Bước', en: 'Stage' },
        { vi: 'Đơn vị', en: 'Unit' },
        { vi: 'Từ', en: 'Since' },
        { vi: 'Hạn', en: 'Due' },
        { vi: 'Báo cáo lên', en: 'Escalated' },
      ]}
      caption={caption}
    >
      {rows.map((row) => {
        const stage = stageOf(row.stage);
        const due = row.dueOn ? dueText(row.dueOn, today) : undefined;
        return (
          <tr key={row.id} class={row.overdue ? 'overdue' : undefined} data-candidate={row.id}>
            <th scope="row">
              <a href={href('candidates', row.id)}>{row.fullName}</a>
            </th>
            <td>{stage ? <Bi vi={stage.label} en={stage.labelEn} /> : row.stage}</td>
            <td>{row.unitId}</td>
            <td>{formatInstant(row.stageEnteredAt)}</td>
            <td>
              {row.dueOn ? (
                <>
                  {formatDay(row.dueOn)}{' '}
                  <span class={row.overdue ? 'badge danger' : 'badge'}>
                    <Bi vi={due!.vi} en={due!.en} />
                  </span>
                </>
              ) : (
                '—'
              )}
            </td>
            <td>
              {row.escalationLevel === undefined ? (
                '—'
              ) : (
                <Bi vi={`cấp ${row.escalationLevel}`} en={`level ${row.escalationLevel}`} />
              )}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
