import { useEffect, useState } from 'preact/hooks';
import { isRole, ROLE_LABELS } from '../../../functions/domain/roles';
import { idempotencyKey, refusalOf, type Refusal } from '../api';
import { SchemaForm } from '../components/schema-form';
import { Bi, Loading, PageHeading, RefusalMessage, Status, Field, Section } from '../components/ui';
import { actionOf, ADMISSION_STAGES, LABELS, stageOf } from '../contract';
import { dueText, formatDay, formatInstant, vietnamDay } from '../format/dates';
import { fieldsOf } from '../forms/schema-form';
import { useSession } from '../session-context';
import { Table } from '../components/table';

interface HistoryEvent {
  seq: number;
  at: string;
  type: string;
  fromStage?: string;
  toStage: string;
  action?: string;
  outcome?: string;
  actor?: { name: string; role: string; unitId: string };
  notice?: { escalationLevel: number; recipient: { role: string; unitId: string }; dueOn: string };
}

interface CandidateFileData {
  id: string;
  fullName: string;
  unitId: string;
  unitPath: string[];
  stage: string;
  stageLabel: string;
  stageLabelEn: string;
  version: number;
  status: 'AWAITING_ACTION' | 'PROCESSING' | 'CLOSED';
  stageEnteredAt: string;
  awaiting?: {
    stage: string;
    since: string;
    actions: { action: string; label: string; labelEn: string }[];
  };
  documents: {
    form: string;
    label: string;
    labelEn: string;
    present: boolean;
    date?: string;
    requiredFor: string;
  }[];
  deadline?: {
    dueOn: string;
    from: string;
    workingDays: number;
    escalationLevel: number;
    overdueNoticesSent: number;
    lastNoticeAt?: string;
  };
  pendingAction?: { action: string; toStage: string; submittedAt: string };
}

/** What a history event without an action was. */
const EVENT_TYPES: Record<string, { vi: string; en: string }> = {
  NOMINATED: { vi: 'Được giới thiệu', en: 'Nominated' },
  TRANSITION: { vi: 'Chuyển bước', en: 'Moved on' },
  CORRECTION: { vi: 'Hiệu chỉnh hồ sơ', en: 'Corrected' },
  REMINDER: { vi: 'Nhắc việc quá hạn', en: 'Overdue reminder' },
  ESCALATION: { vi: 'Báo cáo lên cấp trên', en: 'Escalated' },
};

const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : { vi: role, en: role });

/**
 * One candidate's file: where they stand on the stage timeline, the deadline and the notices sent
 * about it, the documents on file by form code, the history (who did what, when), and the form of
 * the pending step for an officer whose role takes it.
 */
