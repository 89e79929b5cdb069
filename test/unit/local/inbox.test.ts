import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildStageNotification,
  type StageNotificationKind,
} from '../../../functions/domain/notification';
import { type HumanStageId } from '../../../functions/domain/pipeline';
import { type Role } from '../../../functions/domain/roles';
import { createInboxHandler } from '../../../lib/local/inbox';
import {
  createPublishedMessageStore,
  type PublishedMessageStore,
} from '../../../lib/local/published-messages';

const TOPIC = 'arn:aws:sns:us-east-1:000000000000:NotificationsTopic';

describe('local inbox', () => {
  let store: PublishedMessageStore;
  let server: Server;
  let base: string;
  let published = 0;

  function publish(
    role: Role,
    unitId: string,
    fullName: string,
    options: { stage?: HumanStageId; kind?: StageNotificationKind; link?: string } = {},
  ): void {
    const n = buildStageNotification({
      kind: options.kind ?? 'PARKED',
      recipient: { role, unitId },
      candidate: { id: `c${++published}`, fullName, unitName: 'Chi bộ Phòng Kỹ thuật' },
      stage: options.stage ?? 'CELL_RESOLUTION',
      dueOn: '2025-05-20',
      link: options.link,
    });
    store.append({
      messageId: `m${published}`,
      topicArn: TOPIC,
      subject: n.subject,
      message: n.body,
      attributes: { ...n.attributes, ...(n.link ? { link: n.link } : {}) },
      publishedAt: new Date(Date.UTC(2025, 4, 17, 7, published)).toISOString(),
    });
  }

  beforeEach(async () => {
    store = createPublishedMessageStore();
    published = 0;
    const inbox = createInboxHandler(store);
    // As the lead will mount it: the inbox first, the API's routes for everything else.
    server = createServer((req, res) => {
      if (inbox(req, res)) return;
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"code":"ROUTE_NOT_FOUND"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const json = async (query: string) => {
    const res = await fetch(`${base}/inbox.json?${query}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (await res.json()) as any };
  };

  it('lists only what is addressed to the role at the unit, newest first', async () => {
    publish('cell-officer', 'dd-xltbd-kythuat', 'Nguyễn Văn An');
    publish('committee-officer', 'dd-xltbd-kythuat', 'Wrong Role', { stage: 'BACKGROUND_CHECK' });
    publish('cell-officer', 'dd-xltbd-xuong', 'Wrong Unit');
    publish('cell-officer', 'dd-xltbd-kythuat', 'Trần Thị Bình', { kind: 'REMINDER' });
    publish('approver', 'dd-kdn', 'Lê Văn Cường', { stage: 'ADMISSION_DECISION' });

    const { status, body } = await json('role=cell-officer&unit=dd-xltbd-kythuat');
    expect(status).toBe(200);
    expect(body.role).toBe('cell-officer');
    expect(body.unitId).toBe('dd-xltbd-kythuat');
    expect(body.notifications.map((n: { messageId: string }) => n.messageId)).toEqual(['m4', 'm1']);
    expect(body.notifications[0]).toMatchObject({
      subject: expect.stringContaining('Trần Thị Bình'),
      body: expect.stringContaining('Hạn: 20/05/2025'),
      kind: 'REMINDER',
      stage: 'CELL_RESOLUTION',
      publishedAt: '2025-05-17T07:04:00.000Z',
    });

    expect((await json('role=approver&unit=dd-kdn')).body.notifications).toHaveLength(1);
    expect((await json('role=approver&unit=dd-xltbd-kythuat')).body.notifications).toEqual([]);
    expect((await json('role=committee-officer&unit=dd-xltbd-kythuat')).body.notifications).toEqual(
      [expect.objectContaining({ messageId: 'm2' })],
    );

    const html = await (
      await fetch(`${base}/inbox?role=cell-officer&unit=dd-xltbd-kythuat`)
    ).text();
    expect(html).toContain('Trần Thị Bình');
    expect(html).toContain('Nguyễn Văn An');
    expect(html).not.toContain('Wrong Role');
    expect(html).not.toContain('Wrong Unit');
    expect(html).not.toContain('Lê Văn Cường');
    expect(html.indexOf('Trần Thị Bình')).toBeLessThan(html.indexOf('Nguyễn Văn An'));
    expect(html).toContain('17/05/2025 14:04'); // Vietnam time, UTC+7
  });

  it("with user=, shows that user's own mail and mail for no one in particular", async () => {
    publish('approver', 'dd-kdn', 'Cho Ai Cũng', { stage: 'ADMISSION_DECISION' });
    for (const userId of ['u-1', 'u-2']) {
      publish('approver', 'dd-kdn', `Cho ${userId}`, { stage: 'ADMISSION_DECISION' });
      const last = store.list().at(-1)!;
      (last.attributes as Record<string, string>).userId = userId;
    }
    const ids = (body: { notifications: { messageId: string }[] }) =>
      body.notifications.map((n) => n.messageId);
    expect(ids((await json('role=approver&unit=dd-kdn&user=u-1')).body)).toEqual(['m2', 'm1']);
    expect(ids((await json('role=approver&unit=dd-kdn')).body)).toEqual(['m3', 'm2', 'm1']);
    const mine = await json('role=approver&unit=dd-kdn&user=u-2');
    expect(mine.body.userId).toBe('u-2');
    expect(mine.body.notifications[0]).toMatchObject({ messageId: 'm3', userId: 'u-2' });
  });

  it('serves HTML, Vietnamese first with English beside', async () => {
    publish('cell-officer', 'dd-tbdl1', 'Nguyễn Văn An');
    const res = await fetch(`${base}/inbox?role=cell-officer&unit=dd-tbdl1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="vi">');
    expect(html).toMatch(/Hộp thư thông báo <span class="en">\/ Notification inbox<\/span>/);
  });

  it('shows a name with <script> escaped, never as markup', async () => {
    publish('cell-officer', 'dd-tbdl1', '<script>alert("x")</script> Nguyễn & Co');
    const html = await (await fetch(`${base}/inbox?role=cell-officer&unit=dd-tbdl1`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Nguyễn &amp; Co');

    const query = await (
      await fetch(
        `${base}/inbox?role=${encodeURIComponent('<b>x</b>')}&unit=${encodeURIComponent('"><img>')}`,
      )
    ).text();
    expect(query).not.toMatch(/<b>x|"><img>/);
    expect(query).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('makes the link a clickable anchor, and only for http(s)', async () => {
    const link = 'https://admission.example.vn/approve/c1?token=a&b="c"';
    publish('approver', 'dd-kdn', 'Nguyễn Văn An', { stage: 'ADMISSION_DECISION', link });
    store.append({
      messageId: 'evil',
      topicArn: TOPIC,
      message: 'x',
      attributes: { role: 'approver', unitId: 'dd-kdn', link: 'javascript:alert(1)' },
      publishedAt: '2025-05-17T08:00:00.000Z',
    });
    const html = await (await fetch(`${base}/inbox?role=approver&unit=dd-kdn`)).text();
    const anchors = [...html.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1]);
    expect(anchors).toEqual(['https://admission.example.vn/approve/c1?token=a&amp;b=%22c%22']);
    expect(html).not.toContain('javascript:');
    const { body } = await json('role=approver&unit=dd-kdn');
    expect(body.notifications.map((n: { link?: string }) => n.link)).toEqual([
      undefined,
      'https://admission.example.vn/approve/c1?token=a&b=%22c%22',
    ]);
  });

  it('lists the inboxes that have mail when role or unit is missing; JSON refuses', async () => {
    publish('approver', 'dd-kdn', 'A');
    publish('approver', 'dd-kdn', 'B');
    publish('cell-officer', 'dd-tbdl1', 'C');
    const html = await (await fetch(`${base}/inbox`)).text();
    expect(html).toContain(
      '<a href="/inbox?role=approver&amp;unit=dd-kdn">approver @ dd-kdn</a> (2)',
    );
    expect(html).toContain('cell-officer @ dd-tbdl1</a> (1)');
    const { status, body } = await json('role=approver');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_QUERY', field: 'unit' });
  });

  it('handles only its own paths and methods', async () => {
    expect((await fetch(`${base}/candidates`)).status).toBe(404);
    expect(await (await fetch(`${base}/inboxes`)).text()).toContain('ROUTE_NOT_FOUND');
    const post = await fetch(`${base}/inbox.json?role=a&unit=b`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
