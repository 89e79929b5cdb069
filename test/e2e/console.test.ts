import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_USERS } from '../../lib/local/local-accounts';
import { axeViolations } from './support/axe';
import { ARTIFACTS, type Browser, collectErrors, launchChromium } from './support/browser';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * The officers' console in headless Chromium against one local runtime: officers sign in through
 * the local managed login (authorization code + PKCE), a cell officer walks a candidate from the
 * nomination to the admission decision (the committee officer takes the grassroots committee's
 * steps), the approver opens the link from the inbox and approves, and an administrator imports
 * quota targets and reads the report. The same walk runs at phone size. axe-core checks every
 * page (WCAG 2.1 AA) and any violation fails the test; each page is saved to
 * test-artifacts/console/.
 */
const SHOTS = path.join(ARTIFACTS, 'console');
const person = (username: string) => DEMO_USERS.find((u) => u.username === username)!;
const CELL = person('binh.tt');
const COMMITTEE = person('cuong.lv');
const APPROVER = person('chien.vm');
const ADMIN = person('ha.pt');

let runtime: RuntimeProcess;
let desktop: Browser;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  desktop = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await desktop?.close();
  await runtime?.stop();
});

interface Walker {
  page: Page;
  errors: string[];
  checked: string[];
  /** Checks the page with axe (fails on any violation) and saves it as `<name>.png`. */
  check(name: string): Promise<void>;
}

async function walker(context: BrowserContext, suffix: string): Promise<Walker> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  const checked: string[] = [];
  return {
    page,
    errors,
    checked,
    async check(name) {
      await page.waitForLoadState('networkidle');
      expect({ page: name, violations: await axeViolations(page) }).toEqual({
        page: name,
        violations: [],
      });
      checked.push(name);
      await page.screenshot({ path: path.join(SHOTS, `${name}${suffix}.png`), fullPage: true });
    },
  };
}

