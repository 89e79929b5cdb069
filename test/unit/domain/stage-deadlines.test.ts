import { type Candidate } from '../../../functions/domain/candidate';
import { Refusal } from '../../../functions/domain/refusal';
import { policyInForce } from '../../../functions/domain/rules';
import {
  admissionDecisionDeadline,
  ceremonyDeadline,
  judgeDecisionExtension,
} from '../../../functions/domain/stage-deadlines';

const withDossier = (dossier: Record<string, unknown>) => ({ dossier }) as Candidate;

describe('stage deadlines from the dossier', () => {
  it.each([
    // 60 working days from the cell resolution; 1 January and Tết 2026 are not counted.
    ['2025-12-15', '2026-03-17', 'QD294-2025'],
    // 2 September and its adjacent day are not counted.
    ['2025-06-20', '2025-09-16', 'QD232-2025'],
  ])('decision: cell resolution %s → due %s under %s', (meetingDate, dueOn, version) => {
    const due = admissionDecisionDeadline(withDossier({ cellResolution: { meetingDate } }));
    expect(due).toMatchObject({
      from: meetingDate,
      dueOn,
      workingDays: 60,
      policyVersion: version,
    });
  });

  it('the recorded extension adds 30 working days', () => {
    const due = admissionDecisionDeadline(
      withDossier({
        cellResolution: { meetingDate: '2025-12-15' },
        decisionExtension: { decidedOn: '2026-03-10', reason: 'Chờ xác minh bổ sung' },
      }),
    );
    expect(due).toMatchObject({ dueOn: '2026-04-29', workingDays: 90 });
  });

  it('the ceremony: 30 working days from the decision, across Tết', () => {
    expect(
      ceremonyDeadline(withDossier({ admissionDecision: { decisionDate: '2026-01-26' } })),
    ).toMatchObject({ dueOn: '2026-03-16', workingDays: 30 });
  });

  it('no starting event on file, or before any policy: no deadline', () => {
    expect(admissionDecisionDeadline(withDossier({}))).toBeUndefined();
    expect(
      admissionDecisionDeadline(withDossier({ cellResolution: { meetingDate: '2015-01-01' } })),
    ).toBeUndefined();
  });
});

describe('judgeDecisionExtension', () => {
  const policy = policyInForce('2026-03-10');
  const payload = { decidedOn: '2026-03-10', reason: 'Chờ xác minh bổ sung' };

  it('records the due date before and after', () => {
    const candidate = withDossier({ cellResolution: { meetingDate: '2025-12-15' } });
    expect(judgeDecisionExtension(payload, { candidate, policy }).findings).toEqual({
      dueOnBefore: '2026-03-17',
      dueOn: '2026-04-29',
      extensionWorkingDays: 30,
    });
  });

  it.each([
    [
      'DECISION_DEADLINE_ALREADY_EXTENDED',
      { cellResolution: { meetingDate: '2025-12-15' }, decisionExtension: payload },
    ],
    ['DECISION_DEADLINE_UNKNOWN', {}],
  ])('refuses with %s', (code, dossier) => {
    let refusal: Refusal | undefined;
    try {
      judgeDecisionExtension(payload, { candidate: withDossier(dossier), policy });
    } catch (error) {
      refusal = error as Refusal;
    }
    expect(refusal).toBeInstanceOf(Refusal);
    expect(refusal!.body).toMatchObject({ code, field: 'action' });
    expect(refusal!.body.message).toBeTruthy();
    expect(refusal!.body.message_en).toBeTruthy();
  });
});
