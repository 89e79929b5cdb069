import { type StageNotification } from './notification';
import { escapeHtml } from './escape-html';

/** A rendered e-mail: Vietnamese first, English below, plain text and HTML alike. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER_VI =
  'Thư gửi tự động từ hệ thống kết nạp đảng viên. Xem lại các thông báo đã nhận: GET /me/deliveries.';
const FOOTER_EN =
  'Sent automatically by the admission pipeline. Review what was sent to you: GET /me/deliveries.';

/**
 * The e-mail a person receives for a notification: a greeting by name, the notification's own
 * bilingual body (which names the candidate and nothing else personal), the link as a button,
 * and a footer. The subject is the notification's (UTF-8: SES encodes it, no transliteration).
 */
export function renderEmail(notification: StageNotification, recipientName: string): RenderedEmail {
  const greeting = `Kính gửi đồng chí ${recipientName},`;
  const greetingEn = `Dear ${recipientName},`;
  const text = [greeting, '', notification.body, '', '--', FOOTER_VI, FOOTER_EN].join('\n');
  const [vi, en = ''] = notification.body.split('\n\n---\n\n');
  const paragraphs = (block: string) =>
    block
      .split('\n')
      .map((line) => `<p style="margin:.3em 0">${escapeHtml(line)}</p>`)
      .join('');
  const button = notification.link
    ? `<p style="margin:1em 0"><a href="${escapeHtml(notification.link)}" style="background:#b71c1c;color:#fff;padding:.6em 1.2em;border-radius:4px;text-decoration:none">Mở hồ sơ / Open</a></p>`
    : '';
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(notification.subject)}</title></head>
<body style="font-family:Arial,sans-serif;color:#222;max-width:40em">
<p>${escapeHtml(greeting)}</p>${paragraphs(vi)}${button}
<hr><div lang="en" style="color:#555"><p>${escapeHtml(greetingEn)}</p>${paragraphs(en)}</div>
<hr><p style="color:#777;font-size:.85em">${escapeHtml(FOOTER_VI)}<br>${escapeHtml(FOOTER_EN)}</p>
</body></html>`;
  return { subject: notification.subject, text, html };
}