async function signIn(w: Walker, user: { sub: string }, shot?: string) {
  await w.page.goto(`${runtime.url}/app/`);
  await w.page.getByTestId('sign-in').click();
  await w.page.waitForURL(/\/local\/oauth2\/authorize/);
  if (shot) await w.check(shot);
  await w.page.locator(`button[value="${user.sub}"]`).click();
  await w.page.waitForURL(/\/app\/#?/);
  await w.page.getByTestId('officer-name').waitFor();
  // The code was redeemed and removed from the address bar.
  expect(w.page.url()).not.toContain('code=');
}

async function signOut(w: Walker) {
  await w.page.getByRole('button', { name: /Đăng xuất/ }).click();
  await w.page.getByTestId('sign-in').waitFor();
}

async function openCandidate(w: Walker, id: string) {
  await w.page.goto(`${runtime.url}/app/#/candidates/${id}`);
  await w.page.getByTestId('current-stage').waitFor();
}

/** The one failed request of a walk: the nomination with a malformed ID number, refused. */
const DELIBERATE_REFUSAL = expect.stringMatching(/^400 POST http:.*\/api\/candidates$/);

const stageOf = (w: Walker) => w.page.getByTestId('current-stage').getAttribute('data-stage');

/** Picks the pending step's action, fills its generated form and waits for the next stage. */
async function act(
  w: Walker,
  action: string,
  fill: (form: Page) => Promise<void>,
  nextStage: string,
  shot?: string,
) {
  await w.page.locator('#action-choice').selectOption(action);
  await fill(w.page);
  if (shot) await w.check(shot);
  await w.page.getByTestId('action-submit').click();
  await w.page.locator(`[data-testid=current-stage][data-stage=${nextStage}]`).waitFor({
    timeout: 60_000,
  });
}

const field = (page: Page, path: string) => page.locator(`#action-${path.replace(/\./g, '-')}`);

/** Nomination to the admission decision; returns the candidate id. */
async function walkToDecision(w: Walker, fullName: string, shots: boolean): Promise<string> {
  const shot = (name: string) => (shots ? name : undefined);
  await signIn(w, CELL, shot('sign-in'));
  if (shots) await w.check('tasks');

  await w.page.goto(`${runtime.url}/app/#/nominate`);
  const form = (name: string) => w.page.locator(`#nomination-${name}`);
  await form('fullName').fill(fullName);
  await form('dateOfBirth').fill('1996-08-17');
  await form('nominationSource').selectOption('YOUTH_UNION');
  await form('nationalId').fill('12AB');
  await form('educationLevel').selectOption('UPPER_SECONDARY');
  await form('youthUnionMember').check();
  // A refusal shows at its field, marked invalid, in both languages.
  await w.page.getByTestId('nomination-submit').click();
  await w.page.locator('#nomination-nationalId[aria-invalid=true]').waitFor();
  const refusal = w.page.locator('#nomination-nationalId-error');
  expect(await refusal.getAttribute('data-code')).toBeTruthy();
  if (shots) await w.check('nominate-refused');
  await form('nationalId').fill(`0010960${String(Date.now()).slice(-5)}`);
  await w.page.getByTestId('nomination-submit').click();
  await w.page.waitForURL(/#\/candidates\/[A-Za-z0-9_-]+$/);
  const id = decodeURIComponent(w.page.url().split('/').pop()!);
  await w.page.getByTestId('current-stage').waitFor();
  expect(await stageOf(w)).toBe('NOMINATED');

  await act(
    w,
    'confirmNomination',
    async (p) => {
      await field(p, 'decisionDate').fill('2025-01-06');
      await field(p, 'helperMemberName').fill('Trần Thị Bình');
    },
    'AWARENESS_CLASS',
    shot('action-form'),
  );
  await act(
    w,
    'recordClassResult',
    async (p) => {
      await field(p, 'result').selectOption('PASSED');
      await field(p, 'certificateNumber').fill('CN-NTVĐ 1234/2025');
      await field(p, 'issuedOn').fill('2025-02-14');
    },
    'APPLICATION',
  );
  await act(
    w,
    'recordApplication',
    async (p) => {
      await field(p, 'applicationReceivedOn').fill('2025-02-20');
      await field(p, 'backgroundFormReceivedOn').fill('2025-02-20');
    },
    'BACKGROUND_CHECK',
  );

  // The grassroots committee's officer verifies the background.
  await signOut(w);
  await signIn(w, COMMITTEE);
  await openCandidate(w, id);
  await act(
    w,
    'recordBackgroundCheck',
    async (p) => {
      await field(p, 'completedOn').fill('2025-04-01');
      await field(p, 'result').selectOption('CLEARED');
      for (const [index, relation] of ['CANDIDATE', 'FATHER', 'MOTHER'].entries()) {
        if (index > 0) await p.getByTestId('action-add-subjects').click();
        await field(p, `subjects.${index}.relation`).selectOption(relation);
        await field(p, `subjects.${index}.result`).selectOption('CLEARED');
      }
    },
    'SPONSORSHIP',
  );

  await signOut(w);
  await signIn(w, CELL);
  await openCandidate(w, id);
  await act(
    w,
    'recordSponsorship',
    async (p) => {
      await field(p, 'sponsors.0.kind').selectOption('MEMBER');
      await field(p, 'sponsors.0.name').fill('Trần Thị Bình');
      await field(p, 'sponsors.0.togetherSince').fill('2023-03-01');
      await field(p, 'sponsors.0.documentDate').fill('2025-04-10');
      await p.getByTestId('action-add-sponsors').click();
      await field(p, 'sponsors.1.kind').selectOption('YOUTH_UNION_RESOLUTION');
      await field(p, 'sponsors.1.name').fill('BCH Đoàn cơ sở');
      await field(p, 'sponsors.1.documentDate').fill('2025-04-11');
      await field(p, 'commentsSummaryOn').fill('2025-04-15');
    },
    'CELL_RESOLUTION',
  );
  await act(
    w,
    'recordCellResolution',
    async (p) => {
      await field(p, 'meetingDate').fill('2025-04-20');
      await field(p, 'officialMembers').fill('9');
      await field(p, 'excludedMembers').fill('1');
      await field(p, 'excludedMembersAttending').fill('0');
      await field(p, 'votesFor').fill('7');
      await field(p, 'votesAgainst').fill('1');
    },
    'GRASSROOTS_RESOLUTION',
  );

  await signOut(w);
  await signIn(w, COMMITTEE);
  await openCandidate(w, id);
  await act(
    w,
    'recordGrassrootsResolution',
    async (p) => {
      await field(p, 'meetingDate').fill('2025-05-05');
      await field(p, 'committeeMembers').fill('7');
      await field(p, 'votesFor').fill('6');
      await field(p, 'votesAgainst').fill('1');
    },
    'ADMISSION_DECISION',
  );
  if (shots) await w.check('candidate-file');
  await signOut(w);
  return id;
}

/** The approver signs in, opens the link e-mailed to them (local inbox) and approves. */
async function approve(w: Walker, candidateId: string, shots: boolean) {
  await signIn(w, APPROVER);
  if (shots) await w.check('approver-tasks');
  await w.page.goto(`${runtime.url}/inbox?${new URLSearchParams({ user: APPROVER.sub })}`);
  const mail = w.page.locator('article', { hasText: candidateId });
  for (let i = 0; i < 100 && (await mail.count()) === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await w.page.reload();
  }
  await mail.locator('a').first().click();
  await w.page.waitForURL(/\/approvals\/[A-Za-z0-9_-]+$/);
  await w.page.getByText('Danh mục tài liệu').waitFor();
  await w.page.getByTestId('approve').check();
  await w.page.getByTestId('decision-number').fill('125-QĐ/ĐUK');
  await w.page.getByTestId('decision-date').fill('2025-06-02');
  if (shots) await w.check('approval');
  await w.page.getByTestId('submit').click();
  const recorded = w.page.getByTestId('recorded-decision');
  await recorded.waitFor();
  expect(await recorded.getAttribute('data-decision')).toBe('APPROVE');
  // Back in the console, the file has moved on to the ceremony.
  await openCandidate(w, candidateId);
  await w.page.locator('[data-testid=current-stage][data-stage=CEREMONY]').waitFor({
    timeout: 60_000,
  });
}

it('a cell officer walks a candidate to the decision in the console, and the approver approves', async () => {
  const started = Date.now();
  const w = await walker(desktop.context, '');
  // The approver has signed in once before: the people directory knows who gets the link.
  await signIn(w, APPROVER);
  await signOut(w);
  const id = await walkToDecision(w, 'Nguyễn Thị Hoa', true);
  await approve(w, id, true);
  // The approver finds the file again by a name typed without accents.
  await w.page.goto(`${runtime.url}/app/#/candidates`);
  await w.page.locator('tr[data-candidate]').first().waitFor();
  await w.page.locator('#q').fill('nguyen thi hoa');
  await w.page.getByRole('button', { name: /^Tìm/ }).click();
  await w.page.locator(`tr[data-candidate="${id}"]`).waitFor();
  await w.check('candidates');
  // Units admin is for administrators: the approver reads the tree without it.
  await w.page.goto(`${runtime.url}/app/#/units`);
  await w.page.locator('ul.tree [data-unit]').first().waitFor();
  expect(await w.page.locator('#units-admin-heading, .select-unit').count()).toBe(0);
  expect(w.errors).toEqual([DELIBERATE_REFUSAL]);
  console.log(`console walk (desktop): ${Date.now() - started} ms, pages checked: ${w.checked}`);
});

it('an administrator imports quota targets, reads the report, administers units and opens classes', async () => {
  const w = await walker(desktop.context, '');
  await signIn(w, ADMIN);
  // Keyboard: the skip link comes first, shows when focused, and Enter moves focus to the main
  // content.
  type Doc = {
    document: {
      activeElement: { id: string; className: string } | null;
      querySelector(s: string): { className: string } | null;
    };
  };
  const first = await w.page.evaluate(
    () =>
      (globalThis as unknown as Doc).document.querySelector('a[href], button, input, select')
        ?.className,
  );
  expect(first).toBe('skip-link');
  await w.page.locator('.skip-link').focus();
  expect((await w.page.locator('.skip-link').boundingBox())!.x).toBeGreaterThanOrEqual(0);
  await w.page.keyboard.press('Enter');
  expect(
    await w.page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.id),
  ).toBe('main');
  await w.page.goto(`${runtime.url}/app/#/quotas`);
  await w.page.getByTestId('report-sentences').waitFor();
  const year = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);
  const csv = [
    'don_vi,ky,chi_tieu,co_quan_giao,ten_co_quan_giao,loai,gia_tri',
    `hn,${year},NOMINATED,hn-thanhuy,Thành ủy,COUNT,15`,
    `hn,${year},ADMITTED,hn-thanhuy,Thành ủy,COUNT,10`,
  ].join('\n');
  await w.page.locator('#quota-file').setInputFiles({
    name: 'chi-tieu.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await w.page.getByTestId('import-submit').click();
  await w.page.getByText('Đã nhập 2 chỉ tiêu').waitFor();
  const sentence = w.page.locator('[data-metric=NOMINATED]');
  await sentence.getByText(/\/15/).waitFor();
  expect(await sentence.textContent()).toMatch(/đạt \d+% chỉ tiêu/);
  expect(await w.page.getByTestId('quota-chart').getAttribute('role')).toBe('img');
  await w.check('quotas');

  const download = w.page.waitForEvent('download');
  await w.page.getByRole('button', { name: /Báo cáo Excel/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await w.page.goto(`${runtime.url}/app/#/units`);
  await w.page.locator('[data-unit=hn] [data-unit=hn-dongda]').waitFor();
  await w.check('units');
  await administerUnits(w);
  await w.page.goto(`${runtime.url}/app/#/classes`);
  await w.page.locator('#class-name').waitFor();
  await w.check('classes');
  // The one failed request: the duplicate unit id, refused.
  expect(w.errors).toEqual([expect.stringMatching(/^409 POST http:.*\/api\/units$/)]);
});

/**
 * Units admin: under Quận ủy Đống Đa the administrator creates a cell (a duplicate id first, refused
 * at the id field), finds it in the tree, moves it under the bloc committee, then retires it from
 * today and sees the retirement date in the tree.
 */
async function administerUnits(w: Walker) {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = today.split('-');
  const id = `dd-thu-nghiem-${Date.now().toString(36)}`;
  const input = (task: string, name: string) => w.page.locator(`#unit-${task}-${name}`);
  const expand = (unit: string) =>
    w.page.locator(`[data-unit=${unit}] > .tree-toggle[aria-label^="Mở"]`).click();

  await w.page.getByTestId('select-hn-dongda').click();
  expect(await w.page.getByTestId('selected-unit').textContent()).toContain('hn-dongda');
  await w.page.getByTestId('unit-create').click();
  // The form starts under the selected unit, from today; the id is one the tree already has.
  expect(await input('create', 'parentId').inputValue()).toBe('hn-dongda');
  expect(await input('create', 'effectiveFrom').inputValue()).toBe(today);
  await input('create', 'id').fill('dd-kdn');
  await input('create', 'name').fill('Chi bộ Thử nghiệm quản trị');
  await input('create', 'level').selectOption('GRASSROOTS_CELL');
  await w.page.locator('#unit-create-areas-MOUNTAIN').check();
  await w.page.getByTestId('unit-create-submit').click();
  const refusal = w.page.locator('#unit-create-id-error');
  await refusal.waitFor();
  expect(await refusal.getAttribute('data-code')).toBe('UNIT_EXISTS');
  expect(await refusal.textContent()).toMatch(/Đơn vị dd-kdn đã có.*Unit dd-kdn already exists/);
  expect(await input('create', 'id').getAttribute('aria-invalid')).toBe('true');
  // The refused field has focus, so the officer corrects it from the keyboard.
  type Doc = { document: { activeElement: { id: string } | null } };
  expect(
    await w.page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.id),
  ).toBe('unit-create-id');
  await w.check('units-admin');

  await input('create', 'id').fill(id);
  await w.page.keyboard.press('Enter');
  await w.page.getByRole('status').getByText(`Đã tạo Chi bộ Thử nghiệm quản trị (${id})`).waitFor();
  await expand('hn-dongda');
  const created = w.page.locator(`[data-unit=hn-dongda] [data-unit=${id}]`);
  await created.waitFor();
  expect(await created.textContent()).toContain(`hiệu lực từ ${d}/${m}/${y}`);

  // Moved under the bloc committee from today, it shows there.
  await w.page.getByTestId(`select-${id}`).click();
  await w.page.getByTestId('unit-move').click();
  await input('move', 'newParentId').fill('dd-kdn');
  await w.page.getByTestId('unit-move-submit').click();
  await w.page.getByRole('status').getByText(`sang dd-kdn từ ${d}/${m}/${y}`).waitFor();
  await expand('hn-dongda');
  await expand('dd-kdn');
  const moved = w.page.locator(`[data-unit=dd-kdn] [data-unit=${id}]`);
  await moved.waitFor();

  await w.page.getByTestId('unit-retire').click();
  expect(await input('retire', 'retiredOn').inputValue()).toBe(today);
  await input('retire', 'reason').fill('Sáp nhập vào chi bộ khác');
  await w.check('units-admin-retire');
  await w.page.getByTestId('unit-retire-submit').click();
  await w.page.getByRole('status').getByText(`Đã giải thể Chi bộ Thử nghiệm quản trị`).waitFor();
  // The form closed; focus is on the admin section, not lost to the page.
  await w.page.locator('#units-admin-heading:focus').waitFor();
  expect(await w.page.getByTestId('selected-unit').textContent()).toContain(
    `giải thể ${d}/${m}/${y}`,
  );
  await expand('hn-dongda');
  await expand('dd-kdn');
  await moved.getByText(`giải thể ${d}/${m}/${y}`).waitFor();
}

it('the same walk passes at phone size (390×844)', async () => {
  const started = Date.now();
  const phone = await launchChromium({ width: 390, height: 844 });
  try {
    const w = await walker(phone.context, '-phone');
    const id = await walkToDecision(w, 'Lê Văn Phong', true);
    await approve(w, id, true);
    expect(w.errors).toEqual([DELIBERATE_REFUSAL]);
  } finally {
    await phone.close();
  }
  console.log(`console walk (phone): ${Date.now() - started} ms`);
});
