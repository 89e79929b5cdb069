import { createHash } from 'node:crypto';
import * as z from 'zod';
import { type Actor } from '../caller';
import { type Candidate, executionName } from '../candidate';
import { type HistoryEvent, type ImportProvenance } from '../history-event';
import { newCandidate, type Nomination } from '../nomination';
import { type OrgUnit } from '../org-unit';
import {
  actionDateOf,
  completingAction,
  datedFieldsOf,
  humanStage,
  isHumanStage,
  PROBATION,
  type StageId,
  stageLabel,
} from '../pipeline';
import { probationEndFacts, probationOf } from '../recognition-rules';
import { Refusal, refuse } from '../refusal';
import { compareDates, vietnameseDate } from '../rules';
import { prepareSubmission } from '../submission';
import { applyScheduledStep, applySubmission } from '../transition';
import { type ImportableStage, NOMINATED_ON_COLUMN, STAGE_COLUMN } from './columns';

/**
 * The day a past step happened: the meeting's or decision's own date; otherwise the latest date
 * among its facts (an application's submission, a certificate's issue); a step with no date of
 * its own follows the one before it. It is judged as recorded on the latest of these days.
 */
function historicalDatesOf(
  action: Parameters<typeof actionDateOf>[0],
  payload: unknown,
  previousDate: string,
): { happenedOn: string; recordedOn: string } {
  const facts = datedFieldsOf(action, payload)
    .map((d) => d.date)
    .filter((d) => ISO_DATE.safeParse(d).success)
    .sort();
  const happenedOn = actionDateOf(action, payload) ?? facts.at(-1) ?? previousDate;
  // Recorded no earlier than any of its facts (minutes summarised days after the meeting).
  const latest = facts.at(-1);
  return { happenedOn, recordedOn: latest && latest > happenedOn ? latest : happenedOn };
}

/**
 * An onboarded file is the file the procedure would have produced: the nomination, then each
 * stage's completing action recorded through the very checks an officer's action goes through
 * (`prepareSubmission`: the payload schema, the stage's rules under the policy in force on the
 * action's date) and applied as a transition (`applySubmission`), then the end of probation as
 * the schedule would record it. Every event is dated on its own day and carries the import's
 * provenance. If the rules send the file elsewhere than where the row says it stands (a lapsed
 * certificate, a vote short of two thirds), the row is refused with what the rules found.
 */

export interface ReplayInput {
  stage: ImportableStage;
  nominatedOn: string;
  nomination: Nomination;
  facts: Record<string, Record<string, unknown>>;
  unit: OrgUnit;
  candidateId: string;
  importKey: string;
  actor: Actor;
  provenance: Omit<ImportProvenance, 'by'>;
  /** Today in Vietnam on the business clock: nothing may have happened after it. */
  today: string;
}

export interface Replayed {
  candidate: Candidate;
  events: HistoryEvent[];
}

const ISO_DATE = z.iso.date();

/** Noon in Vietnam: the instant an imported event of that day is recorded at (same UTC day). */
function instantOf(date: string): Date {
  return new Date(`${date}T12:00:00+07:00`);
}

/**
 * The candidate id of an onboarded row: one per unit, person and stage, so a second import of
 * the same row (the same file, or an overlapping one) finds the candidate and writes nothing.
 */
export function onboardedCandidateId(
  unitId: string,
  nationalIdFingerprint: string,
  stage: ImportableStage,
): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(['onboard', unitId, nationalIdFingerprint, stage]))
    .digest('hex');
  return `c${digest.slice(0, 19)}`;
}

function order(stage: StageId): number {
  if (isHumanStage(stage)) return humanStage(stage).order;
  if (stage === PROBATION.during) return PROBATION.order - 0.5;
  return stage === 'OFFICIAL' ? Number.MAX_SAFE_INTEGER : -1;
}

