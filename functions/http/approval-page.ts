import { createHash } from 'node:crypto';
import { PIPELINE } from '../domain/pipeline';
import { escapeHtml } from '../domain/escape-html';
import { SHARED_PAGE_STYLE } from './page-style';
export { escapeHtml };

/**
 * The approval page behind a notification's link, `GET /approvals/{approvalId}`. It is served
 * without authentication and holds no data at all, so a mail scanner that prefetches it learns
 * nothing and decides nothing. Its inline script takes the officer's token (sessionStorage
 * `token`, or a `#token=…` fragment, which browsers never send to a server, and which it removes
 * from the address bar at once), then:
 *
 *   GET  {approvalPath}/details   (Bearer token) → ApprovalDetailsView (approval-contract.ts)
 *   POST {approvalPath}/decision  (Bearer token, JSON, Idempotency-Key) → { decision }
 *
 * Everything the server sends is put in the page with textContent, never parsed as HTML, and the
 * Content-Security-Policy admits only this script and style (by hash) and same-origin fetches.
 * Vietnamese first, English beside it.
 */

const TEST_IDS = [
  'approve',
  'reject',
  'request-info',
  'decision-number',
  'decision-date',
  'reason',
  'submit',
  'recorded-decision',
  'error',
] as const;
export type ApprovalPageTestId = (typeof TEST_IDS)[number];
/** The ids the page's tests find its parts by. @internal */
export const APPROVAL_PAGE_TEST_IDS: readonly ApprovalPageTestId[] = TEST_IDS;

const STAGE_LABELS = Object.fromEntries(
  PIPELINE.map((stage) => [stage.id, { vi: stage.label, en: stage.labelEn }]),
);

/** JSON that is safe inside an inline <script>: no `</script>`, no HTML comment openers. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The console's look (page-style.ts) and the few rules of this page. */
const STYLE = `${SHARED_PAGE_STYLE}
main { max-width: 46rem; }
dl { grid-template-columns: minmax(10rem, 16rem) 1fr; }
label { margin: .35rem 0; }
input[type=text], input[type=date], textarea { width: 100%; }
textarea { min-height: 5rem; }
`;

