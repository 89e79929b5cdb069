import { useEffect, useState } from 'preact/hooks';
import { refusalOf, type Refusal } from '../api';
import { CandidateTable, type CandidateRow } from '../components/candidate-table';
import { Bi, Loading, PageHeading, RefusalMessage } from '../components/ui';
import { useSession } from '../session-context';

/** "Việc cần làm": the steps waiting for this officer (GET /tasks), the most urgent first. */
export function Tasks() {
  const { api } = useSession();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [pages, setPages] = useState<{ rows: CandidateRow[]; next?: string }>();
  const [refusal, setRefusal] = useState<Refusal>();

  const load = async (cursor?: string) => {
    const { data, error, response } = await api.GET('/tasks', {
      params: { query: { limit: 25, ...(overdueOnly ? { overdue: 'true' } : {}), cursor } },
    });
    if (!data) return setRefusal(refusalOf(error, response));
    setRefusal(undefined);
    setPages((before) => ({
      rows: [...(cursor ? (before?.rows ?? []) : []), ...(data.items as CandidateRow[])],
      next: data.nextCursor,
    }));
  };
  useEffect(() => void load(), [overdueOnly]);

  return (
    <>
      <PageHeading vi="Việc cần làm" en="My tasks" />
      <div class="toolbar">
        <label class="inline">
          <input
            type="checkbox"
            checked={overdueOnly}
            onChange={(e) => setOverdueOnly((e.target as HTMLInputElement).checked)}
          />{' '}
          <Bi vi="Chỉ hồ sơ quá hạn" en="Overdue only" />
        </label>
      </div>
      <RefusalMessage refusal={refusal} />
      {!pages && !refusal && <Loading />}
      {pages && pages.rows.length === 0 && (
        <p class="empty">
          <Bi vi="Không có việc nào đang chờ." en="Nothing is waiting for you." />
        </p>
      )}
      {pages && pages.rows.length > 0 && (
        <CandidateTable
          rows={pages.rows}
          caption={<Bi vi="Các bước đang chờ đồng chí" en="Steps waiting for you" />}
        />
      )}
      {pages?.next && (
        <button type="button" class="secondary" onClick={() => void load(pages.next)}>
          <Bi vi="Xem thêm" en="Load more" />
        </button>
      )}
    </>
  );
}
