import { cellVoteDenominator, reachesTwoThirds } from '../../../functions/domain/votes';

describe('2/3 rule with exact integers', () => {
  it.each([
    [3, 2, true],
    [3, 1, false],
    [4, 3, true],
    [4, 2, false],
    [5, 4, true],
    [5, 3, false],
    [7, 5, true],
    [7, 4, false],
    [9, 6, true],
    [9, 5, false],
    [99, 66, true],
    [99, 65, false],
  ])('denominator %i with %i for → %s', (denominator, votesFor, passes) => {
    expect(reachesTwoThirds(votesFor, denominator)).toBe(passes);
  });

  it('never passes an empty denominator', () => {
    expect(reachesTwoThirds(0, 0)).toBe(false);
  });

  it('excludes members on transfer or exempted, unless they attended', () => {
    const vote = {
      officialMembers: 10,
      excludedMembers: 3,
      excludedMembersAttending: 1,
      votesFor: 6,
      votesAgainst: 0,
    };
    expect(cellVoteDenominator(vote)).toBe(8);
    expect(reachesTwoThirds(vote.votesFor, cellVoteDenominator(vote))).toBe(true);
    expect(reachesTwoThirds(5, cellVoteDenominator(vote))).toBe(false);
  });
});
