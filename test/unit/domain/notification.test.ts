import {
  buildStageNotification,
  levelsOf,
  recipientsFor,
  type StageNotificationInput,
  type UnitPathWithLevels,
} from '../../../functions/domain/notification';
import { HUMAN_STAGE_IDS, humanStage, type HumanStageId } from '../../../functions/domain/pipeline';
import { demoOrganisation } from '../../../lib/local/demo-organisation';

const units = demoOrganisation();
const levels = levelsOf(units);
const pathOf = (unitId: string): UnitPathWithLevels => ({
  unitPath: units.find((u) => u.id === unitId)!.path,
  levels,
});

// dd-xltbd-kythuat is a CELL in the grassroots organisation dd-xltbd (under the bloc dd-kdn);
// dd-tbdl1 is a GRASSROOTS_CELL directly under the bloc dd-kdn.
describe('recipientsFor', () => {
  it.each<[HumanStageId, string, string]>([
    ['NOMINATED', 'cell-officer', 'dd-xltbd-kythuat'],
    ['CELL_RESOLUTION', 'cell-officer', 'dd-xltbd-kythuat'],
    ['CEREMONY', 'cell-officer', 'dd-xltbd-kythuat'],
    ['BACKGROUND_CHECK', 'committee-officer', 'dd-xltbd'],
    ['GRASSROOTS_RESOLUTION', 'committee-officer', 'dd-xltbd'],
    ['ADMISSION_DECISION', 'approver', 'dd-kdn'],
  ])('CELL: %s → %s at %s', (stage, role, unitId) => {
    expect(recipientsFor(stage, pathOf('dd-xltbd-kythuat'))).toEqual({ role, unitId });
  });

  it.each<[HumanStageId, string, string]>([
    ['NOMINATED', 'cell-officer', 'dd-tbdl1'],
    ['SPONSORSHIP', 'cell-officer', 'dd-tbdl1'],
    ['BACKGROUND_CHECK', 'committee-officer', 'dd-tbdl1'],
    ['GRASSROOTS_RESOLUTION', 'committee-officer', 'dd-tbdl1'],
    ['ADMISSION_DECISION', 'approver', 'dd-kdn'],
  ])('GRASSROOTS_CELL: %s → %s at %s', (stage, role, unitId) => {
    expect(recipientsFor(stage, pathOf('dd-tbdl1'))).toEqual({ role, unitId });
  });

  it('names the role of the pipeline table for every human stage', () => {
    for (const stage of HUMAN_STAGE_IDS) {
      expect(recipientsFor(stage, pathOf('tt-ngoquyen')).role).toBe(humanStage(stage).actor);
    }
  });

  it('needs only the path and the levels of its units', () => {
    const path = {
      unitPath: ['city', 'bloc', 'grassroots', 'cell'],
      levels: {
        city: 'CITY_COMMITTEE',
        bloc: 'BLOC_COMMITTEE',
        grassroots: 'GRASSROOTS',
        cell: 'CELL',
      },
    } as const;
    expect(recipientsFor('ADMISSION_DECISION', path)).toEqual({
      role: 'approver',
      unitId: 'bloc',
    });
  });

  it('refuses a path that does not end in a cell, or lacks a level or a committee', () => {
    expect(() => recipientsFor('NOMINATED', pathOf('dd-xltbd'))).toThrow(/not a cell/);
    expect(() =>
      recipientsFor('BACKGROUND_CHECK', { unitPath: ['g', 'c'], levels: { c: 'CELL' } }),
    ).toThrow(/level of unit g/);
    expect(() =>
      recipientsFor('BACKGROUND_CHECK', {
        unitPath: ['b', 'c'],
        levels: { b: 'BLOC_COMMITTEE', c: 'CELL' },
      }),
    ).toThrow(/no grassroots/);
    expect(() =>
      recipientsFor('ADMISSION_DECISION', { unitPath: ['g'], levels: { g: 'GRASSROOTS_CELL' } }),
    ).toThrow(/no committee/);
    expect(() => recipientsFor('NOMINATED', { unitPath: [], levels: {} })).toThrow(/empty/);
  });
});

