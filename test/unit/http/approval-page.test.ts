import { createHash } from 'node:crypto';
import * as vm from 'node:vm';
import type {
  ApprovalDetailsView,
  RecordedApprovalDecision,
} from '../../../functions/services/approval-details-view';
import {
  APPROVAL_PAGE_CSP,
  APPROVAL_PAGE_HEADERS,
  APPROVAL_PAGE_TEST_IDS,
  renderApprovalShell,
} from '../../../functions/http/approval-page';

const ID = 'AWxvbmctb3BhcXVlLWlkX3dpdGgtZGFzaGVz';

describe('approval page shell', () => {
  const html = renderApprovalShell(ID);
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
  const style = /<style>([\s\S]*)<\/style>/.exec(html)![1];

  it('is the same page for every id: no data, only the id it was asked for', () => {
    const other = renderApprovalShell('BBBB');
    expect(other.replace('content="BBBB"', `content="${ID}"`)).toBe(html);
    expect(html).toContain(`<meta name="approval-id" content="${ID}">`);
    expect(html).not.toMatch(/\b\d{9,12}\b/);
  });

  it('does not echo anything that is not an approval id', () => {
    for (const hostile of ['"><script>alert(1)</script>', 'a b', 'x'.repeat(2000), '../x']) {
      const page = renderApprovalShell(hostile);
      expect(page).toContain('<meta name="approval-id" content="">');
      expect(page).not.toContain('alert(1)');
    }
  });

  it('has every stable test id', () => {
    expect(APPROVAL_PAGE_TEST_IDS).toEqual([
      'approve',
      'reject',
      'request-info',
      'decision-number',
      'decision-date',
      'reason',
      'submit',
      'recorded-decision',
      'error',
    ]);
    // The error box is in the markup; the rest are made by the script (run below).
    expect(html).toContain('<div data-testid="error" role="alert" hidden></div>');
    for (const id of APPROVAL_PAGE_TEST_IDS.filter((t) => t !== 'error')) {
      expect(script).toContain(`'${id}'`);
    }
  });

  it('loads nothing external and allows only its own script, style and same-origin fetches', () => {
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
    const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(APPROVAL_PAGE_CSP).toContain(`script-src '${hash(script)}'`);
    expect(APPROVAL_PAGE_CSP).toContain(`style-src '${hash(style)}'`);
    expect(APPROVAL_PAGE_CSP).toMatch(/default-src 'none'/);
    expect(APPROVAL_PAGE_CSP).toMatch(/connect-src 'self'/);
    expect(APPROVAL_PAGE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${APPROVAL_PAGE_CSP.replace(/'/g, '&#39;')}">`,
    );
    expect(APPROVAL_PAGE_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(APPROVAL_PAGE_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });

  it('never parses server data as HTML', () => {
    expect(script).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/,
    );
    expect(() => new vm.Script(script)).not.toThrow();
  });
});

/* ---------- the script run against a small fake DOM ---------- */

type Listener = (event: { preventDefault(): void }) => void;

class FakeNode {
  attributes = new Map<string, string>();
  children: FakeNode[] = [];
  parentNode: FakeNode | null = null;
  listeners = new Map<string, Listener[]>();
  value = '';
  checked = false;
  disabled = false;
  constructor(
    readonly tagName: string,
    readonly text?: string,
  ) {}
  get firstChild() {
    return this.children[0] ?? null;
  }
  appendChild(child: FakeNode) {
    child.parentNode = this;
    this.children.push(child);
    return child;
  }
  removeChild(child: FakeNode) {
    this.children = this.children.filter((c) => c !== child);
    child.parentNode = null;
    return child;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
    if (name === 'value') this.value = value;
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  get hidden() {
    return this.attributes.has('hidden');
  }
  set hidden(on: boolean) {
    if (on) this.attributes.set('hidden', '');
    else this.attributes.delete('hidden');
  }
  get textContent(): string {
    return this.text ?? this.children.map((c) => c.textContent).join('');
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string) {
    for (const listener of this.listeners.get(type) ?? []) listener({ preventDefault() {} });
  }
  private matches(selector: string): boolean {
    const m = /^(\w+)?(?:\[([\w-]+)(?:="([^"]*)")?\])?(:checked)?$/.exec(selector);
    if (!m) throw new Error(`fake DOM cannot select ${selector}`);
    const [, tag, attr, value, checked] = m;
    if (tag && this.tagName !== tag) return false;
    if (attr && !this.attributes.has(attr)) return false;
    if (attr && value !== undefined && this.attributes.get(attr) !== value) return false;
    return !checked || this.checked;
  }
  querySelectorAll(selector: string): FakeNode[] {
    const found: FakeNode[] = [];
    const walk = (node: FakeNode) => {
      for (const child of node.children) {
        if (child.text === undefined && child.matches(selector)) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }
  querySelector(selector: string) {
    return this.querySelectorAll(selector)[0] ?? null;
  }
  byTestId(id: string) {
    return this.querySelector(`[data-testid="${id}"]`);
  }
}

interface FakeResponse {
  status: number;
  body?: unknown;
}

function runPage(options: {
  hash?: string;
  stored?: string;
  responses: Record<string, FakeResponse | ((body: unknown) => FakeResponse)>;
}) {
  const html = renderApprovalShell(ID);
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
  const root = new FakeNode('html');
  const meta = root.appendChild(new FakeNode('meta'));
  meta.setAttribute('name', 'approval-id');
  meta.setAttribute('content', /name="approval-id" content="([^"]*)"/.exec(html)![1]);
  const error = root.appendChild(new FakeNode('div'));
  error.setAttribute('data-testid', 'error');
  error.hidden = true;
  const app = root.appendChild(new FakeNode('div'));
  app.setAttribute('id', 'app');

  const storage = new Map<string, string>(options.stored ? [['token', options.stored]] : []);
  const location = {
    pathname: `/prod/approvals/${ID}`,
    search: '',
    hash: options.hash ?? '',
  };
  const requests: { url: string; init: Record<string, unknown> }[] = [];
  const document = {
    getElementById: (id: string) => root.querySelector(`[id="${id}"]`),
    querySelector: (s: string) => root.querySelector(s),
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (text: string) => new FakeNode('#text', text),
  };
  vm.runInNewContext(script, {
    document,
    location,
    history: {
      replaceState: (_s: unknown, _t: string, url: string) => {
        location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
      },
    },
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => storage.set(k, v),
    },
    window: { crypto: { randomUUID: () => '11111111-2222-4333-8444-555555555555' } },
    fetch: (url: string, init: Record<string, unknown>) => {
      requests.push({ url, init });
      const key = `${init.method} ${url}`;
      const answer = options.responses[key];
      if (!answer) return Promise.reject(new Error(`unexpected ${key}`));
      const r =
        typeof answer === 'function'
          ? answer(init.body ? JSON.parse(String(init.body)) : undefined)
          : answer;
      return Promise.resolve({
        status: r.status,
        ok: r.status >= 200 && r.status < 300,
        text: () => Promise.resolve(r.body === undefined ? '' : JSON.stringify(r.body)),
      });
    },
  });
  return { root, app, error, storage, location, requests };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const DETAILS = `GET /prod/approvals/${ID}/details`;
const DECISION = `POST /prod/approvals/${ID}/decision`;

const VIEW: ApprovalDetailsView = {
  candidate: {
    id: 'c1',
    fullName: 'Nguyễn Văn <b>An</b>',
    unitId: 'dd-xltbd-kythuat',
    unitName: 'Chi bộ Kỹ thuật',
  },
  stage: 'ADMISSION_DECISION',
  stageLabel: 'Quyết định kết nạp',
  stageLabelEn: 'Admission decision',
  deadline: '2025-06-20',
  linkExpiresAt: '2025-06-08T08:00:00.000Z',
  dossier: {
    awarenessClass: {
      result: 'PASSED',
      certificateNumber: 'CN-NTVĐ 1234/2025',
      issuedOn: '2025-02-14',
    },
    application: { applicationReceivedOn: '2025-02-20', backgroundFormReceivedOn: '2025-02-21' },
    backgroundCheck: { completedOn: '2025-04-01', result: 'CLEARED' },
    sponsors: [{ kind: 'MEMBER', name: 'Trần Thị Bình', documentDate: '2025-04-10' }],
    cellVote: {
      meetingDate: '2025-04-20',
      votesFor: 7,
      votesAgainst: 1,
      denominator: 8,
      passed: true,
    },
    grassrootsVote: {
      meetingDate: '2025-05-05',
      votesFor: 6,
      votesAgainst: 1,
      committeeMembers: 7,
      passed: true,
    },
  },
  documents: [
    { code: '1-KNĐ', label: 'Đơn xin vào Đảng', labelEn: 'Application', present: true },
    { code: '9-KNĐ', label: 'Quyết định kết nạp', labelEn: 'Admission decision', present: false },
  ],
};
const RECORDED: RecordedApprovalDecision = {
  decision: 'APPROVE',
  decisionNumber: '125-QĐ/ĐUK',
  decisionDate: '2025-06-02',
  decidedAt: '2025-06-02T09:00:00.000Z',
  decidedByName: 'Lê Văn Cường',
};

describe('approval page script', () => {
  it('takes the token from the fragment, stores it, removes it, and sends it as Bearer', async () => {
    const page = runPage({
      hash: '#token=abc.def.ghi',
      responses: { [DETAILS]: { status: 200, body: VIEW } },
    });
    await settle();
    expect(page.storage.get('token')).toBe('abc.def.ghi');
    expect(page.location.hash).toBe('');
    expect(page.requests[0].init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      headers: { Authorization: 'Bearer abc.def.ghi' },
    });
  });

  it('renders the dossier as text and the decision form', async () => {
    const page = runPage({ stored: 'tok', responses: { [DETAILS]: { status: 200, body: VIEW } } });
    await settle();
    const text = page.app.textContent;
    expect(text).toContain('Nguyễn Văn <b>An</b>'); // as text: no element was made from it
    expect(page.app.querySelectorAll('b')).toHaveLength(0);
    for (const expected of [
      'Chi bộ Kỹ thuật',
      'Quyết định kết nạp',
      '2025-06-20',
      'CN-NTVĐ 1234/2025',
      'Trần Thị Bình',
      'Tán thành 7, không tán thành 1, trên tổng số 8',
    ]) {
      expect(text).toContain(expected);
    }
    expect(page.app.querySelector('[data-document="9-KNĐ"]')!.getAttribute('class')).toBe(
      'missing',
    );
    for (const id of [
      'approve',
      'reject',
      'request-info',
      'decision-number',
      'decision-date',
      'reason',
      'submit',
    ]) {
      expect(page.app.byTestId(id)).not.toBeNull();
    }
    expect(page.error.hidden).toBe(true);
  });

  it('requires a decision number to approve, then POSTs and shows the recorded decision', async () => {
    const posted: unknown[] = [];
    const page = runPage({
      stored: 'tok',
      responses: {
        [DETAILS]: { status: 200, body: VIEW },
        [DECISION]: (body) => {
          posted.push(body);
          return { status: 200, body: { decision: RECORDED } };
        },
      },
    });
    await settle();
    const form = page.app.querySelector('form')!;
    page.app.byTestId('approve')!.checked = true;
    form.dispatch('submit');
    await settle();
    expect(posted).toHaveLength(0);
    expect(page.error.hidden).toBe(false);
    expect(page.error.textContent).toContain('số quyết định');

    page.app.byTestId('decision-number')!.value = '125-QĐ/ĐUK';
    page.app.byTestId('decision-date')!.value = '2025-06-02';
    form.dispatch('submit');
    await settle();
    expect(posted).toEqual([
      { decision: 'APPROVE', decisionNumber: '125-QĐ/ĐUK', decisionDate: '2025-06-02' },
    ]);
    const decisionRequest = page.requests.find((r) => r.init.method === 'POST')!;
    expect(decisionRequest.init.headers).toMatchObject({
      'Content-Type': 'application/json',
      'Idempotency-Key': expect.stringMatching(/^[A-Za-z0-9._:-]{8,128}$/),
    });
    const recorded = page.app.byTestId('recorded-decision')!;
    expect(recorded.getAttribute('data-decision')).toBe('APPROVE');
    expect(recorded.textContent).toContain('125-QĐ/ĐUK');
    expect(page.app.querySelector('form')).toBeNull();
  });

  it('requires a reason to reject or request information', async () => {
    const posted: unknown[] = [];
    const page = runPage({
      stored: 'tok',
      responses: {
        [DETAILS]: { status: 200, body: VIEW },
        [DECISION]: (body) => {
          posted.push(body);
          return {
            status: 200,
            body: { decision: { ...RECORDED, decision: 'REQUEST_INFO', reason: 'Thiếu 2-KNĐ' } },
          };
        },
      },
    });
    await settle();
    const form = page.app.querySelector('form')!;
    page.app.byTestId('request-info')!.checked = true;
    form.dispatch('submit');
    await settle();
    expect(posted).toHaveLength(0);
    page.app.byTestId('reason')!.value = ' Thiếu 2-KNĐ ';
    form.dispatch('submit');
    await settle();
    expect(posted).toEqual([
      { decision: 'REQUEST_INFO', decisionDate: expect.any(String), reason: 'Thiếu 2-KNĐ' },
    ]);
    expect(page.app.byTestId('recorded-decision')!.getAttribute('data-decision')).toBe(
      'REQUEST_INFO',
    );
  });

  it('shows an already recorded decision instead of the form', async () => {
    const page = runPage({
      stored: 'tok',
      responses: { [DETAILS]: { status: 200, body: { ...VIEW, decision: RECORDED } } },
    });
    await settle();
    expect(page.app.byTestId('recorded-decision')!.textContent).toContain('125-QĐ/ĐUK');
    expect(page.app.byTestId('approve')).toBeNull();
    expect(page.error.hidden).toBe(true);
  });

  it('shows the Vietnamese and English message of a refusal', async () => {
    const page = runPage({
      stored: 'tok',
      responses: {
        [DETAILS]: {
          status: 404,
          body: {
            code: 'APPROVAL_LINK_OTHER_USER',
            message: 'Liên kết phê duyệt này không dành cho tài khoản đang đăng nhập',
            message_en: 'This approval link was not sent to the signed-in account',
          },
        },
      },
    });
    await settle();
    expect(page.error.hidden).toBe(false);
    expect(page.error.textContent).toContain('không dành cho tài khoản');
    expect(page.error.textContent).toContain('not sent to the signed-in account');
    expect(page.app.querySelector('form')).toBeNull();
  });

  it('says so, and calls nothing, without a token', async () => {
    const page = runPage({ responses: {} });
    await settle();
    expect(page.requests).toHaveLength(0);
    expect(page.error.textContent).toContain('Chưa đăng nhập');
  });
});
