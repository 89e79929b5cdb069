import { awsDependenciesWith } from '../adapters/aws-dependencies-with';
import { awsWorkflowOnFirstUse } from '../adapters/aws-workflow-on-first-use';
import { awsWorkflowSchedulesOnFirstUse } from '../adapters/aws-workflow-schedules-on-first-use';
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
import { ROUTES } from '../http/contract/routes';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { csvField } from '../http/quota-report-export';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { spreadsheetBody } from '../http/spreadsheet-body';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../http/xlsx';
import { onboardCandidates } from '../services/onboard-candidates';

const deps = {
  ...awsDependenciesWith(awsWorkflowOnFirstUse()),
  schedules: awsWorkflowSchedulesOnFirstUse(),
};

/**
 * Onboarding files already in progress:
 *   GET  /onboarding/template?format=json|csv|xlsx   the columns, an example row, the stages
 *   POST /onboarding/imports?fileName=               CSV or XLSX; one answer per row
 */
export const handler = idempotentHttpApi(
  on(ROUTES['GET /onboarding/template'], {
    // A role that may not import learns that before anything about its request.
    authorize: assertMayOnboard,
    handle: async ({ query: { format } }) => {
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
    },
  }),
  on(ROUTES['POST /onboarding/imports'], {
    authorize: assertMayOnboard,
    readBody: spreadsheetBody,
    handle: async ({ caller, query, body: upload }) => {
      const file = {
        fileName: query.fileName ?? `upload.${upload.format}`,
        sha256: upload.sha256,
        rows: rawRows(upload.table),
      };
      const fingerprintKey = await signingKey();
      // json() answers privately: personal data never lingers in a cache or is sniffed.
      return json(200, await onboardCandidates({ ...deps, fingerprintKey }, caller, file));
    },
  }),
);