/* The script is ES2017 without modules; it never assigns HTML, only text nodes. */
const SCRIPT = `
(function () {
  'use strict';
  var STAGES = ${scriptJson(STAGE_LABELS)};
  var DECISIONS = {
    APPROVE: ['Đồng ý kết nạp', 'Approve'],
    REJECT: ['Không đồng ý kết nạp', 'Reject'],
    REQUEST_INFO: ['Yêu cầu bổ sung hồ sơ', 'Request more information']
  };
  var SPONSOR_KINDS = {
    MEMBER: ['Đảng viên chính thức', 'Full member'],
    YOUTH_UNION_RESOLUTION: ['Nghị quyết Đoàn Thanh niên', 'Youth Union resolution'],
    TRADE_UNION_RESOLUTION: ['Nghị quyết Công đoàn', 'Trade Union resolution']
  };
  var app = document.getElementById('app');
  var errorBox = document.querySelector('[data-testid="error"]');
  var idMeta = document.querySelector('meta[name="approval-id"]');
  var approvalId = idMeta ? idMeta.getAttribute('content') : '';
  var idempotencyKey = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== undefined && attrs[name] !== null && attrs[name] !== false) {
        node.setAttribute(name, attrs[name] === true ? '' : String(attrs[name]));
      }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    });
    return node;
  }
  function bi(vi, en) {
    return el('span', {}, [vi, ' ', el('span', { 'class': 'en', lang: 'en' }, ['/ ' + en])]);
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function showError(vi, en) {
    clear(errorBox);
    errorBox.appendChild(el('p', {}, [vi]));
    if (en) errorBox.appendChild(el('p', { 'class': 'en', lang: 'en' }, [en]));
    errorBox.hidden = false;
  }
  function hideError() { clear(errorBox); errorBox.hidden = true; }
  function showRefusal(status, body) {
    if (body && typeof body.message === 'string') {
      showError(body.message, typeof body.message_en === 'string' ? body.message_en : '');
    } else if (status === 401) {
      showError('Phiên đăng nhập đã hết hoặc chưa đăng nhập; hãy đăng nhập lại.',
        'You are not signed in or your session expired; sign in again.');
    } else {
      showError('Không tải được dữ liệu (mã ' + status + '); hãy thử lại.',
        'Could not load the data (status ' + status + '); try again.');
    }
  }

  function takeToken() {
    var fragment = location.hash.replace(/^#/, '');
    var match = /(?:^|&)token=([^&]*)/.exec(fragment);
    var token = null;
    if (match) {
      try { token = decodeURIComponent(match[1]); } catch (e) { token = null; }
      try { if (token) sessionStorage.setItem('token', token); } catch (e) { /* storage off */ }
      history.replaceState(null, '', location.pathname + location.search);
    }
    if (!token) {
      try { token = sessionStorage.getItem('token'); } catch (e) { token = null; }
    }
    return token;
  }
  var token = takeToken();

  function basePath() {
    var path = location.pathname;
    var at = path.lastIndexOf('/approvals/');
    var prefix = at >= 0 ? path.slice(0, at) : '';
    return prefix + '/approvals/' + encodeURIComponent(approvalId);
  }
  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return 'approval-' + window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return 'approval-' + Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }
  function call(method, suffix, body) {
    var headers = { Accept: 'application/json', Authorization: 'Bearer ' + token };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Idempotency-Key'] = idempotencyKey || (idempotencyKey = newKey());
    }
    return fetch(basePath() + suffix, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error'
    }).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: res.status, ok: res.ok, data: data };
      });
    });
  }

  function row(vi, en, value) {
    return [el('dt', {}, [bi(vi, en)]), el('dd', {}, [value === undefined || value === null || value === '' ? '—' : value])];
  }
  function rows(list) {
    var dl = el('dl');
    list.forEach(function (pair) { dl.appendChild(pair[0]); dl.appendChild(pair[1]); });
    return dl;
  }
  function yesNo(passed, vi, en) {
    return passed ? bi('Đạt', 'Passed') : bi(vi || 'Không đạt', en || 'Not passed');
  }
  function vote(v, totalLabelVi, totalLabelEn, total) {
    return el('span', {}, [
      'Tán thành ' + v.votesFor + ', không tán thành ' + v.votesAgainst + ', ' + totalLabelVi + ' ' + total + ' — ',
      yesNo(v.passed),
      el('span', { 'class': 'en', lang: 'en' }, [' (for ' + v.votesFor + ', against ' + v.votesAgainst + ', ' + totalLabelEn + ' ' + total + '; ' + v.meetingDate + ')'])
    ]);
  }

  function renderSummary(d) {
    var c = d.candidate || {};
    var stage = STAGES[d.stage] || { vi: d.stageLabel || d.stage, en: d.stageLabelEn || '' };
    app.appendChild(el('h2', {}, [bi('Quần chúng', 'Candidate')]));
    app.appendChild(rows([
      row('Họ và tên', 'Full name', c.fullName),
      row('Đơn vị', 'Unit', c.unitName || c.unitId),
      row('Bước', 'Step', bi(stage.vi, stage.en)),
      row('Hạn quyết định', 'Decide by', d.deadline),
      row('Liên kết hết hạn', 'Link expires', d.linkExpiresAt)
    ]));

    var s = d.dossier || {};
    var summary = [];
    if (s.awarenessClass) {
      var ac = s.awarenessClass;
      summary.push(row('Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng', 'Party awareness class certificate',
        ac.result === 'PASSED' ? (ac.certificateNumber || '') + ' — ' + (ac.issuedOn || '') : bi('Không đạt', 'Failed')));
    }
    if (s.application) {
      summary.push(row('Ngày nhận đơn xin vào Đảng', 'Application received', s.application.applicationReceivedOn));
      summary.push(row('Ngày nhận lý lịch', 'Background form received', s.application.backgroundFormReceivedOn));
    }
    if (s.backgroundCheck) {
      var bc = s.backgroundCheck;
      summary.push(row('Thẩm tra lý lịch', 'Background check', el('span', {}, [
        bc.result === 'CLEARED' ? bi('Đạt', 'Cleared') : bi('Không đạt', 'Not cleared'),
        ' — ' + bc.completedOn + (bc.summary ? '. ' + bc.summary : '')
      ])));
    }
    if (s.sponsors && s.sponsors.length) {
      var list = el('ul');
      s.sponsors.forEach(function (sp) {
        var kind = SPONSOR_KINDS[sp.kind] || [sp.kind, sp.kind];
        list.appendChild(el('li', {}, [sp.name + ' — ', bi(kind[0], kind[1]), ' — ' + sp.documentDate]));
      });
      summary.push(row('Người/tổ chức giới thiệu', 'Sponsors', list));
    }
    if (s.cellVote) {
      summary.push(row('Nghị quyết chi bộ', 'Cell resolution', vote(s.cellVote, 'trên tổng số', 'of', s.cellVote.denominator)));
    }
    if (s.grassrootsVote) {
      summary.push(row('Nghị quyết đảng ủy cơ sở', 'Grassroots committee resolution',
        vote(s.grassrootsVote, 'trên số ủy viên', 'of members', s.grassrootsVote.committeeMembers)));
    }
    app.appendChild(el('h2', {}, [bi('Tóm tắt hồ sơ', 'Dossier summary')]));
    app.appendChild(summary.length ? rows(summary) : el('p', {}, ['—']));

    app.appendChild(el('h2', {}, [bi('Danh mục tài liệu', 'Documents checklist')]));
    var docs = el('ul', { 'class': 'documents' });
    (d.documents || []).forEach(function (doc) {
      docs.appendChild(el('li', { 'class': doc.present ? 'present' : 'missing', 'data-document': doc.code }, [
        doc.code + ' — ', bi(doc.label, doc.labelEn || doc.label), ' — ',
        doc.present ? bi('Có', 'present') : bi('Thiếu', 'missing')
      ]));
    });
    app.appendChild(docs);
  }

  function renderRecorded(decision) {
    var old = document.querySelector('[data-testid="recorded-decision"]');
    if (old) old.parentNode.removeChild(old);
    var form = document.getElementById('decision-form');
    if (form) form.parentNode.removeChild(form);
    var label = DECISIONS[decision.decision] || [decision.decision, decision.decision];
    var box = el('section', { 'data-testid': 'recorded-decision', 'data-decision': decision.decision, role: 'status' }, [
      el('h2', {}, [bi('Quyết định đã ghi nhận', 'Recorded decision')]),
      rows([
        row('Quyết định', 'Decision', bi(label[0], label[1])),
        row('Số quyết định', 'Decision number', decision.decisionNumber),
        row('Ngày quyết định', 'Decision date', decision.decisionDate),
        row('Lý do', 'Reason', decision.reason),
        row('Người quyết định', 'Decided by', decision.decidedByName),
        row('Thời điểm ghi nhận', 'Recorded at', decision.decidedAt)
      ])
    ]);
    app.appendChild(box);
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2) + '-' + ('0' + d.getDate()).slice(-2);
  }

  function renderForm() {
    function choice(testId, value, vi, en) {
      return el('label', {}, [
        el('input', { type: 'radio', name: 'decision', value: value, 'data-testid': testId }),
        ' ', bi(vi, en)
      ]);
    }
    var number = el('input', { type: 'text', id: 'decision-number', name: 'decisionNumber', maxlength: 200, autocomplete: 'off', 'data-testid': 'decision-number' });
    var date = el('input', { type: 'date', id: 'decision-date', name: 'decisionDate', value: today(), 'data-testid': 'decision-date' });
    var reason = el('textarea', { id: 'reason', name: 'reason', maxlength: 2000, 'data-testid': 'reason' });
    var submit = el('button', { type: 'submit', 'data-testid': 'submit' }, [bi('Xác nhận', 'Confirm')]);
    var form = el('form', { id: 'decision-form', method: 'post', novalidate: true }, [
      el('h2', {}, [bi('Quyết định', 'Decision')]),
      el('fieldset', {}, [
        el('legend', {}, [bi('Chọn quyết định', 'Choose a decision')]),
        choice('approve', 'APPROVE', DECISIONS.APPROVE[0], DECISIONS.APPROVE[1]),
        choice('reject', 'REJECT', DECISIONS.REJECT[0], DECISIONS.REJECT[1]),
        choice('request-info', 'REQUEST_INFO', DECISIONS.REQUEST_INFO[0], DECISIONS.REQUEST_INFO[1])
      ]),
      el('label', { 'for': 'decision-number' }, [bi('Số quyết định (bắt buộc khi đồng ý)', 'Decision number (required to approve)')]),
      number,
      el('label', { 'for': 'decision-date' }, [bi('Ngày quyết định', 'Decision date')]),
      date,
      el('label', { 'for': 'reason' }, [bi('Lý do (bắt buộc khi không đồng ý hoặc yêu cầu bổ sung)', 'Reason (required to reject or request information)')]),
      reason,
      el('p', {}, [submit])
    ]);
    form.addEventListener('input', function () { idempotencyKey = null; });
    form.addEventListener('change', function () { idempotencyKey = null; });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      hideError();
      var picked = form.querySelector('input[name="decision"]:checked');
      if (!picked) return showError('Hãy chọn một quyết định.', 'Choose a decision.');
      var body = { decision: picked.value };
      var n = number.value.trim();
      var dt = date.value;
      var r = reason.value.trim();
      if (body.decision === 'APPROVE') {
        if (!n) return showError('Nhập số quyết định kết nạp.', 'Enter the decision number.');
        if (!dt) return showError('Nhập ngày quyết định.', 'Enter the decision date.');
        body.decisionNumber = n;
        body.decisionDate = dt;
      } else if (body.decision === 'REJECT') {
        if (!r) return showError('Nhập lý do không đồng ý.', 'Enter the reason for rejecting.');
        if (!dt) return showError('Nhập ngày quyết định.', 'Enter the decision date.');
        if (n) body.decisionNumber = n;
        body.decisionDate = dt;
        body.reason = r;
      } else {
        if (!r) return showError('Nhập nội dung cần bổ sung.', 'Enter what information is needed.');
        if (dt) body.decisionDate = dt;
        body.reason = r;
      }
      submit.disabled = true;
      call('POST', '/decision', body).then(function (res) {
        submit.disabled = false;
        if (res.ok && res.data && res.data.decision) return renderRecorded(res.data.decision);
        if (res.data && res.data.details && res.data.details.decision) return renderRecorded(res.data.details.decision);
        if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) idempotencyKey = null;
        showRefusal(res.status, res.data);
      }, function () {
        submit.disabled = false;
        showError('Mất kết nối; hãy bấm Xác nhận lần nữa (quyết định không bị ghi hai lần).',
          'Connection lost; press Confirm again (the decision will not be recorded twice).');
      });
    });
    app.appendChild(form);
  }

  if (!approvalId) {
    showError('Liên kết phê duyệt không hợp lệ.', 'The approval link is not valid.');
    return;
  }
  if (!token) {
    showError('Chưa đăng nhập: hãy mở liên kết từ hộp thư trong hệ thống sau khi đăng nhập.',
      'Not signed in: open the link from your inbox in the application after signing in.');
    return;
  }
  call('GET', '/details').then(function (res) {
    if (!res.ok || !res.data) {
      if (res.data && res.data.details && res.data.details.decision) return renderRecorded(res.data.details.decision);
      return showRefusal(res.status, res.data);
    }
    renderSummary(res.data);
    if (res.data.decision) renderRecorded(res.data.decision);
    else renderForm();
  }, function () {
    showError('Không kết nối được máy chủ; hãy tải lại trang.', 'Cannot reach the server; reload the page.');
  });
})();
`;

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** Allows exactly this page's script and style, and fetches to its own origin; nothing else. */
export const APPROVAL_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${cspHash(SCRIPT)}`,
  `style-src ${cspHash(STYLE)}`,
  "connect-src 'self'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers for the shell response; `frame-ancestors` only works as a header, not in <meta>. */
export const APPROVAL_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `${APPROVAL_PAGE_CSP}; frame-ancestors 'none'`,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

const APPROVAL_ID = /^[A-Za-z0-9_-]{1,1024}$/;

/**
 * The page for one approval id. The id is only echoed (escaped) when it has the shape of one;
 * anything else gives the same page with no id, which tells the reader the link is not valid.
 */
export function renderApprovalShell(approvalId: string): string {
  const id = APPROVAL_ID.test(approvalId) ? approvalId : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(APPROVAL_PAGE_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<meta name="approval-id" content="${escapeHtml(id)}">
<title>Phê duyệt kết nạp đảng viên / Admission approval</title>
<style>${STYLE}</style>
</head>
<body>
<header class="banner"><p class="brand">Hệ thống kết nạp đảng viên <span class="en" lang="en">/ Party admission pipeline</span></p></header>
<main>
<h1>Phê duyệt kết nạp đảng viên <span class="en" lang="en">/ Admission approval</span></h1>
<div data-testid="error" role="alert" hidden></div>
<div id="app" aria-live="polite"></div>
<noscript><p>Trang này cần JavaScript. <span class="en" lang="en">/ This page needs JavaScript.</span></p></noscript>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
