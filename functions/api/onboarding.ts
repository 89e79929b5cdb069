import { awsDependencies, awsWorkflowSchedules } from '../adapters/aws-dependencies';
import { signingKey } from '../adapters/signing-key';
import { assertMayOnboard } from '../domain/access';
import { IMPORT_COLUMNS, importStageGuide } from '../domain/onboarding/columns';
import { rawRows } from '../domain/onboarding/rows';
import {
  columnGuideTable,
  stageGuideTable,
  TEMPLATE_EXAMPLE,
  templateColumns,
  templateTable,
} from '../domain/onboarding/template';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { idempotentCommand } from '../http/idempotent-command';
import { csvField } from '../http/quota-report-export';
import { json } from '../http/response';
import { spreadsheetBody } from '../http/spreadsheet-body';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../http/xlsx';
import { type OnboardingFile, onboardCandidates } from '../services/onboard-candidates';

const deps = { ...awsDependencies(), schedules: awsWorkflowSchedules() };

const importFile = idempotentCommand<OnboardingFile>(async ({ body }, caller) =>
  json(200, await onboardCandidates({ ...deps, fingerprintKey: await signingKey() }, caller, body)),
);

/** Personal data never lingers in a cache or is sniffed into something else. */
const PRIVATE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * Onboarding files already in progress:
 *   GET  /onboarding/template?format=json|csv|xlsx   the columns, an example row, the stages
 *   POST /onboarding/imports?fileName=               CSV or XLSX; one answer per row
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  // A role that may not import learns that before anything about its request.
  assertMayOnboard(caller);
  if (event.routeKey === 'GET /onboarding/template') {
    const { format } = parseOrRefuse(
      ROUTES['GET /onboarding/template'].query,
      event.queryStringParameters ?? {},
      { code: 'INVALID_QUERY' },
    );
    if (format === 'csv') {
      const lines = templateTable().map((row) => row.map(csvField).join(','));
      return {
        statusCode: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="mau-nhap-ho-so.csv"',
        },
        body: `\uFEFF${lines.join('\r\n')}\r\n`,
      };
    }
    if (format === 'xlsx') {
      const workbook = writeXlsx([
        { name: 'Mau nhap', rows: templateTable() },
        { name: 'Cac buoc', rows: stageGuideTable() },
        { name: 'Cot', rows: columnGuideTable() },
      ]);
      return {
        statusCode: 200,
        headers: {
          'content-type': XLSX_CONTENT_TYPE,
          'content-disposition': 'attachment; filename="mau-nhap-ho-so.xlsx"',
        },
        body: workbook.toString('base64'),
        isBase64Encoded: true,
      };
    }
    return json(200, {
      columns: templateColumns(),
      example: TEMPLATE_EXAMPLE,
      stages: importStageGuide(),
      patterns: IMPORT_COLUMNS.map((c) => c.pattern),
    });
  }
  const key = idempotencyKeyOf(event);
  const query = parseOrRefuse(
    ROUTES['POST /onboarding/imports'].query,
    event.queryStringParameters ?? {},
    { code: 'INVALID_QUERY' },
  );
  const upload = spreadsheetBody(event);
  const file: OnboardingFile = {
    fileName: query.fileName ?? `upload.${upload.format}`,
    sha256: upload.sha256,
    rows: rawRows(upload.table),
  };
  const response = await importFile(
    { key: `POST /onboarding/imports ${key}`, body: file },
    caller,
    context,
  );
  return { ...response, headers: { ...response.headers, ...PRIVATE } };
});
