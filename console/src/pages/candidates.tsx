import { useEffect, useState } from 'preact/hooks';
import { refusalOf, type Refusal } from '../api';
import { CandidateTable, type CandidateRow } from '../components/candidate-table';
import { Bi, Loading, PageHeading, RefusalMessage, Field } from '../components/ui';
import { ADMISSION_STAGES, CONTRACT } from '../contract';
import { matchesSearch } from '../format/search';
import type { Route } from '../router';
import { useSession } from '../session-context';

interface Filters {
  q: string;
  unit: string;
  stage: string;
}

/**
 * The candidates of the officer's subtree (GET /candidates): name search that ignores accents
 * (the server's `q`, and the same folding on the rows already shown while typing), filters by unit
 * and stage, and cursor paging.
 */
export function Candidates({ route }: { route: Route }) {
  const { api, officer } = useSession();
  const [filters, setFilters] = useState<Filters>({
    q: route.query.get('q') ?? '',
    unit: route.query.get('unit') ?? '',
    stage: route.query.get('stage') ?? '',
  });
  const [typed, setTyped] = useState(filters.q);
  const [result, setResult] = useState<{
    rows: CandidateRow[];
    cursors: string[];
    next?: string;
  }>();
  const [refusal, setRefusal] = useState<Refusal>();

  const load = async (cursors: string[]) => {
    const { data, error, response } = await api.GET('/candidates', {
      params: {
        query: {
          limit: 25,
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.unit ? { unit: filters.unit } : {}),
          ...(filters.stage ? { stage: filters.stage } : {}),
          cursor: cursors.at(-1),
        },
      },
    });
    if (!data) return setRefusal(refusalOf(error, response));
    setRefusal(undefined);
    setResult({ rows: data.items as CandidateRow[], cursors, next: data.nextCursor });
  };
  useEffect(() => void load([]), [filters]);

  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    setFilters({
      q: String(form.get('q') ?? '').trim(),
      unit: String(form.get('unit') ?? '').trim(),
      stage: String(form.get('stage') ?? ''),
    });
  };
  const shown = result?.rows.filter((row) => matchesSearch(row.fullName, typed)) ?? [];
  const stages = [...ADMISSION_STAGES, ...CONTRACT.stages.filter((s) => s.phase !== 'admission')];

  return (
    <>
      <PageHeading vi="Hồ sơ quần chúng" en="Candidates" />
      <form class="filters" role="search" onSubmit={submit}>
        <Field htmlFor="q" vi="Tìm theo tên (không cần dấu)" en="Search by name (accents optional)">
          <input
            id="q"
            name="q"
            type="search"
            value={typed}
            onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          />
        </Field>
        <Field htmlFor="unit" vi="Mã đơn vị" en="Unit id">
          <input
            id="unit"
            name="unit"
            type="text"
            value={filters.unit}
            placeholder={officer.unitId}
          />
        </Field>
        <Field htmlFor="stage" vi="Bước" en="Stage">
          <select id="stage" name="stage" value={filters.stage}>
            <option value="">Tất cả / All</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} / {s.labelEn}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">
          <Bi vi="Tìm" en="Search" />
        </button>
      </form>
      <RefusalMessage refusal={refusal} />
      {!result && !refusal && <Loading />}
      {result && shown.length === 0 && (
        <p class="empty">
          <Bi vi="Không có hồ sơ nào khớp." en="No candidate matches." />
        </p>
      )}
      {shown.length > 0 && (
        <CandidateTable
          rows={shown}
          caption={
            <Bi
              vi={`Trang ${result!.cursors.length + 1}`}
              en={`Page ${result!.cursors.length + 1}`}
            />
          }
        />
      )}
      {result && (
        <div class="pager">
          {result.cursors.length > 0 && (
            <button
              type="button"
              class="secondary"
              onClick={() => void load(result.cursors.slice(0, -1))}
            >
              <Bi vi="Trang trước" en="Previous page" />
            </button>
          )}
          {result.next && (
            <button
              type="button"
              class="secondary"
              onClick={() => void load([...result.cursors, result.next!])}
            >
              <Bi vi="Trang sau" en="Next page" />
            </button>
          )}
        </div>
      )}
    </>
  );
}
