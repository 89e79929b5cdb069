import { addDays } from '../../../functions/domain/rules/calendar-date';
import { vietnamDateOf } from '../../../functions/domain/vietnam-time';
import type { ApiClient, CandidateBody } from './api-client';
import { moveClock, readClock } from './clock';
import { HAPPY_PATH } from './happy-path';
import type { demoOfficers } from './officers';
import type { RuntimeEndpoints } from './runtime-process';

/** The walks of admission and recognition on the accelerated clock, shared by the e2e tests. */
export type Officers = Awaited<ReturnType<typeof demoOfficers>>;

/** Today in Hà Nội on the runtime's business clock. */
export async function today(runtime: Pick<RuntimeEndpoints, 'url'>): Promise<string> {
  return vietnamDateOf(new Date((await readClock(runtime)).now));
}

/** A week later on the accelerated clock; returns the new day in Hà Nội. */
export async function aWeekLater(runtime: Pick<RuntimeEndpoints, 'url'>): Promise<string> {
  await moveClock(runtime, { advanceDays: 7 });
  return today(runtime);
}

/** The member once its workflow moved past `version` and parked (or closed). */
async function settled(api: ApiClient, id: string, version: number): Promise<CandidateBody> {
  for (let i = 0; i < 1200; i++) {
    const body = (await api.candidate(id)).body as CandidateBody;
    const done = body.status === 'AWAITING_ACTION' || body.status === 'CLOSED';
    if (body.version > version && done) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`member ${id} did not move past version ${version}`);
}

/** One action on the step the member waits at; returns the member once the workflow settled. */
export async function actAndSettle(
  officers: Officers,
  id: string,
  stage: string,
  action: string,
  payload: unknown,
): Promise<CandidateBody> {
  const current = await officers.cell.waitForStage(id, stage, 60_000);
  const response = await officers
    .forAction(stage, action)
    .act(id, { action, expectedVersion: current.version, payload });
  expect(response).toMatchObject({ status: 202 });
  const toStage = response.body.toStage as string;
  const after = await settled(officers.cell, id, current.version);
  expect(after.stage).toBe(toStage);
  return after;
}

export const review = (meetingDate: string, votesFor: number, proposal = 'RECOGNISE') => ({
  meetingDate,
  proposal,
  selfReviewOn: addDays(meetingDate, -5),
  helperAssessmentOn: addDays(meetingDate, -4),
  commentsSummaryOn: addDays(meetingDate, -3),
  officialMembers: 9,
  excludedMembers: 1,
  excludedMembersAttending: 0,
  votesFor,
  votesAgainst: 8 - votesFor,
});

export const grassroots = (meetingDate: string, proposal = 'RECOGNISE') => ({
  meetingDate,
  proposal,
  committeeMembers: 7,
  votesFor: 6,
  votesAgainst: 1,
});

/** The happy path's payload of a step, with the admission decision ten days before `admittedOn`. */
function admissionPayload(step: (typeof HAPPY_PATH)[number], admittedOn: string): unknown {
  if (step.action === 'decideAdmission') {
    return { ...(step.payload as object), decisionDate: addDays(admittedOn, -10) };
  }
  if (step.action === 'recordCeremony') return { ceremonyDate: admittedOn };
  return step.payload;
}

/** Every step of the happy path from NOMINATED to ADMITTED (a grassroots cell skips one). */
export async function walkToAdmitted(
  officers: Officers,
  id: string,
  options: { admittedOn: string; grassrootsCell?: boolean },
  onStep: (action: string, after: CandidateBody) => Promise<void> | void = () => undefined,
): Promise<CandidateBody> {
  let after: CandidateBody | undefined;
  for (const step of HAPPY_PATH) {
    if (step.stage === 'GRASSROOTS_RESOLUTION' && options.grassrootsCell) continue;
    after = await actAndSettle(
      officers,
      id,
      step.stage,
      step.action,
      admissionPayload(step, options.admittedOn),
    );
    await onStep(step.action, after);
  }
  return after!;
}

/** From RECOGNITION_CELL_REVIEW to OFFICIAL, a week between each meeting. */
export async function walkToOfficial(
  runtime: Pick<RuntimeEndpoints, 'url'>,
  officers: Officers,
  id: string,
): Promise<CandidateBody> {
  let day = await aWeekLater(runtime);
  await actAndSettle(
    officers,
    id,
    'RECOGNITION_CELL_REVIEW',
    'recordRecognitionCellReview',
    review(day, 7),
  );
  day = await aWeekLater(runtime);
  await actAndSettle(
    officers,
    id,
    'RECOGNITION_GRASSROOTS',
    'recordRecognitionGrassroots',
    grassroots(day),
  );
  day = await aWeekLater(runtime);
  return actAndSettle(officers, id, 'RECOGNITION_DECISION', 'decideRecognition', {
    decision: 'RECOGNISE',
    decisionNumber: '88-QĐ/ĐU',
    decisionDate: day,
  });
}
