import {
  humanStage,
  HUMAN_STAGE_IDS,
  nextStageFor,
  PIPELINE,
  successorsOf,
  TERMINAL_STAGE_IDS,
  withdraw,
} from '../../../functions/domain/pipeline';

describe('pipeline table', () => {
  it('lists the nine admission stages of ADMISSION-RULES.md in order', () => {
    expect(PIPELINE.map((s) => s.id)).toEqual([...HUMAN_STAGE_IDS]);
    expect(PIPELINE.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps the Vietnamese label of every stage', () => {
    expect(humanStage('CELL_RESOLUTION').label).toBe('Chi bộ xét kết nạp');
    expect(humanStage('ADMISSION_DECISION').label).toBe('Quyết định kết nạp');
    for (const stage of PIPELINE) expect(stage.label).toMatch(/\S/);
  });

  it('leads every outcome to a known stage, and every stage can reach ADMITTED', () => {
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
    for (const stage of PIPELINE) expect(reachesAdmitted(stage.id)).toBe(true);
  });

  it('allows withdrawal at every open stage, delivered as a failure', () => {
    for (const stage of PIPELINE) expect(stage.actions).toContain(withdraw);
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
});
