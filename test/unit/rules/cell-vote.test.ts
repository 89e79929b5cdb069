import {
  judgeCellVote,
  judgeCommitteeVote,
  recognitionGoesToUpperCommittee,
} from '../../../functions/domain/rules/cell-vote';
import { type AdmissionPolicy, policyInForce } from '../../../functions/domain/rules/policy';
import { refusalOf } from './refusal-of';

const policy = policyInForce('2025-07-01');
const vote = (officialMembers: number, votesFor: number, excluded = 0, attending = 0) => ({
  officialMembers,
  excludedMembers: excluded,
  excludedMembersAttending: attending,
  votesFor,
  votesAgainst: 0,
});

describe('cell vote: yes ≥ 2/3 of the official members', () => {
  it.each([
    [3, 2, true, 2],
    [3, 1, false, 2],
    [4, 3, true, 3],
    [4, 2, false, 3],
    [5, 4, true, 4],
    [5, 3, false, 4],
    [7, 5, true, 5],
    [7, 4, false, 5],
    [9, 6, true, 6],
    [9, 5, false, 6],
  ])('%i members, %i for → passed %s (needs %i)', (members, votesFor, passed, needed) => {
    expect(judgeCellVote(vote(members, votesFor), policy)).toMatchObject({
      passed,
      denominator: members,
      votesNeeded: needed,
      threshold: { numerator: 2, denominator: 3 },
      policyVersion: 'QD294-2025',
    });
  });

  it.each([
    // official, excluded, excluded who attended, for → denominator, passed
    [10, 3, 1, 6, 8, true],
    [10, 3, 1, 5, 8, false],
    [10, 3, 0, 5, 7, true],
    [9, 2, 2, 5, 9, false], // both excluded members came: they count again
    [9, 2, 2, 6, 9, true],
    [7, 1, 0, 4, 6, true],
  ])(
    '%i official, %i excluded of whom %i attended, %i for → denominator %i, passed %s',
    (official, excluded, attending, votesFor, denominator, passed) => {
      const judgement = judgeCellVote(vote(official, votesFor, excluded, attending), policy);
      expect(judgement).toMatchObject({ denominator, passed });
      expect(judgement).toMatchObject({
        officialMembers: official,
        excludedMembers: excluded,
        excludedMembersAttending: attending,
      });
    },
  );

  it.each([
    [{ ...vote(5, 3), excludedMembersAttending: 1 }, 'excludedMembersAttending'],
    [vote(5, 3, 6, 0), 'excludedMembers'],
    [{ ...vote(5, 3), votesAgainst: 3 }, 'votesFor'],
    [vote(3, 0, 3, 0), 'votesFor'],
    [vote(5, -1), 'votesFor'],
  ])('refuses an inconsistent record %o', (record, field) => {
    const refusal = refusalOf(() => judgeCellVote(record, policy));
    expect(refusal.body).toMatchObject({ code: 'VOTE_RECORD_INCONSISTENT', field });
  });

  it('will not judge a policy with another threshold by the 2/3 arithmetic', () => {
    const simpleMajority: AdmissionPolicy = {
      ...policy,
      voteThreshold: { numerator: 1, denominator: 2 },
    };
    expect(() => judgeCellVote(vote(4, 2), simpleMajority)).toThrow(/2\/3/);
  });
});

describe('grassroots committee vote', () => {
  it.each([
    [9, 6, true],
    [9, 5, false],
    [5, 4, true],
    [5, 3, false],
  ])('%i members, %i for → passed %s', (committeeMembers, votesFor, passed) => {
    expect(
      judgeCommitteeVote({ committeeMembers, votesFor, votesAgainst: 0 }, policy),
    ).toMatchObject({ passed, denominator: committeeMembers });
  });

  it('refuses more votes than members', () => {
    expect(
      refusalOf(() =>
        judgeCommitteeVote({ committeeMembers: 5, votesFor: 4, votesAgainst: 2 }, policy),
      ).body.code,
    ).toBe('VOTE_RECORD_INCONSISTENT');
  });
});

describe('recognition escalation', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
  ])('after %i failed cell votes → upper committee %s', (failed, escalates) => {
    expect(recognitionGoesToUpperCommittee(failed, policy)).toBe(escalates);
  });
});
