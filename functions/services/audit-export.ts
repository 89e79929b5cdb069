import { randomUUID } from 'node:crypto';
import { type AuditEvent, type AuditPage, type AuditTrail } from '../adapters/candidate-store';
import { type ExportFiles, type ExportLink } from '../adapters/export-files';
import { assertMayExportAudit, isInScope } from '../domain/access';
import { type Caller } from '../domain/caller';
import { type OrgUnit, versionInForce } from '../domain/org-unit';
import { refuse } from '../domain/refusal';
import { unitNotFound } from '../domain/unit-not-found';

export interface AuditRequest {
  unit: string;
  /** YYYY-MM-DD, Vietnam calendar, inclusive. */
  from: string;
  to: string;
  limit: number;
  cursor?: string;
}

export interface AuditExportDeps {
  trail: AuditTrail;
  files: ExportFiles;
}

/** How a whole export is written: the file's type, extension and content. */
export interface ExportFormat {
  contentType: string;
  extension: string;
  render(events: AuditEvent[]): string;
}

/** Pages read to assemble a file: each query reads at most this many events. */
const FILE_READ_PAGE = 1000;
/**
 * The largest file export: about a year of a large province's commands. A longer or wider export
 * is refused (with the period to shorten), not assembled in a function's memory.
 */
const MAX_FILE_EXPORT_EVENTS = 200_000;

export type AuditFile =
  | { kind: 'inline'; filename: string; body: string }
  | { kind: 'link'; filename: string; count: number; link: ExportLink };

/**
 * The unit's versions, once the unit as it is at the period's end is in the caller's scope. One
 * read serves the scope check and every path the subtree's events were filed under.
 */
async function versionsInScope(
  deps: AuditExportDeps,
  caller: Caller,
  request: Omit<AuditRequest, 'cursor'>,
): Promise<OrgUnit[]> {
  assertMayExportAudit(caller);
  const versions = await deps.trail.unitVersions(request.unit);
  const unit = versionInForce(versions, request.to);
  if (!unit || !isInScope(caller, unit.path)) unitNotFound(request.unit, 'unit');
  return versions;
}

const pageOf = (
  deps: AuditExportDeps,
  request: Omit<AuditRequest, 'cursor'>,
  versions: readonly OrgUnit[],
  limit: number,
  cursor?: string,
) =>
  deps.trail.listAuditPage({
    unitId: request.unit,
    versions,
    from: request.from,
    to: request.to,
    limit,
    ...(cursor ? { cursor } : {}),
  });

/** GET /audit (JSON): one page of the subtree's events; `nextCursor` continues it. */
export async function auditPage(
  deps: AuditExportDeps,
  caller: Caller,
  request: AuditRequest,
): Promise<AuditPage> {
  const versions = await versionsInScope(deps, caller, request);
  return pageOf(deps, request, versions, request.limit, request.cursor);
}

/**
 * GET /audit as a file (CSV): the whole period. When it fits in one page (`limit` events) it is
 * the answer's body; beyond, it is read page by page (each read bounded), written to the export
 * store and answered with a short-lived download link.
 */
export async function auditFile(
  deps: AuditExportDeps,
  caller: Caller,
  request: Omit<AuditRequest, 'cursor'>,
  format: ExportFormat,
  maxEvents = MAX_FILE_EXPORT_EVENTS,
): Promise<AuditFile> {
  const versions = await versionsInScope(deps, caller, request);
  const filename = `audit-${request.unit}-${request.from}-${request.to}.${format.extension}`;
  let page = await pageOf(deps, request, versions, request.limit);
  const events = [...page.items];
  if (!page.nextCursor) return { kind: 'inline', filename, body: format.render(events) };
  while (page.nextCursor) {
    page = await pageOf(deps, request, versions, FILE_READ_PAGE, page.nextCursor);
    events.push(...page.items);
    if (events.length > maxEvents) exportTooLarge(maxEvents);
  }
  const link = await deps.files.publish({
    name: `${randomUUID()}/${filename}`,
    contentType: format.contentType,
    filename,
    body: format.render(events),
  });
  return { kind: 'link', filename, count: events.length, link };
}

function exportTooLarge(maxEvents: number): never {
  return refuse('rule', {
    code: 'AUDIT_EXPORT_TOO_LARGE',
    message: `Nhật ký vượt quá ${maxEvents} thao tác; hãy chọn khoảng ngày ngắn hơn hoặc đơn vị nhỏ hơn`,
    message_en: `The audit trail exceeds ${maxEvents} events; choose a shorter period or a smaller unit`,
    field: 'to',
  });
}
