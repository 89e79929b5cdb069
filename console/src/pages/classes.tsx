import { useEffect, useState } from 'preact/hooks';
import { idempotencyKey, refusalOf, type Refusal } from '../api';
import { SchemaForm } from '../components/schema-form';
import { Bi, Loading, PageHeading, RefusalMessage, Status, Section } from '../components/ui';
import { CONTRACT, LABELS } from '../contract';
import { formatDay } from '../format/dates';
import { fieldsOf } from '../forms/schema-form';
import { VALUE_LABELS } from '../forms/value-labels';
import { href } from '../router';
import { hasRole, useSession } from '../session-context';
import { Table } from '../components/table';

interface ClassSummary {
  id: string;
  name: string;
  organiserUnitId: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  location: string;
  enrolled: number;
}

/** Awareness classes (/classes): the organiser's classes, one class's roster, enrolment, grading. */
export function Classes({ id }: { id?: string }) {
  return id ? <ClassRoster id={id} /> : <ClassList />;
}

function ClassList() {
  const { api, officer } = useSession();
  const [classes, setClasses] = useState<ClassSummary[]>();
  const [refusal, setRefusal] = useState<Refusal>();
  const load = async () => {
    const { data, error, response } = await api.GET('/classes', {
      params: { query: { limit: 50 } },
    });
    if (!data) return setRefusal(refusalOf(error, response));
    setClasses(data.items as ClassSummary[]);
  };
  useEffect(() => void load(), []);
  return (
    <>
      <PageHeading vi="Lớp bồi dưỡng nhận thức về Đảng" en="Party awareness classes" />
      <RefusalMessage refusal={refusal} />
      {!classes && !refusal && <Loading />}
      {classes && classes.length === 0 && (
        <p class="empty">
          <Bi vi="Chưa có lớp nào." en="No classes yet." />
        </p>
      )}
      {classes && classes.length > 0 && (
        <ul class="cards">
          {classes.map((c) => (
            <li key={c.id}>
              <a href={href('classes', c.id)}>{c.name}</a>
              <span class="muted">
                {formatDay(c.startsOn)} – {formatDay(c.endsOn)} · {c.location} · {c.enrolled}/
                {c.capacity}
              </span>
            </li>
          ))}
        </ul>
      )}
      {hasRole(officer, 'committee-officer', 'admin') && (
        <Section id="open-class" vi="Mở lớp mới" en="Open a class">
          <SchemaForm
            fields={fieldsOf(CONTRACT.classDefinition, LABELS)}
            idPrefix="class"
            initial={{ organiserUnitId: officer.unitId }}
            submitLabel={{ vi: 'Mở lớp', en: 'Open the class' }}
            submit={async (body) => {
              const { data, error, response } = await api.POST('/classes', {
                params: { header: { 'Idempotency-Key': idempotencyKey() } },
                body: body as never,
              });
              if (!data) return refusalOf(error, response);
              location.hash = href('classes', (data as { id: string }).id);
              return undefined;
            }}
          />
        </Section>
      )}
    </>
  );
}

interface Seat {
  candidateId: string;
  fullName: string;
  unitId: string;
  result?: string;
  certificateNumber?: string;
}

