import { useEffect, useState } from 'preact/hooks';
import { refusalOf, type Refusal } from '../api';
import { Bi, Loading, PageHeading, RefusalMessage } from '../components/ui';
import { formatDay, vietnamDay } from '../format/dates';
import { useSession } from '../session-context';

interface UnitVersion {
  id: string;
  name: string;
  level: string;
  path: string[];
  effectiveFrom: string;
  retiredOn?: string;
}

const LEVELS: Record<string, { vi: string; en: string }> = {
  CITY_COMMITTEE: { vi: 'Tỉnh ủy, thành ủy', en: 'Province committee' },
  DISTRICT_COMMITTEE: { vi: 'Huyện ủy, quận ủy', en: 'District committee' },
  WARD_COMMITTEE: { vi: 'Đảng ủy xã, phường', en: 'Ward committee' },
  BLOC_COMMITTEE: { vi: 'Đảng ủy khối', en: 'Bloc committee' },
  GRASSROOTS: { vi: 'Đảng bộ cơ sở', en: 'Grassroots committee' },
  GRASSROOTS_CELL: { vi: 'Chi bộ cơ sở', en: 'Grassroots cell' },
  CELL: { vi: 'Chi bộ trực thuộc', en: 'Cell' },
};

/**
 * The organisation as it stood on a day: each unit's version in force then (GET /units/{id}?on=),
 * with the date it took effect and, if abolished, the date it was retired. A unit's children are
 * read when it is opened: the quota report lists a unit with the units directly below it, for
 * every role that may read the organisation.
 */
export function Units() {
  const { officer } = useSession();
  const [on, setOn] = useState(vietnamDay(Date.now()));
  return (
    <>
      <PageHeading vi="Cơ cấu tổ chức" en="Organisation" />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="units-on">
            <Bi vi="Vào ngày" en="On" />
          </label>
          <input
            id="units-on"
            type="date"
            value={on}
            onChange={(e) => setOn((e.target as HTMLInputElement).value || on)}
          />
        </div>
      </form>
      <ul class="tree" role="tree" aria-label="Cây đơn vị / Unit tree">
        <UnitNode key={on} id={officer.unitId} on={on} open />
      </ul>
    </>
  );
}

function UnitNode({
  id,
  on,
  open: initiallyOpen = false,
}: {
  id: string;
  on: string;
  open?: boolean;
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
  const level = LEVELS[unit.level] ?? { vi: unit.level, en: unit.level };
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
      {unit.retiredOn && (
        <>
          {' '}
          ·{' '}
          <Bi
            vi={`giải thể ${formatDay(unit.retiredOn)}`}
            en={`retired ${formatDay(unit.retiredOn)}`}
          />
        </>
      )}
      {open && children && children.length > 0 && (
        <ul role="group">
          {children.map((child) => (
            <UnitNode key={child} id={child} on={on} />
          ))}
        </ul>
      )}
    </li>
  );
}
