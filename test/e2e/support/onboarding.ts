import { randomUUID } from 'node:crypto';
import { completingAction, PIPELINE } from '../../../functions/domain/pipeline';
import { addDays, addMonths } from '../../../functions/domain/rules/calendar-date';
import { type ApiClient, type ApiResponse } from './api-client';

/**
 * Rows of an onboarding file for the e2e tests: one person's procedure laid out on a timeline
 * from the day they were nominated (the demo walk's spacing), cut at the stage the file stands at.
 * The facts are written as the file's columns (`cellResolution.meetingDate`), arrays 1-based.
 */

export type Row = Record<string, string>;

/** The facts of each stage for a person nominated on `start` (a grassroots cell skips its committee). */
export function timeline(start: string, grassrootsCell: boolean, serial: number) {
  const ceremony = addDays(start, 185);
  const probationEnd = addMonths(ceremony, 12);
  const facts: Record<string, Record<string, unknown>> = {
    nomination: { decisionDate: addDays(start, 21), helperMemberName: 'Trần Thị Bình' },
    awarenessClass: {
      result: 'PASSED',
      certificateNumber: `CN-NTVĐ ${serial}/${start.slice(0, 4)}`,
      issuedOn: addDays(start, 60),
    },
    application: {
      applicationReceivedOn: addDays(start, 66),
      backgroundFormReceivedOn: addDays(start, 66),
    },
    backgroundCheck: {
      completedOn: addDays(start, 106),
      result: 'CLEARED',
      subjects: [
        { relation: 'CANDIDATE', result: 'CLEARED' },
        { relation: 'FATHER', result: 'CLEARED' },
        { relation: 'MOTHER', result: 'CLEARED' },
      ],
    },
    sponsorship: {
      sponsors: [
        {
          kind: 'MEMBER',
          name: 'Trần Thị Bình',
          togetherSince: addDays(start, -700),
          documentDate: addDays(start, 115),
        },
        {
          kind: 'YOUTH_UNION_RESOLUTION',
          name: 'BCH Đoàn cơ sở',
          documentDate: addDays(start, 116),
        },
      ],
      commentsSummaryOn: addDays(start, 120),
    },
    cellResolution: {
      meetingDate: addDays(start, 125),
      officialMembers: 9,
      excludedMembers: 1,
      excludedMembersAttending: 0,
      votesFor: 7,
      votesAgainst: 1,
    },
    ...(grassrootsCell
      ? {}
      : {
          grassrootsResolution: {
            meetingDate: addDays(start, 140),
            committeeMembers: 7,
            votesFor: 6,
            votesAgainst: 1,
          },
        }),
    admissionDecision: {
      decision: 'APPROVE',
      decisionNumber: `${serial}-QĐ/ĐUK`,
      decisionDate: addDays(start, 168),
    },
    ceremony: { ceremonyDate: ceremony },
    recognitionCellReview: {
      meetingDate: addDays(probationEnd, 10),
      proposal: 'RECOGNISE',
      selfReviewOn: addDays(probationEnd, 5),
      helperAssessmentOn: addDays(probationEnd, 6),
      commentsSummaryOn: addDays(probationEnd, 7),
      officialMembers: 9,
      excludedMembers: 1,
      excludedMembersAttending: 0,
      votesFor: 7,
      votesAgainst: 1,
    },
    ...(grassrootsCell
      ? {}
      : {
          recognitionGrassroots: {
            meetingDate: addDays(probationEnd, 25),
            proposal: 'RECOGNISE',
            committeeMembers: 7,
            votesFor: 6,
            votesAgainst: 1,
          },
        }),
    recognitionDecision: {
      decision: 'RECOGNISE',
      decisionNumber: `${serial}-QĐ/CN`,
      decisionDate: addDays(probationEnd, 40),
    },
  };
  return { facts, ceremony, probationEnd };
}

/** A nested value as columns: objects dotted, arrays 1-based. */
function flatten(prefix: string, value: unknown, into: Row = {}): Row {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(`${prefix}.${i + 1}`, v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, into);
  } else if (value !== undefined) into[prefix] = String(value);
  return into;
}

/** The dossier keys of the stages before `stage` (all admission ones for a member, all for OFFICIAL). */
function keysBehind(stage: string): string[] {
  const upTo =
    stage === 'OFFICIAL'
      ? PIPELINE.length
      : stage === 'ADMITTED'
        ? PIPELINE.findIndex((s) => s.phase === 'recognition')
        : PIPELINE.findIndex((s) => s.id === stage);
  return PIPELINE.slice(0, upTo).map((s) => completingAction(s).dossierKey);
}

export interface PersonSpec {
  stage: string;
  unitId: string;
  fullName: string;
  /** The day the cell nominated the person: the timeline counts from it. */
  start: string;
  serial: number;
  grassrootsCell?: boolean;
}

export function onboardingRow(p: PersonSpec): Row {
  const { facts } = timeline(p.start, p.grassrootsCell ?? false, p.serial);
  const row: Row = {
    stage: p.stage,
    nominatedOn: p.start,
    fullName: p.fullName,
    dateOfBirth: addMonths(p.start, -12 * 25),
    nominationSource: 'YOUTH_UNION',
    unitId: p.unitId,
    nationalId: `0${String(p.serial).padStart(11, '7')}`,
    educationLevel: 'UPPER_SECONDARY',
    youthUnionMember: 'true',
  };
  for (const key of keysBehind(p.stage)) if (facts[key]) flatten(key, facts[key], row);
  return row;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as a CSV file with bare column keys as the header (the parser also reads the template's). */
export function toTable(rows: readonly Row[]): string[][] {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [header, ...rows.map((r) => header.map((k) => r[k] ?? ''))];
}

export function toCsv(rows: readonly Row[]): string {
  return `${toTable(rows)
    .map((r) => r.map(csvField).join(','))
    .join('\r\n')}\r\n`;
}

export type OnboardingAnswer = ApiResponse<{
  fileName: string;
  sha256: string;
  rows: number;
  applied: number;
  skipped: number;
  refused: number;
  results: {
    row: number;
    status: 'APPLIED' | 'SKIPPED' | 'REFUSED';
    candidateId?: string;
    stage?: string;
    error?: { code: string; field?: string; status: number; message: string; message_en: string };
  }[];
}>;

/** POST /onboarding/imports with a CSV text or an XLSX workbook. */
export function importFile(
  client: ApiClient,
  file: string | Buffer,
  fileName: string,
  key = randomUUID(),
): Promise<OnboardingAnswer> {
  const xlsx = typeof file !== 'string';
  return client.request('POST', `/onboarding/imports?fileName=${encodeURIComponent(fileName)}`, {
    rawBody: file as string,
    headers: {
      'idempotency-key': key,
      'content-type': xlsx
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
    },
  }) as Promise<OnboardingAnswer>;
}
