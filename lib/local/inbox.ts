/**
 * The local stand-in for an SNS subscription with a filter policy on `role` and `unitId`: a page
 * per role and unit listing the notifications addressed to it, newest first.
 *
 *   GET /inbox?role=approver&unit=dd-kdn        HTML (Vietnamese first, English beside)
 *   GET /inbox.json?role=approver&unit=dd-kdn   the same as JSON
 *   GET /inbox?…&user=<sub>                     only that user's own mail and untargeted mail
 *   GET /inbox?user=<sub>                       the e-mail delivered to that person (local SES)
 *   GET /inbox                                  the recipients that have mail, with links
 *
 * `createInboxHandler` returns a Node request listener that answers only these paths and returns
 * `false` for anything else, so it can sit in front of the local HTTP API's routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PublishedMessage, PublishedMessageStore } from './published-messages';
import { escapeHtml } from '../../functions/domain/escape-html';

export type InboxHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

interface InboxEntry {
  messageId: string;
  subject?: string;
  body: string;
  publishedAt: string;
  kind?: string;
  stage?: string;
  link?: string;
  /** The one user the notification is for, if any. */
  userId?: string;
  /** E-mail: the candidate it is about and the address it went to. */
  candidateId?: string;
  to?: string;
}

interface InboxRecipient {
  role: string;
  unitId: string;
  count: number;
}

/**
 * Notifications whose `role` and `unitId` attributes are exactly these, newest first. With
 * `userId`, only those for that user (their `userId` attribute, e.g. an approver's own link) and
 * those for no one in particular; without it, all of them.
 */
function inboxOf(
  store: Pick<PublishedMessageStore, 'list'>,
  role: string,
  unitId: string,
  userId?: string,
): InboxEntry[] {
  return store
    .list()
    .filter((m) => m.attributes.role === role && m.attributes.unitId === unitId)
    .filter((m) => !userId || m.attributes.userId === undefined || m.attributes.userId === userId)
    .sort((a, b) => b.sequence - a.sequence)
    .map(toEntry);
}

/** The e-mail sent to one person (their `userId` tag), newest first. */
function deliveriesOf(mail: Pick<PublishedMessageStore, 'list'>, userId: string): InboxEntry[] {
  return mail
    .list()
    .filter((m) => m.attributes.userId === userId)
    .sort((a, b) => b.sequence - a.sequence)
    .map(toEntry);
}

/** Every (role, unit) that has at least one notification. */
function recipientsWithMail(store: Pick<PublishedMessageStore, 'list'>): InboxRecipient[] {
  const counts = new Map<string, InboxRecipient>();
  for (const { attributes } of store.list()) {
    if (!attributes.role || !attributes.unitId) continue;
    const key = JSON.stringify([attributes.role, attributes.unitId]);
    const recipient = counts.get(key) ?? {
      role: attributes.role,
      unitId: attributes.unitId,
      count: 0,
    };
    recipient.count += 1;
    counts.set(key, recipient);
  }
  return [...counts.values()].sort(
    (a, b) => a.unitId.localeCompare(b.unitId) || a.role.localeCompare(b.role),
  );
}

function toEntry(m: PublishedMessage): InboxEntry {
  const link = safeLink(m.attributes.link);
  return {
    messageId: m.messageId,
    ...(m.subject !== undefined ? { subject: m.subject } : {}),
    body: m.message,
    publishedAt: m.publishedAt,
    ...(m.attributes.kind ? { kind: m.attributes.kind } : {}),
    ...(m.attributes.stage ? { stage: m.attributes.stage } : {}),
    ...(link ? { link } : {}),
    ...(m.attributes.userId ? { userId: m.attributes.userId } : {}),
    ...(m.attributes.candidateId ? { candidateId: m.attributes.candidateId } : {}),
    ...(m.attributes.to ? { to: m.attributes.to } : {}),
  };
}

/** Only http(s) links become anchors; anything else (`javascript:` …) is dropped. */
function safeLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

const KIND_LABELS: Record<string, string> = {
  PARKED: 'Chờ xử lý / Awaiting action',
  REMINDER: 'Nhắc việc / Reminder',
  ESCALATION: 'Quá hạn / Overdue',
  NOMINATION_CONFLICT: 'Giới thiệu trùng hồ sơ / Nomination meets an open file',
};