function notReached(
  target: ImportableStage,
  at: StageId,
  step: { action: string; outcome: string; toStage: StageId; findings?: unknown },
  field: string,
): never {
  const want = stageLabel(target);
  const went = stageLabel(step.toStage);
  return refuse('rule', {
    code: 'IMPORT_STAGE_NOT_REACHED',
    message: `Theo quy định, "${stageLabel(at).label}" dẫn hồ sơ đến "${went.label}" (${step.outcome}), không đến "${want.label}"`,
    message_en: `Under the rules, "${stageLabel(at).labelEn}" leads the file to "${went.labelEn}" (${step.outcome}), not to "${want.labelEn}"`,
    field,
    details: {
      stage: at,
      action: step.action,
      outcome: step.outcome,
      toStage: step.toStage,
      ...(step.findings ? { findings: step.findings } : {}),
    },
  });
}

function futureDate(date: string, today: string, field: string): never {
  return refuse('rule', {
    code: 'IMPORT_DATE_IN_FUTURE',
    message: `Ngày ${vietnameseDate(date)} sau hôm nay (${vietnameseDate(today)}): chỉ nhập những việc đã diễn ra`,
    message_en: `${date} is after today (${today}): only what already happened can be imported`,
    field,
  });
}

function outOfOrder(date: string, previous: string, field: string): never {
  return refuse('rule', {
    code: 'DATE_BEFORE_PREVIOUS_STEP',
    message: `Ngày ${vietnameseDate(date)} trước bước trước đó (${vietnameseDate(previous)})`,
    message_en: `${date} is before the previous step (${previous})`,
    field,
    details: { previousStepOn: previous },
  });
}

/** A payload field (`payload.sponsors.0.name`) as the file's column (`sponsorship.sponsors.1.name`). */
function columnField(dossierKey: string, field: string | undefined): string {
  const inner = (field ?? '').replace(/^payload\.?/, '');
  const oneBased = inner
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : p));
  return [dossierKey, ...oneBased].join('.');
}

/** Re-raises a refusal of an action with the field named as the file's column. */
function asColumnRefusal(error: unknown, dossierKey: string): never {
  if (!(error instanceof Refusal)) throw error;
  const field = columnField(dossierKey, error.body.field);
  const body = { ...error.body, field };
  if (error.body.code === 'INVALID_PAYLOAD') {
    body.code = 'INVALID_ROW';
    body.message = body.message.replace(/^payload[^:]*:/, `${field}:`);
    body.message_en = body.message_en.replace(/^payload[^:]*:/, `${field}:`);
  }
  throw new Refusal(error.kind, body);
}

