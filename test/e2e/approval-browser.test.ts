import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ApiClient } from './support/api-client';
import {
  type Approver,
  approverAt,
  officersOf,
  waitForLink,
  walkToDecision,
} from './support/approvals';
import { ARTIFACTS, type Browser, launchChromium } from './support/browser';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * An approver in headless Chromium (Debian `chromium`): opens their inbox on the local runtime,
 * follows the approval link, fills the decision number and date, approves, and sees the recorded
 * decision; the candidate moves on. The page is saved to test-artifacts/approval-page.png.
 */
let runtime: RuntimeProcess;
let browser: Browser;
let cell: ApiClient;
let approver: Approver;
let candidateId: string;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  const officers = await officersOf(runtime);
  cell = officers.cell;
  approver = await approverAt(runtime, 'Vũ Mạnh Chiến');
  candidateId = await walkToDecision(officers);
  await waitForLink(runtime, approver, candidateId);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

it('an approver opens the link from the local inbox, approves, and the candidate moves on', async () => {
  const started = Date.now();
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  // The approver's own mail (local SES), as their mail client would show it.
  const inboxUrl = `${runtime.url}/inbox?${new URLSearchParams({ user: approver.sub })}`;
  await page.goto(inboxUrl);
  // Signed in: the approver's token is in this origin's session storage, where the page reads it.
  await page.evaluate(
    (token) =>
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('token', token),
    approver.token,
  );

  const notification = page.locator('article', { hasText: candidateId });
  await notification.locator('a').first().click();
  await page.waitForURL(/\/approvals\/[A-Za-z0-9_-]+$/);

  // The details the page fetched with the token: summary, documents, votes, deadline.
  await page.getByText('Danh mục tài liệu').waitFor();
  await page.getByText('Chi bộ Phòng Kỹ thuật').first().waitFor();
  await page.locator('li[data-document="9-KNĐ"].missing').waitFor();

  await page.getByTestId('approve').check();
  await page.getByTestId('decision-number').fill('125-QĐ/ĐUK');
  await page.getByTestId('decision-date').fill('2025-06-02');
  await page.getByTestId('submit').click();

  const recorded = page.getByTestId('recorded-decision');
  await recorded.waitFor();
  expect(await recorded.getAttribute('data-decision')).toBe('APPROVE');
  expect(await recorded.textContent()).toContain('125-QĐ/ĐUK');
  expect(await recorded.textContent()).toContain('Vũ Mạnh Chiến');
  expect(await page.getByTestId('error').isHidden()).toBe(true);

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const screenshot = path.join(ARTIFACTS, 'approval-page.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  expect(fs.statSync(screenshot).size).toBeGreaterThan(10_000);

  // Opening the link again shows the recorded decision, not an error.
  await page.reload();
  await page.getByTestId('recorded-decision').waitFor();
  expect(await page.getByTestId('error').isHidden()).toBe(true);
  expect(errors).toEqual([]);

  const moved = await cell.waitForStage(candidateId, 'CEREMONY');
  expect(moved.history.at(-1)).toMatchObject({
    action: 'decideAdmission',
    outcome: 'approved',
    actor: { userId: approver.sub, role: 'approver' },
  });
  console.log(`approval in the browser: ${Date.now() - started} ms`);
});
