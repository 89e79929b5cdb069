import {
  ADMISSION_PIPELINE,
  humanStage,
  HUMAN_STAGE_IDS,
  nextStageFor,
  phaseOf,
  PHASES,
  PIPELINE,
  PROBATION,
  RECOGNITION_PIPELINE,
  successorsOf,
  TERMINAL_STAGE_IDS,
  withdraw,
} from '../../../functions/domain/pipeline';

describe('pipeline table', () => {
  it('lists the nine admission and three recognition stages of docs/admission-rules.md in order', () => {
    expect(PIPELINE.map((s) => s.id)).toEqual([...HUMAN_STAGE_IDS]);
    expect(ADMISSION_PIPELINE.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Stage 10 is probation: a schedule, not a human stage.
    expect(PROBATION.order).toBe(10);
    expect(RECOGNITION_PIPELINE.map((s) => [s.order, s.id])).toEqual([
      [11, 'RECOGNITION_CELL_REVIEW'],
      [12, 'RECOGNITION_GRASSROOTS'],
      [13, 'RECOGNITION_DECISION'],
    ]);
  });

  it('splits the stages into two phases, each its own state machine', () => {
    expect(PHASES.admission.stages).toBe(ADMISSION_PIPELINE);
    expect(PHASES.recognition.stages).toBe(RECOGNITION_PIPELINE);
    expect(PHASES.recognition.scheduledEntry).toMatchObject({
      id: 'PROBATION',
      during: 'ADMITTED',
      next: 'RECOGNITION_CELL_REVIEW',
    });
    expect(phaseOf('CEREMONY')).toBe('admission');
    expect(phaseOf('RECOGNITION_DECISION')).toBe('recognition');
    // No route crosses phases: admission ends at ADMITTED, the schedule does the rest.
    for (const phase of Object.values(PHASES)) {
      const own = new Set<string>(phase.stages.map((s) => s.id));
      for (const stage of phase.stages) {
        for (const next of successorsOf(stage)) {
          expect(own.has(next) || TERMINAL_STAGE_IDS.includes(next as never)).toBe(true);
        }
      }
    }
  });

  it('keeps the Vietnamese label of every stage', () => {
    expect(humanStage('CELL_RESOLUTION').label).toBe('Chi bộ xét kết nạp');
    expect(humanStage('ADMISSION_DECISION').label).toBe('Quyết định kết nạp');
    for (const stage of PIPELINE) expect(stage.label).toMatch(/\S/);
  });

  it('leads every outcome to a known stage, and every stage can reach ADMITTED or OFFICIAL', () => {
    const known = new Set<string>([...HUMAN_STAGE_IDS, ...TERMINAL_STAGE_IDS]);
    for (const stage of PIPELINE) {
      for (const next of successorsOf(stage)) expect(known).toContain(next);
    }
    const reachesAdmitted = (id: string, seen = new Set<string>()): boolean => {
      if (id === 'ADMITTED') return true;
      if (seen.has(id) || !HUMAN_STAGE_IDS.includes(id as never)) return false;
      seen.add(id);
      return successorsOf(humanStage(id as never)).some((n) => reachesAdmitted(n, seen));
    };
    for (const stage of ADMISSION_PIPELINE) expect(reachesAdmitted(stage.id)).toBe(true);
    const reachesOfficial = (id: string, seen = new Set<string>()): boolean => {
      if (id === 'OFFICIAL') return true;
      if (seen.has(id) || !HUMAN_STAGE_IDS.includes(id as never)) return false;
      seen.add(id);
      return successorsOf(humanStage(id as never)).some((n) => reachesOfficial(n, seen));
    };
    for (const stage of RECOGNITION_PIPELINE) expect(reachesOfficial(stage.id)).toBe(true);
  });

  it('allows withdrawal at every open admission stage, delivered as a failure', () => {
    for (const stage of ADMISSION_PIPELINE) expect(stage.actions).toContain(withdraw);
    // A probationary member who leaves is removed (xóa tên) by the committee's decision.
    for (const stage of RECOGNITION_PIPELINE) expect(stage.actions).not.toContain(withdraw);
    expect(withdraw.delivery).toBe('fail');
    expect(nextStageFor(humanStage('SPONSORSHIP'), withdraw, {})).toBe('WITHDRAWN');
  });

  it('gives each action a unique id, an actor and a payload schema', () => {
    const ids = PIPELINE.flatMap((s) => s.actions.filter((a) => a !== withdraw).map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const stage of PIPELINE) {
      for (const action of stage.actions) {
        expect(action.actor).toBeTruthy();
        expect(typeof action.payload.safeParse).toBe('function');
      }
    }
  });

  it('routes the cell vote by the 2/3 rule', () => {
    const stage = humanStage('CELL_RESOLUTION');
    const action = stage.actions[0];
    const vote = {
      meetingDate: '2025-03-10',
      officialMembers: 9,
      excludedMembers: 0,
      excludedMembersAttending: 0,
      votesAgainst: 0,
    };
    expect(nextStageFor(stage, action, { ...vote, votesFor: 6 })).toBe('GRASSROOTS_RESOLUTION');
    expect(nextStageFor(stage, action, { ...vote, votesFor: 5 })).toBe('REJECTED');
  });

  it.each([
    [{ decision: 'APPROVE', decisionNumber: '125-QĐ/ĐUK', decisionDate: '2025-06-02' }, 'CEREMONY'],
    [
      { decision: 'REJECT', decisionNumber: '7-QĐ/ĐUK', decisionDate: '2025-06-02', reason: 'x' },
      'REJECTED',
    ],
    [{ decision: 'REJECT', decisionDate: '2025-06-02', reason: 'Chưa đủ điều kiện' }, 'REJECTED'],
    [{ decision: 'REQUEST_INFO', reason: 'Bổ sung 5-KNĐ' }, 'ADMISSION_DECISION'],
    [
      { decision: 'REQUEST_INFO', reason: 'Bổ sung 5-KNĐ', decisionDate: '2025-06-02' },
      'ADMISSION_DECISION',
    ],
  ])('decides the admission %j → %s', (payload, next) => {
    const stage = humanStage('ADMISSION_DECISION');
    const [decide] = stage.actions;
    expect(decide.id).toBe('decideAdmission');
    const parsed = decide.payload.parse(payload);
    expect(nextStageFor(stage, decide, parsed)).toBe(next);
  });

  it('keeps the admission decision open on a request for more information, with its reason', () => {
    const stage = humanStage('ADMISSION_DECISION');
    const [decide] = stage.actions;
    expect(decide.outcome({ decision: 'REQUEST_INFO', reason: 'r' })).toBe(
      'moreInformationRequested',
    );
    expect(stage.next.moreInformationRequested).toBe('ADMISSION_DECISION');
    expect(successorsOf(stage)).toEqual(['CEREMONY', 'REJECTED', 'ADMISSION_DECISION']);
    for (const bad of [
      { decision: 'REQUEST_INFO' },
      { decision: 'REQUEST_INFO', reason: '  ' },
      { decision: 'REQUEST_INFO', reason: 'r', decisionNumber: '1' },
      { decision: 'APPROVE', decisionDate: '2025-06-02' },
    ]) {
      expect(decide.payload.safeParse(bad).success).toBe(false);
    }
  });

  it('sends a failed awareness class back to the class', () => {
    const stage = humanStage('AWARENESS_CLASS');
    expect(
      nextStageFor(stage, stage.actions[0], { result: 'FAILED', classEndedOn: '2025-01-10' }),
    ).toBe('AWARENESS_CLASS');
  });

  it.each([
    [{ decision: 'RECOGNISE', decisionNumber: '31-QĐ/ĐU', decisionDate: '2026-10-01' }, 'OFFICIAL'],
    [
      { decision: 'REMOVE', decisionNumber: '32-QĐ/ĐU', decisionDate: '2026-10-01', reason: 'x' },
      'REMOVED',
    ],
    [{ decision: 'REQUEST_INFO', reason: 'Bổ sung 11-KNĐ' }, 'RECOGNITION_DECISION'],
  ])('decides the recognition %j → %s', (payload, next) => {
    const stage = humanStage('RECOGNITION_DECISION');
    const [decide] = stage.actions;
    expect(decide.id).toBe('decideRecognition');
    expect(decide.actor).toBe('approver');
    expect(nextStageFor(stage, decide, decide.payload.parse(payload))).toBe(next);
  });

  it('names the forms of recognition at the stage that produces them', () => {
    expect(humanStage('RECOGNITION_CELL_REVIEW').forms).toEqual([
      '10-KNĐ',
      '11-KNĐ',
      '12-KNĐ',
      '13-KNĐ',
    ]);
    expect(humanStage('RECOGNITION_GRASSROOTS').forms).toEqual(['14-KNĐ', '15-KNĐ']);
  });
});