/** The candidate and history of an onboarded row, or the refusal of the first fact at fault. */
export function replayToStage(input: ReplayInput): Replayed {
  const by = input.actor;
  const { userId, name, role, unitId } = by;
  const imported: ImportProvenance = { ...input.provenance, by: { userId, name, role, unitId } };
  if (!ISO_DATE.safeParse(input.nominatedOn).success) {
    refuse('invalid', {
      code: 'INVALID_ROW',
      message: `${NOMINATED_ON_COLUMN}: Ngày phải có dạng YYYY-MM-DD (hoặc dd/mm/yyyy)`,
      message_en: `${NOMINATED_ON_COLUMN}: Date must be YYYY-MM-DD (or dd/mm/yyyy)`,
      field: NOMINATED_ON_COLUMN,
    });
  }
  if (compareDates(input.nominatedOn, input.today) > 0) {
    futureDate(input.nominatedOn, input.today, NOMINATED_ON_COLUMN);
  }
  const first = newCandidate(input.nomination, input.unit, {
    candidateId: input.candidateId,
    idempotencyKey: input.importKey,
    now: instantOf(input.nominatedOn),
    actor: by,
  });
  let candidate = first.candidate;
  const events: HistoryEvent[] = [{ ...first.event, imported }];
  let previousDate = input.nominatedOn;
  const used = new Set<string>();

  while (candidate.stage !== input.stage) {
    const at = candidate.stage;
    if (at === PROBATION.during) {
      // The 12 months must be over for the member to be anywhere in recognition.
      const probation = probationOf(candidate);
      if (compareDates(probation.endsOn, input.today) > 0) {
        refuse('rule', {
          code: 'IMPORT_PROBATION_NOT_OVER',
          message: `Thời gian dự bị kết thúc ngày ${vietnameseDate(probation.endsOn)}: chưa thể xét công nhận; hãy nhập ở bước ${PROBATION.during}`,
          message_en: `Probation ends on ${probation.endsOn}: recognition cannot have started; import the member at ${PROBATION.during}`,
          field: STAGE_COLUMN,
          details: { probationEndsOn: probation.endsOn },
        });
      }
      const step = applyScheduledStep(
        candidate,
        PROBATION,
        probationEndFacts(probation),
        candidate.execution.name,
        instantOf(probation.endsOn),
      );
      candidate = step.candidate;
      events.push({ ...step.event, imported });
      previousDate = probation.endsOn;
      continue;
    }
    if (!isHumanStage(at)) {
      // A terminal stage the row did not ask for (the file ended under the rules).
      throw new Error(`Replay stopped at ${at}`);
    }
    const stage = humanStage(at);
    const action = completingAction(stage);
    const payload = input.facts[action.dossierKey];
    if (!payload) {
      refuse('invalid', {
        code: 'IMPORT_FACTS_MISSING',
        message: `Hồ sơ ở bước sau "${stage.label}": cần các cột ${action.dossierKey}.* (${action.label})`,
        message_en: `The file is past "${stage.labelEn}": the ${action.dossierKey}.* columns are needed (${action.labelEn})`,
        field: action.dossierKey,
      });
    }
    used.add(action.dossierKey);
    const { happenedOn: date, recordedOn } = historicalDatesOf(action, payload, previousDate);
    if (compareDates(date, input.today) > 0) futureDate(date, input.today, action.dossierKey);
    if (compareDates(date, previousDate) < 0) outOfOrder(date, previousDate, action.dossierKey);
    let submission;
    try {
      // Judged as on the day it happened: the policy then in force, and "today" that day.
      submission = prepareSubmission(
        candidate,
        { action: action.id, expectedVersion: candidate.version, payload },
        {
          submissionId: `${input.importKey}#${candidate.version}`,
          idempotencyKey: input.importKey,
          now: instantOf(recordedOn),
          actor: by,
        },
      );
    } catch (error) {
      asColumnRefusal(error, action.dossierKey);
    }
    const next = submission.toStage;
    if (next !== input.stage && order(next) <= order(at)) {
      notReached(input.stage, at, submission, action.dossierKey);
    }
    if (next !== input.stage && order(next) > order(input.stage)) {
      notReached(input.stage, at, submission, action.dossierKey);
    }
    if (!isHumanStage(next) && next !== PROBATION.during && next !== input.stage) {
      notReached(input.stage, at, submission, action.dossierKey);
    }
    const step = applySubmission(
      candidate,
      { ...submission, submittedAt: instantOf(date).toISOString() },
      instantOf(date),
    );
    candidate = step.candidate;
    events.push({ ...step.event, imported });
    previousDate = date;
  }

  const beyond = Object.keys(input.facts).filter((k) => !used.has(k));
  if (beyond.length) {
    refuse('invalid', {
      code: 'IMPORT_FACTS_BEYOND_STAGE',
      message: `Hồ sơ đang ở bước "${stageLabel(input.stage).label}": các cột ${beyond.join(', ')} thuộc bước chưa đến`,
      message_en: `The file is at "${stageLabel(input.stage).labelEn}": columns ${beyond.join(', ')} belong to stages it has not reached`,
      field: beyond[0],
    });
  }
  // One execution from the start, parked at the stage (the state machine's resume entry).
  candidate = {
    ...candidate,
    execution: { name: executionName(candidate.id, 1), generation: 1 },
  };
  return { candidate, events };
}