const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `17/05/2025 14:03` in Vietnam time. */
function vietnameseTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : VIETNAM_TIME.format(date).replace(',', '');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
article{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
h2{font-size:1.05rem;margin:.2rem 0}.meta{color:#555;font-size:.9rem}
pre{white-space:pre-wrap;font-family:inherit;margin:.5rem 0}.en{color:#555}`;

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${content}
</body>
</html>
`;
}

function inboxPage(role: string, unitId: string, entries: InboxEntry[], userId?: string): string {
  const heading = `Hộp thư thông báo <span class="en">/ Notification inbox</span>`;
  const who =
    `<p class="meta">Vai trò <span class="en">/ role</span>: <strong>${escapeHtml(role)}</strong> · ` +
    `Đơn vị <span class="en">/ unit</span>: <strong>${escapeHtml(unitId)}</strong> · ` +
    (userId
      ? `Người nhận <span class="en">/ user</span>: <strong>${escapeHtml(userId)}</strong> · `
      : '') +
    `${entries.length} thông báo <span class="en">/ notification(s)</span></p>`;
  const items = entries.length
    ? entries
        .map(
          (e) =>
            `<article>
<h2>${escapeHtml(e.subject ?? '(không tiêu đề / no subject)')}</h2>
<p class="meta"><time datetime="${escapeHtml(e.publishedAt)}">${escapeHtml(vietnameseTime(e.publishedAt))}</time>` +
            `${e.kind ? ` · ${escapeHtml(KIND_LABELS[e.kind] ?? e.kind)}` : ''}` +
            `${e.stage ? ` · ${escapeHtml(e.stage)}` : ''}</p>
<pre>${escapeHtml(e.body)}</pre>
${e.link ? `<p><a href="${escapeHtml(e.link)}">Mở hồ sơ <span class="en">/ Open</span></a></p>\n` : ''}</article>`,
        )
        .join('\n')
    : '<p>Chưa có thông báo nào. <span class="en">/ No notifications yet.</span></p>';
  return page(`Hộp thư / Inbox — ${role} @ ${unitId}`, `<h1>${heading}</h1>\n${who}\n${items}`);
}

function indexPage(recipients: InboxRecipient[]): string {
  const list = recipients.length
    ? `<ul>\n${recipients
        .map((r) => {
          const href = `/inbox?${new URLSearchParams({ role: r.role, unit: r.unitId })}`;
          return `<li><a href="${escapeHtml(href)}">${escapeHtml(r.role)} @ ${escapeHtml(r.unitId)}</a> (${r.count})</li>`;
        })
        .join('\n')}\n</ul>`
    : '<p>Chưa có thông báo nào. <span class="en">/ No notifications yet.</span></p>';
  return page(
    'Hộp thư / Inboxes',
    `<h1>Hộp thư thông báo <span class="en">/ Notification inboxes</span></h1>
<p>Mở hộp thư theo vai trò và đơn vị <span class="en">/ open an inbox by role and unit</span>:
<code>/inbox?role=&lt;role&gt;&amp;unit=&lt;unitId&gt;</code></p>
${list}`,
  );
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

export function createInboxHandler(
  store: Pick<PublishedMessageStore, 'list'>,
  mail: Pick<PublishedMessageStore, 'list'> = { list: () => [] },
): InboxHandler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== '/inbox' && path !== '/inbox.json') return false;
    const json = path === '/inbox.json';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendJson(res, 405, {
        code: 'METHOD_NOT_ALLOWED',
        message: 'Chỉ hỗ trợ GET',
        message_en: 'Only GET is supported',
      });
      return true;
    }
    const role = url.searchParams.get('role')?.trim() ?? '';
    const unitId = url.searchParams.get('unit')?.trim() ?? '';
    const person = url.searchParams.get('user')?.trim() ?? '';
    if (person && !role && !unitId) {
      const entries = deliveriesOf(mail, person);
      if (json) sendJson(res, 200, { userId: person, deliveries: entries });
      else send(res, 200, 'text/html; charset=utf-8', inboxPage('e-mail', '—', entries, person));
      return true;
    }
    if (!role || !unitId) {
      if (json) {
        sendJson(res, 400, {
          code: 'INVALID_QUERY',
          message: 'Cần tham số role và unit',
          message_en: 'The role and unit query parameters are required',
          field: role ? 'unit' : 'role',
          details: { recipients: recipientsWithMail(store) },
        });
      } else {
        send(res, 200, 'text/html; charset=utf-8', indexPage(recipientsWithMail(store)));
      }
      return true;
    }
    const userId = url.searchParams.get('user')?.trim() || undefined;
    const entries = inboxOf(store, role, unitId, userId);
    if (json) {
      sendJson(res, 200, { role, unitId, ...(userId ? { userId } : {}), notifications: entries });
    } else {
      send(res, 200, 'text/html; charset=utf-8', inboxPage(role, unitId, entries, userId));
    }
    return true;
  };
}
