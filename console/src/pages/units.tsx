import { useEffect, useRef, useState } from 'preact/hooks';
import { idempotencyKey, refusalOf, type Refusal } from '../api';
import { SchemaForm } from '../components/schema-form';
import { Bi, Loading, PageHeading, RefusalMessage, Status, Field } from '../components/ui';
import { CONTRACT, UNIT_LABELS } from '../contract';
import { formatDay, vietnamDay } from '../format/dates';
import { fieldsOf } from '../forms/schema-form';
import { UNIT_VALUE_LABELS } from '../forms/value-labels';
import { hasRole, useSession } from '../session-context';

interface UnitVersion {
  id: string;
  name: string;
  level: string;
  path: string[];
  effectiveFrom: string;
  retiredOn?: string;
}

/**
 * The organisation as it stood on a day: each unit's version in force then (GET /units/{id}?on=),
 * with the date it took effect and, if abolished, the date it was retired. A unit's children are
 * read when it is opened: the quota report lists a unit with the units directly below it, for
 * every role that may read the organisation. An administrator selects a unit in the tree and
 * administers it below (UnitsAdmin); the tree is read again after each change.
 */
export function Units() {
  const { officer } = useSession();
  const [on, setOn] = useState(vietnamDay(Date.now()));
  const [selected, setSelected] = useState<UnitVersion>();
  const [revision, setRevision] = useState(0);
  const admin = hasRole(officer, 'admin');
  return (
    <>
      <PageHeading vi="Cơ cấu tổ chức" en="Organisation" />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field htmlFor="units-on" vi="Vào ngày" en="On">
          <input
            id="units-on"
            type="date"
            value={on}
            onChange={(e) => setOn((e.target as HTMLInputElement).value || on)}
          />
        </Field>
      </form>
      <ul class="tree" role="tree" aria-label="Cây đơn vị / Unit tree">
        <UnitNode
          key={`${on}/${revision}`}
          id={officer.unitId}
          on={on}
          open
          selected={selected?.id}
          onSelect={admin ? setSelected : undefined}
        />
      </ul>
      {admin && (
        <UnitsAdmin
          unit={selected}
          onChanged={(unit) => {
            if (unit) setSelected(unit);
            setRevision((r) => r + 1);
          }}
        />
      )}
    </>
  );
}

