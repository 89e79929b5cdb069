/**
 * Vote arithmetic of the admission rules. Exact integers only: 3·yes ≥ 2·denominator, because a
 * floating-point 2/3 misjudges denominators such as 3, 9 or 99.
 */
export interface CellVoteRecord {
  officialMembers: number;
  /** Members on temporary transfer or exempted from activities. */
  excludedMembers: number;
  /** Excluded members who nevertheless attended and therefore count again. */
  excludedMembersAttending: number;
  votesFor: number;
  votesAgainst: number;
}

export function cellVoteDenominator(vote: CellVoteRecord): number {
  return vote.officialMembers - vote.excludedMembers + vote.excludedMembersAttending;
}

export function reachesTwoThirds(votesFor: number, denominator: number): boolean {
  return denominator > 0 && 3 * votesFor >= 2 * denominator;
}
