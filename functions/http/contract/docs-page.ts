import { createHash } from 'node:crypto';
import { escapeHtml } from '../approval-page';

/**
 * The readable docs page (GET /docs): one self-contained HTML page rendered on the server from
 * the OpenAPI document — no script, no CDN, nothing fetched — so it works offline, under a strict
 * Content-Security-Policy, and shows exactly what GET /openapi.json says.
 */

type Json = Record<string, unknown>;

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header,main{max-width:70rem;margin:auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.6rem;color:#a50f15}
h2{border-bottom:2px solid #a50f15;margin-top:2.5rem}
nav a{margin-right:1rem}
section.op{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
.method{display:inline-block;min-width:4rem;font-weight:700;color:#fff;border-radius:4px;padding:0 .4rem;text-align:center}
.GET{background:#2b6cb0}.POST{background:#2f855a}.PUT{background:#b7791f}.DELETE{background:#c53030}.PATCH{background:#6b46c1}
code,pre{font-family:ui-monospace,monospace;font-size:13px}
pre{background:#f3f3f3;padding:.5rem;overflow:auto;max-height:28rem}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:.25rem .5rem;vertical-align:top;text-align:left}
.public{color:#c53030;font-weight:600}
.conventions{white-space:pre-line;background:#fff;border-left:4px solid #a50f15;padding:.5rem 1rem}
`;

export const DOCS_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  // The one inline style is allowed by its hash; nothing else may load or run.
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${createHash('sha256')
    .update(STYLE)
    .digest('base64')}'; frame-ancestors 'none'`,
  'Cache-Control': 'public, max-age=300',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** Escaped text whose `code spans` show as code. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/** A tag as a fragment id (`work queues` -> `work-queues`). */
const anchor = (name: string) => escapeHtml(name.replace(/\s+/g, '-'));

const json = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function resolve(document: Json, value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json>((node, part) => node[part] as Json, document);
}

function parametersTable(document: Json, parameters: Json[]): string {
  if (!parameters.length) return '';
  const rows = parameters.map((p) => {
    const parameter = resolve(document, p);
    return `<tr><td><code>${escapeHtml(String(parameter.name))}</code></td><td>${escapeHtml(
      String(parameter.in),
    )}</td><td>${parameter.required ? 'bắt buộc / required' : ''}</td><td>${escapeHtml(
      String(parameter.description ?? ''),
    )}</td><td><code>${escapeHtml(JSON.stringify(parameter.schema))}</code></td></tr>`;
  });
  return `<h4>Tham số / Parameters</h4><table><tr><th>name</th><th>in</th><th></th><th>mô tả / description</th><th>schema</th></tr>${rows.join('')}</table>`;
}

const COMPONENT = '#/components/schemas/';

/** A media type's schema: a link to the shared schema it names, or the schema itself. */
function contentBlocks(content: Json | undefined): string {
  if (!content) return '';
  return Object.entries(content)
    .map(([type, media]) => {
      const schema = (media as Json).schema as Json;
      const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
      return ref?.startsWith(COMPONENT)
        ? `<p><code>${escapeHtml(type)}</code>: <a href="#schema-${escapeHtml(ref.slice(COMPONENT.length))}">${escapeHtml(ref.slice(COMPONENT.length))}</a></p>`
        : `<details><summary><code>${escapeHtml(type)}</code></summary>${json(schema)}</details>`;
    })
    .join('');
}

function sharedSchemas(schemas: Json): string {
  return Object.entries(schemas)
    .map(
      ([name, schema]) =>
        `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary>${json(schema)}</details>`,
    )
    .join('\n');
}

function responsesTable(responses: Json): string {
  const rows = Object.entries(responses).map(([status, r]) => {
    const response = r as Json;
    const codes = response['x-error-codes'] as string[] | undefined;
    const [first, ...lines] = String(response.description).split('\n');
    const description = codes
      ? `${prose(first)}<ul>${lines.map((l) => `<li>${prose(l.replace(/^- /, ''))}</li>`).join('')}</ul>`
      : escapeHtml(String(response.description));
    const headers = response.headers
      ? `<p>Headers: ${Object.keys(response.headers as Json)
          .map((h) => `<code>${escapeHtml(h)}</code>`)
          .join(', ')}</p>`
      : '';
    const body = codes ? '' : contentBlocks(response.content as Json | undefined);
    return `<tr><td><b>${escapeHtml(status)}</b></td><td>${description}${headers}${body}</td></tr>`;
  });
  return `<h4>Phản hồi / Responses</h4><table>${rows.join('')}</table>`;
}

function operationSection(document: Json, path: string, method: string, op: Json): string {
  const security = op.security as unknown[];
  const body = op.requestBody as Json | undefined;
  return `<section class="op" id="${escapeHtml(String(op.operationId))}">
<h3><span class="method ${method.toUpperCase()}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p><b>${escapeHtml(String(op['x-summary-vi']))}</b><br>${escapeHtml(String(op['x-summary-en']))}</p>
<p>${prose(String(op.description)).replace(/\n\n/g, '<br>')}</p>
<p>${security.length ? 'JWT: <code>Authorization: Bearer …</code>' : '<span class="public">Công khai / Public (no JWT)</span>'} · operationId <code>${escapeHtml(String(op.operationId))}</code></p>
${parametersTable(document, (op.parameters ?? []) as Json[])}
${body ? `<h4>Nội dung / Request body</h4>${contentBlocks(body.content as Json)}` : ''}
${responsesTable(op.responses as Json)}
</section>`;
}

export function renderDocsPage(document: Json): string {
  const info = document.info as Json;
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const operation = op as Json;
      const tag = (operation.tags as string[])[0];
      byTag.set(tag, [
        ...(byTag.get(tag) ?? []),
        operationSection(document, path, method, operation),
      ]);
    }
  }
  const tags = (document.tags as { name: string; description: string }[]).filter((t) =>
    byTag.has(t.name),
  );
  const components = document.components as Json;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(String(info.title))}</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(String(info.title))}</h1>
<p>OpenAPI ${escapeHtml(String(document.openapi))} · <a href="openapi.json">openapi.json</a> · v${escapeHtml(String(info.version))}</p>
<nav>${tags.map((t) => `<a href="#tag-${anchor(t.name)}">${escapeHtml(t.description)}</a>`).join('')}</nav>
<div class="conventions">${prose(String(info.description))}</div>
<h2>Dạng lỗi / Error shape</h2>${json((components.schemas as Json).Error)}
</header><main>
${tags
  .map(
    (t) =>
      `<h2 id="tag-${anchor(t.name)}">${escapeHtml(t.description)}</h2>${byTag.get(t.name)!.join('\n')}`,
  )
  .join('\n')}
<h2 id="schemas">Lược đồ dùng chung / Shared schemas</h2>
${sharedSchemas(components.schemas as Json)}
</main></body></html>`;
}