function UnitNode({
  id,
  on,
  open: initiallyOpen = false,
  selected,
  onSelect,
}: {
  id: string;
  on: string;
  open?: boolean;
  /** The unit the administrator works on, and how another is chosen (admins only). */
  selected?: string;
  onSelect?: (unit: UnitVersion) => void;
}) {
  const { api } = useSession();
  const [unit, setUnit] = useState<UnitVersion>();
  const [children, setChildren] = useState<string[]>();
  const [open, setOpen] = useState(initiallyOpen);
  const [refusal, setRefusal] = useState<Refusal>();

  useEffect(() => {
    void api
      .GET('/units/{id}', { params: { path: { id }, query: { on } } })
      .then(({ data, error, response }) =>
        data ? setUnit(data as UnitVersion) : setRefusal(refusalOf(error, response)),
      );
  }, [id, on]);
  useEffect(() => {
    if (!open || children) return;
    void api
      .GET('/reports/quotas', { params: { query: { unit: id, period: on.slice(0, 4) } } })
      .then(({ data }) => {
        const units = (data as { units?: { unitId: string }[] } | undefined)?.units ?? [];
        setChildren(units.map((u) => u.unitId).filter((u) => u !== id));
      });
  }, [open, id, on]);

  if (refusal) {
    return (
      <li role="treeitem">
        <RefusalMessage refusal={refusal} />
      </li>
    );
  }
  if (!unit) {
    return (
      <li role="treeitem">
        <Loading />
      </li>
    );
  }
  const level = UNIT_VALUE_LABELS[unit.level] ?? { vi: unit.level, en: unit.level };
  return (
    <li role="treeitem" aria-expanded={open} data-unit={unit.id}>
      <button
        type="button"
        class="tree-toggle"
        onClick={() => setOpen(!open)}
        aria-label={`${open ? 'Thu gọn' : 'Mở'} ${unit.name} / ${open ? 'Collapse' : 'Expand'}`}
      >
        {open ? '−' : '+'}
      </button>{' '}
      <strong>{unit.name}</strong> <span class="muted">({unit.id})</span> · <Bi {...level} /> ·{' '}
      <Bi
        vi={`hiệu lực từ ${formatDay(unit.effectiveFrom)}`}
        en={`in force from ${formatDay(unit.effectiveFrom)}`}
      />
      <RetiredNote retiredOn={unit.retiredOn} />
      {onSelect && (
        <>
          {' '}
          <button
            type="button"
            class="secondary select-unit"
            aria-pressed={selected === unit.id}
            onClick={() => onSelect(unit)}
            data-testid={`select-${unit.id}`}
          >
            <Bi vi={`Chọn ${unit.name}`} en={`Select ${unit.id}`} />
          </button>
        </>
      )}
      {open && children && children.length > 0 && (
        <ul role="group">
          {children.map((child) => (
            <UnitNode key={child} id={child} on={on} selected={selected} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
}

type AdminTask = 'create' | 'move' | 'retire';

const TASKS: Record<AdminTask, { vi: string; en: string }> = {
  create: { vi: 'Tạo đơn vị trực thuộc', en: 'Create a unit under it' },
  move: { vi: 'Chuyển sang cấp trên khác', en: 'Move under another parent' },
  retire: { vi: 'Giải thể', en: 'Retire' },
};

/** Each task's body schema (from the contract) and what its form starts with. */
function taskForm(task: AdminTask, unit: UnitVersion, today: string) {
  if (task === 'create') {
    return { schema: CONTRACT.units.create, initial: { parentId: unit.id, effectiveFrom: today } };
  }
  if (task === 'move') return { schema: CONTRACT.units.move, initial: { effectiveFrom: today } };
  return { schema: CONTRACT.units.retire, initial: { retiredOn: today } };
}

/**
 * Units admin (admins only; the API refuses anyone else with ROLE_NOT_ALLOWED): create a unit
 * under the selected one (POST /units), move the selected unit under another parent from a date
 * (POST /units/{id}/moves) or retire it from a date (POST /units/{id}/retirement). Each form is
 * generated from the route's body schema; a refusal shows at the field it names.
 */
function UnitsAdmin({
  unit,
  onChanged,
}: {
  unit?: UnitVersion;
  /** After a change, with the selected unit's new version when the API returns it. */
  onChanged: (unit?: UnitVersion) => void;
}) {
  const { api } = useSession();
  const [task, setTask] = useState<AdminTask>();
  const [done, setDone] = useState<{ vi: string; en: string }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const today = vietnamDay(Date.now());

  // The form closes on success: focus goes to the section (not lost to the page) and the
  // status below its heading is read out.
  useEffect(() => {
    if (done) heading.current?.focus();
  }, [done]);

  const finish = (message: { vi: string; en: string }, changed?: UnitVersion) => {
    setDone(message);
    setTask(undefined);
    onChanged(changed);
    return undefined;
  };
  const header = () => ({ 'Idempotency-Key': idempotencyKey() });

  const submit = async (body: Record<string, unknown>): Promise<Refusal | undefined> => {
    if (!unit) return undefined;
    if (task === 'create') {
      const { data, error, response } = await api.POST('/units', {
        params: { header: header() },
        body: body as never,
      });
      if (!data) return refusalOf(error, response);
      const created = data as UnitVersion;
      const from = formatDay(created.effectiveFrom);
      return finish({
        vi: `Đã tạo ${created.name} (${created.id}), hiệu lực từ ${from}`,
        en: `Created ${created.name} (${created.id}), in force from ${from}`,
      });
    }
    if (task === 'move') {
      const { data, error, response } = await api.POST('/units/{id}/moves', {
        params: { path: { id: unit.id }, header: header() },
        body: body as never,
      });
      if (!data) return refusalOf(error, response);
      const { newParentId, effectiveFrom } = body as { newParentId: string; effectiveFrom: string };
      return finish({
        vi: `Đã chuyển ${unit.name} sang ${newParentId} từ ${formatDay(effectiveFrom)}`,
        en: `Moved ${unit.name} under ${newParentId} from ${formatDay(effectiveFrom)}`,
      });
    }
    const { data, error, response } = await api.POST('/units/{id}/retirement', {
      params: { path: { id: unit.id }, header: header() },
      body: body as never,
    });
    if (!data) return refusalOf(error, response);
    const retired = data as UnitVersion;
    return finish(
      {
        vi: `Đã giải thể ${retired.name} từ ${formatDay(retired.retiredOn!)}`,
        en: `Retired ${retired.name} from ${formatDay(retired.retiredOn!)}`,
      },
      retired,
    );
  };

  const form = unit && task ? taskForm(task, unit, today) : undefined;
  return (
    <section aria-labelledby="units-admin-heading" class="units-admin">
      <h2 id="units-admin-heading" ref={heading} tabIndex={-1}>
        <Bi vi="Quản trị đơn vị" en="Units admin" />
      </h2>
      <Status>{done && <Bi {...done} />}</Status>
      {!unit ? (
        <p class="muted">
          <Bi
            vi="Chọn một đơn vị trong cây để tạo đơn vị trực thuộc, chuyển hoặc giải thể."
            en="Select a unit in the tree to create a unit under it, move it or retire it."
          />
        </p>
      ) : (
        <>
          <p data-testid="selected-unit">
            <Bi vi="Đơn vị đang chọn:" en="Selected unit:" /> <strong>{unit.name}</strong>{' '}
            <span class="muted">({unit.id})</span>
            <RetiredNote retiredOn={unit.retiredOn} />
          </p>
          <div class="actions" role="group" aria-label="Thao tác / Actions">
            {(Object.keys(TASKS) as AdminTask[]).map((t) => (
              <button
                key={t}
                type="button"
                class="secondary"
                aria-expanded={task === t}
                aria-controls="units-admin-form"
                onClick={() => setTask(task === t ? undefined : t)}
                data-testid={`unit-${t}`}
              >
                <Bi {...TASKS[t]} />
              </button>
            ))}
          </div>
          <div id="units-admin-form">
            {task && form && (
              <>
                <h3>
                  <Bi vi={`${TASKS[task].vi}: ${unit.name}`} en={`${TASKS[task].en}: ${unit.id}`} />
                </h3>
                <SchemaForm
                  key={`${task}/${unit.id}`}
                  fields={fieldsOf(form.schema, UNIT_LABELS)}
                  idPrefix={`unit-${task}`}
                  initial={form.initial}
                  submitLabel={TASKS[task]}
                  submit={submit}
                />
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** " · giải thể dd/mm/yyyy" after a retired unit's name; nothing for a unit in force. */
function RetiredNote({ retiredOn }: { retiredOn?: string }) {
  if (!retiredOn) return null;
  return (
    <>
      {' '}
      · <Bi vi={`giải thể ${formatDay(retiredOn)}`} en={`retired ${formatDay(retiredOn)}`} />
    </>
  );
}