function ClassRoster({ id }: { id: string }) {
  const { api, officer } = useSession();
  const [view, setView] = useState<
    ClassSummary & { status: string; seats: Seat[]; figures: { passedOfEnrolled: string } }
  >();
  const [waiting, setWaiting] = useState<{ id: string; fullName: string }[]>([]);
  const [refusal, setRefusal] = useState<Refusal>();
  const [status, setStatus] = useState<{ vi: string; en: string }>();
  const [grades, setGrades] = useState<
    Record<string, { result: string; certificateNumber: string }>
  >({});

  const load = async () => {
    const [read, candidates] = await Promise.all([
      api.GET('/classes/{id}', { params: { path: { id } } }),
      api.GET('/candidates', { params: { query: { stage: 'AWARENESS_CLASS', limit: 100 } } }),
    ]);
    if (!read.data) return setRefusal(refusalOf(read.error, read.response));
    setView(read.data as never);
    const enrolled = new Set((read.data.seats as Seat[]).map((s) => s.candidateId));
    setWaiting((candidates.data?.items ?? []).filter((c) => !enrolled.has(c.id)));
  };
  useEffect(() => void load(), [id]);

  const bulk = async (
    path: '/classes/{id}/enrolments' | '/classes/{id}/results',
    body: unknown,
  ) => {
    const { data, error, response } = await api.POST(path, {
      params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey() } },
      body: body as never,
    });
    if (!data) return setRefusal(refusalOf(error, response));
    setRefusal(undefined);
    const { summary } = data as { summary: { applied: number; refused: number; skipped: number } };
    setStatus({
      vi: `Đã ghi ${summary.applied}, bị từ chối ${summary.refused}, bỏ qua ${summary.skipped}.`,
      en: `Applied ${summary.applied}, refused ${summary.refused}, skipped ${summary.skipped}.`,
    });
    await load();
  };

  const enrol = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const candidateIds = form.getAll('candidate').map(String);
    if (candidateIds.length) void bulk('/classes/{id}/enrolments', { candidateIds });
  };
  const grade = (event: Event) => {
    event.preventDefault();
    const results = Object.entries(grades)
      .filter(([, g]) => g.result)
      .map(([candidateId, g]) =>
        g.result === 'PASSED'
          ? { candidateId, result: 'PASSED', certificateNumber: g.certificateNumber.trim() }
          : { candidateId, result: g.result },
      );
    if (results.length) void bulk('/classes/{id}/results', { results });
  };

  if (!view) return refusal ? <RefusalMessage refusal={refusal} /> : <Loading />;
  const mayOrganise = hasRole(officer, 'committee-officer', 'admin', 'cell-officer');
  return (
    <>
      <PageHeading vi={view.name} en="Awareness class" />
      <p class="muted">
        {formatDay(view.startsOn)} – {formatDay(view.endsOn)} · {view.location} ·{' '}
        <Bi
          vi={`đạt/ghi danh ${view.figures.passedOfEnrolled}`}
          en={`passed/enrolled ${view.figures.passedOfEnrolled}`}
        />
      </p>
      <Status>{status && <Bi {...status} />}</Status>
      <RefusalMessage refusal={refusal} />
      <form onSubmit={grade}>
        <Table
          columns={[
            { vi: 'Họ và tên', en: 'Name' },
            { vi: 'Kết quả', en: 'Result' },
            { vi: 'Số giấy chứng nhận', en: 'Certificate number' },
          ]}
          caption={<Bi vi="Danh sách học viên" en="Roster" />}
        >
          {view.seats.map((seat) => {
            const g = grades[seat.candidateId] ?? { result: '', certificateNumber: '' };
            const set = (change: Partial<typeof g>) =>
              setGrades({ ...grades, [seat.candidateId]: { ...g, ...change } });
            return (
              <tr key={seat.candidateId}>
                <th scope="row">
                  <a href={href('candidates', seat.candidateId)}>{seat.fullName}</a>
                </th>
                <td>
                  {seat.result ? (
                    <Bi {...(VALUE_LABELS[seat.result] ?? { vi: seat.result, en: seat.result })} />
                  ) : (
                    <select
                      aria-label={`Kết quả của ${seat.fullName} / Result`}
                      value={g.result}
                      onChange={(e) => set({ result: (e.target as HTMLSelectElement).value })}
                    >
                      <option value="">—</option>
                      {['PASSED', 'FAILED', 'ABSENT'].map((r) => (
                        <option key={r} value={r}>
                          {VALUE_LABELS[r].vi} / {VALUE_LABELS[r].en}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  {seat.result ? (
                    (seat.certificateNumber ?? '—')
                  ) : (
                    <input
                      type="text"
                      aria-label={`Số giấy chứng nhận của ${seat.fullName} / Certificate number`}
                      value={g.certificateNumber}
                      disabled={g.result !== 'PASSED'}
                      onInput={(e) =>
                        set({ certificateNumber: (e.target as HTMLInputElement).value })
                      }
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
        {mayOrganise && view.seats.some((s) => !s.result) && (
          <button type="submit">
            <Bi vi="Ghi kết quả cả lớp" en="Record the results" />
          </button>
        )}
      </form>
      {mayOrganise && waiting.length > 0 && (
        <form onSubmit={enrol}>
          <fieldset>
            <legend>
              <Bi vi="Ghi danh quần chúng vào lớp" en="Enrol candidates" />
            </legend>
            {waiting.map((c) => (
              <div class="field checkbox" key={c.id}>
                <input type="checkbox" id={`enrol-${c.id}`} name="candidate" value={c.id} />
                <label for={`enrol-${c.id}`}>{c.fullName}</label>
              </div>
            ))}
            <button type="submit">
              <Bi vi="Ghi danh" en="Enrol" />
            </button>
          </fieldset>
        </form>
      )}
      <p>
        <a href={href('classes')}>
          <Bi vi="← Tất cả các lớp" en="All classes" />
        </a>
      </p>
    </>
  );
}