export function CandidateFile({ id }: { id: string }) {
  const { api, officer } = useSession();
  const [file, setFile] = useState<{ candidate: CandidateFileData; etag?: string }>();
  const [history, setHistory] = useState<HistoryEvent[]>([]);
  const [refusal, setRefusal] = useState<Refusal>();
  const [chosen, setChosen] = useState<string>();
  const [status, setStatus] = useState<{ vi: string; en: string }>();

  const load = async () => {
    const [read, past] = await Promise.all([
      api.GET('/candidates/{id}', { params: { path: { id } } }),
      api.GET('/candidates/{id}/history', { params: { path: { id } } }),
    ]);
    if (!read.data) return setRefusal(refusalOf(read.error, read.response));
    setFile({
      candidate: read.data as unknown as CandidateFileData,
      etag: read.response.headers.get('etag') ?? undefined,
    });
    setHistory((past.data?.items ?? []) as HistoryEvent[]);
    return read.data as unknown as CandidateFileData;
  };
  useEffect(() => void load(), [id]);
  // Until the workflow has parked the file at its step (just nominated, an action being applied),
  // the page reads it again every second.
  const settling = file && file.candidate.status !== 'CLOSED' && !file.candidate.awaiting;
  useEffect(() => {
    if (!settling) return;
    const timer = setTimeout(() => void load(), 1000);
    return () => clearTimeout(timer);
  }, [settling, file]);

  /** After an accepted action the workflow applies it: wait until the file has moved on. */
  const waitForWorkflow = async (fromVersion: number) => {
    for (let attempt = 0; attempt < 60; attempt++) {
      const now = await load();
      if (!now || (now.version > fromVersion && now.status !== 'PROCESSING')) return now;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return undefined;
  };

  if (refusal && !file) return <RefusalMessage refusal={refusal} />;
  if (!file) return <Loading />;
  const { candidate } = file;
  const today = vietnamDay(Date.now());
  const mine = (candidate.awaiting?.actions ?? []).filter((a) =>
    officer.roles.includes(actionOf(a.action)?.actor ?? ''),
  );
  const action = chosen ? actionOf(chosen) : undefined;
  const notices = history.filter((e) => e.notice);

  const submit = async (payload: Record<string, unknown>): Promise<Refusal | undefined> => {
    const { data, error, response } = await api.POST('/candidates/{id}/actions', {
      params: {
        path: { id },
        header: {
          'Idempotency-Key': idempotencyKey(),
          'If-Match': file.etag ?? `"${candidate.version}"`,
        },
      },
      body: { action: chosen!, payload },
    });
    if (!data) return refusalOf(error, response);
    setStatus({ vi: 'Đã nhận, đang xử lý…', en: 'Accepted, processing…' });
    setChosen(undefined);
    const moved = await waitForWorkflow(candidate.version);
    const stage = moved ? stageOf(moved.stage) : undefined;
    setStatus(
      stage
        ? { vi: `Đã ghi. Bước hiện tại: ${stage.label}`, en: `Recorded. Now at: ${stage.labelEn}` }
        : { vi: 'Đã ghi.', en: 'Recorded.' },
    );
    return undefined;
  };

  const currentOrder = stageOf(candidate.stage)?.order ?? 0;
  const closed = candidate.status === 'CLOSED';
  return (
    <>
      <PageHeading vi={candidate.fullName} en="Candidate file" />
      <Status>{status && <Bi vi={status.vi} en={status.en} />}</Status>
      <dl class="summary">
        <dt>
          <Bi vi="Bước hiện tại" en="Current stage" />
        </dt>
        <dd data-testid="current-stage" data-stage={candidate.stage}>
          <Bi vi={candidate.stageLabel} en={candidate.stageLabelEn} />
        </dd>
        <dt>
          <Bi vi="Đơn vị" en="Unit" />
        </dt>
        <dd>{candidate.unitPath.join(' › ')}</dd>
        <dt>
          <Bi vi="Từ" en="Since" />
        </dt>
        <dd>{formatInstant(candidate.stageEnteredAt)}</dd>
        <dt>
          <Bi vi="Phiên bản" en="Version" />
        </dt>
        <dd>{candidate.version}</dd>
      </dl>

      <Section id="timeline" vi="Tiến trình" en="Stages">
        <ol class="timeline">
          {ADMISSION_STAGES.map((stage) => {
            const state =
              stage.id === candidate.stage
                ? 'current'
                : closed || stage.order < currentOrder
                  ? 'done'
                  : 'todo';
            const stateText = {
              current: { vi: 'đang ở bước này', en: 'current' },
              done: { vi: 'đã qua', en: 'done' },
              todo: { vi: 'chưa đến', en: 'to come' },
            }[state];
            return (
              <li
                key={stage.id}
                class={state}
                aria-current={state === 'current' ? 'step' : undefined}
              >
                <span class="step">{stage.order}</span>
                <span>
                  <Bi vi={stage.label} en={stage.labelEn} />{' '}
                  <span class="muted">
                    (<Bi vi={stateText.vi} en={stateText.en} />)
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      </Section>

      <Section id="deadline" vi="Thời hạn và nhắc việc" en="Deadline and notices">
        {candidate.deadline ? (
          <dl class="summary">
            <dt>
              <Bi vi="Hạn" en="Due" />
            </dt>
            <dd data-testid="due-on">
              {formatDay(candidate.deadline.dueOn)} (
              <Bi {...dueText(candidate.deadline.dueOn, today)} />)
            </dd>
            <dt>
              <Bi vi="Thời gian" en="Allowed" />
            </dt>
            <dd>
              <Bi
                vi={`${candidate.deadline.workingDays} ngày làm việc từ ${formatDay(candidate.deadline.from)}`}
                en={`${candidate.deadline.workingDays} working days from ${formatDay(candidate.deadline.from)}`}
              />
            </dd>
            <dt>
              <Bi vi="Đã nhắc / báo cáo" en="Notices sent" />
            </dt>
            <dd>
              {candidate.deadline.overdueNoticesSent} ·{' '}
              <Bi
                vi={`mức báo cáo ${candidate.deadline.escalationLevel}`}
                en={`escalation level ${candidate.deadline.escalationLevel}`}
              />
            </dd>
          </dl>
        ) : (
          <p>
            <Bi vi="Bước này không có thời hạn." en="This step has no deadline." />
          </p>
        )}
        {notices.length > 0 && (
          <ul class="notices">
            {notices.map((e) => (
              <li key={e.seq}>
                {formatInstant(e.at)}:{' '}
                <Bi
                  vi={`${e.type === 'REMINDER' ? 'Nhắc' : 'Báo cáo lên'} ${roleLabel(e.notice!.recipient.role).vi} ${e.notice!.recipient.unitId} (hạn ${formatDay(e.notice!.dueOn)})`}
                  en={`${e.type === 'REMINDER' ? 'Reminded' : 'Escalated to'} ${roleLabel(e.notice!.recipient.role).en} ${e.notice!.recipient.unitId} (due ${formatDay(e.notice!.dueOn)})`}
                />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="documents" vi="Danh mục tài liệu" en="Documents">
        <ul class="documents">
          {candidate.documents.map((doc) => (
            <li key={doc.form} class={doc.present ? 'present' : 'missing'} data-document={doc.form}>
              <strong>{doc.form}</strong> <Bi vi={doc.label} en={doc.labelEn} />:{' '}
              {doc.present ? (
                <Bi
                  vi={`có${doc.date ? `, ngày ${formatDay(doc.date)}` : ''}`}
                  en={`on file${doc.date ? `, ${formatDay(doc.date)}` : ''}`}
                />
              ) : (
                <Bi vi="còn thiếu" en="missing" />
              )}
            </li>
          ))}
        </ul>
      </Section>

      {candidate.status === 'PROCESSING' && (
        <p class="notice">
          <Bi vi="Thao tác vừa gửi đang được xử lý." en="The last action is being processed." />
        </p>
      )}
      {candidate.awaiting && (
        <Section id="action" vi="Thao tác ở bước đang chờ" en="Act on the pending step">
          {mine.length === 0 ? (
            <p>
              <Bi vi="Bước này do vai trò khác thực hiện." en="Another role takes this step." />
            </p>
          ) : (
            <Field htmlFor="action-choice" vi="Thao tác" en="Action">
              <select
                id="action-choice"
                value={chosen ?? ''}
                onChange={(e) => setChosen((e.target as HTMLSelectElement).value || undefined)}
              >
                <option value="">— Chọn / Choose —</option>
                {mine.map((a) => (
                  <option key={a.action} value={a.action}>
                    {a.label} / {a.labelEn}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {action && (
            <SchemaForm
              key={action.id}
              fields={fieldsOf(action.schema, LABELS)}
              idPrefix="action"
              refusalPrefix="payload"
              submitLabel={{ vi: 'Ghi nhận', en: 'Record' }}
              submit={submit}
            />
          )}
        </Section>
      )}

      <Section id="history" vi="Lịch sử" en="History">
        <Table
          columns={[
            { vi: 'Thời điểm', en: 'When' },
            { vi: 'Người thực hiện', en: 'Who' },
            { vi: 'Nội dung', en: 'What' },
          ]}
          caption={<Bi vi="Ai đã làm gì, khi nào" en="Who did what, when" />}
          captionHidden
        >
          {history.map((event) => {
            const act = event.action ? actionOf(event.action) : undefined;
            const to = stageOf(event.toStage);
            return (
              <tr key={event.seq}>
                <td>{formatInstant(event.at)}</td>
                <td>
                  {event.actor ? (
                    <>
                      {event.actor.name}{' '}
                      <span class="muted">
                        (<Bi {...roleLabel(event.actor.role)} />)
                      </span>
                    </>
                  ) : (
                    <Bi vi="Hệ thống" en="System" />
                  )}
                </td>
                <td>
                  {act ? (
                    <Bi vi={act.label} en={act.labelEn} />
                  ) : (
                    <Bi {...(EVENT_TYPES[event.type] ?? { vi: event.type, en: event.type })} />
                  )}
                  {to && (
                    <>
                      {' → '}
                      <Bi vi={to.label} en={to.labelEn} />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
      </Section>
    </>
  );
}