describe('buildStageNotification', () => {
  const base: StageNotificationInput = {
    kind: 'PARKED',
    recipient: { role: 'cell-officer', unitId: 'dd-xltbd-kythuat' },
    candidate: {
      id: 'c0a1b2c3d4e5f6a7b8c9d',
      fullName: 'Nguyễn Văn An',
      unitName: 'Chi bộ Phòng Kỹ thuật',
    },
    stage: 'CELL_RESOLUTION',
    dueOn: '2025-05-20',
    missing: ['6-KNĐ', 'Biên bản họp chi bộ'],
  };

  it('says who, where, which step, by when and what is missing — Vietnamese first, English below', () => {
    const n = buildStageNotification(base);
    expect(n.subject).toBe(
      "Hồ sơ Nguyễn Văn An chờ 'Chi bộ xét kết nạp' / Nguyễn Văn An awaits 'Cell admission vote'",
    );
    const [vi, en] = n.body.split('\n\n---\n\n');
    for (const text of [vi, en]) {
      expect(text).toContain('Nguyễn Văn An');
      expect(text).toContain('Chi bộ Phòng Kỹ thuật');
      expect(text).toContain('6-KNĐ, Biên bản họp chi bộ');
      expect(text).toContain('c0a1b2c3d4e5f6a7b8c9d');
    }
    expect(vi).toContain("'Chi bộ xét kết nạp'");
    expect(vi).toContain('Hạn: 20/05/2025');
    expect(vi).toContain('Còn thiếu: 6-KNĐ');
    expect(vi).not.toContain('2025-05-20');
    expect(en).toContain("'Cell admission vote'");
    expect(en).toContain('Due: 2025-05-20');
    expect(en).toContain('Missing: 6-KNĐ');
    expect(en).not.toContain('20/05/2025');
    expect(n.body.indexOf('Hồ sơ của')).toBeLessThan(n.body.indexOf('The file of'));
    expect(n.attributes).toEqual({
      role: 'cell-officer',
      unitId: 'dd-xltbd-kythuat',
      stage: 'CELL_RESOLUTION',
      kind: 'PARKED',
    });
    expect(n).not.toHaveProperty('link');
  });

  it('leaves out the deadline and the missing list when there are none', () => {
    const n = buildStageNotification({ ...base, dueOn: undefined, missing: [] });
    expect(n.body).not.toMatch(/Hạn:|Due:|Còn thiếu|Missing/);
  });

  it.each([
    ['REMINDER', /^Nhắc việc: hồ sơ Nguyễn Văn An vẫn chờ .* \/ Reminder: /],
    ['ESCALATION', /^Quá hạn: hồ sơ Nguyễn Văn An chờ .* \/ Overdue: /],
  ] as const)('words a %s differently and marks its kind', (kind, subject) => {
    const n = buildStageNotification({ ...base, kind });
    expect(n.subject).toMatch(subject);
    expect(n.attributes.kind).toBe(kind);
  });

  it('carries an approval link in both languages and on the result', () => {
    const link = 'https://admission.example.vn/approve/c0a1b2c3d4e5f6a7b8c9d?t=abc';
    const n = buildStageNotification({
      ...base,
      kind: 'PARKED',
      stage: 'ADMISSION_DECISION',
      recipient: { role: 'approver', unitId: 'dd-kdn' },
      link,
    });
    expect(n.link).toBe(link);
    expect(n.body).toContain(`Mở hồ sơ: ${link}`);
    expect(n.body).toContain(`Open: ${link}`);
    expect(n.subject).toContain("'Quyết định kết nạp'");
    expect(() => buildStageNotification({ ...base, link: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => buildStageNotification({ ...base, link: '/relative' })).toThrow(/absolute/);
  });

  it('refuses a malformed deadline', () => {
    expect(() => buildStageNotification({ ...base, dueOn: '20/05/2025' })).toThrow();
    expect(() => buildStageNotification({ ...base, dueOn: '2025-02-30' })).toThrow();
  });

  it('never lets a birth date or an identity number through', () => {
    // Callers may hold the whole candidate; extra fields must not leak into the text.
    const leaky = {
      ...base,
      candidate: {
        ...base.candidate,
        dateOfBirth: '1996-08-17',
        idNumber: '001096012345',
        phone: '0912345678',
      },
      dateOfBirth: '1996-08-17',
    } as StageNotificationInput;
    // And free text into which someone typed them.
    const typedIn: StageNotificationInput = {
      ...base,
      candidate: {
        ...base.candidate,
        fullName: 'Nguyễn Văn An 17/08/1996 CCCD 001096012345',
        unitName: 'Chi bộ Phòng Kỹ thuật (sinh 1996-08-17)',
      },
      missing: ['6-KNĐ', 'CMND 123456789', 'ngày sinh 17-8-1996'],
    };
    for (const input of [leaky, typedIn]) {
      const n = buildStageNotification(input);
      const text = JSON.stringify(n);
      expect(text).not.toMatch(/1996/);
      expect(text).not.toMatch(/17\/08|08-17|17-8/);
      expect(text).not.toMatch(/(?<![\p{L}\p{N}])\d{9,}(?![\p{L}\p{N}])/u);
      expect(text).not.toContain('0912345678');
      expect(text).toContain('Nguyễn Văn An');
      expect(text).toContain('20/05/2025');
    }
  });

  it('keeps free text on one line, so nothing can pose as another line of the message', () => {
    const n = buildStageNotification({
      ...base,
      candidate: { ...base.candidate, fullName: 'Nguyễn Văn An\nHạn: 01/01/2000' },
    });
    expect(n.body.split('\n').filter((l) => l.startsWith('Hạn:'))).toEqual(['Hạn: 20/05/2025']);
  });
});
