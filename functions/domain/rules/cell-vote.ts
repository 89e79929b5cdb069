import { refuse } from '../refusal';
import { type CellVoteRecord, cellVoteDenominator, reachesTwoThirds } from '../votes';
import { type AdmissionPolicy, type Fraction, type PolicyVersionId } from './policy';

/**
 * Judging the votes of the procedure. The arithmetic lives in `../votes.ts` and is only used
 * here; this file adds what a report needs next to pass/fail: the denominator the rule counted
 * and the threshold it applied, so that a short vote can be reported upward in full.
 */
export interface VoteJudgement {
  passed: boolean;
  votesFor: number;
  votesAgainst: number;
  /** Members whose votes count towards the threshold. */
  denominator: number;
  threshold: Fraction;
  /** The fewest yes-votes that would have passed. */
  votesNeeded: number;
  policyVersion: PolicyVersionId;
}

export interface CellVoteJudgement extends VoteJudgement {
  officialMembers: number;
  excludedMembers: number;
  excludedMembersAttending: number;
}

export interface CommitteeVoteRecord {
  committeeMembers: number;
  votesFor: number;
  votesAgainst: number;
}

/**
 * The policy states its threshold as data, but the arithmetic shared with the API is the 2/3 of
 * votes.ts; a policy with another share must not be judged silently by the wrong fraction.
 */
function assertTwoThirds(policy: AdmissionPolicy): Fraction {
  const { numerator, denominator } = policy.voteThreshold;
  if (numerator * 3 !== denominator * 2) {
    throw new Error(
      `Policy ${policy.version} sets a vote threshold of ${numerator}/${denominator}; votes.ts implements 2/3 only`,
    );
  }
  return policy.voteThreshold;
}

function votesNeeded(denominator: number, threshold: Fraction): number {
  return Math.ceil((threshold.numerator * denominator) / threshold.denominator);
}

function refuseInconsistent(field: string, message: string, messageEn: string, details: object) {
  return refuse('invalid', {
    code: 'VOTE_RECORD_INCONSISTENT',
    message,
    message_en: messageEn,
    field,
    details: { ...details },
  });
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/** Yes-votes ≥ 2/3 of the official members, less those excluded who did not attend. */
export function judgeCellVote(vote: CellVoteRecord, policy: AdmissionPolicy): CellVoteJudgement {
  const threshold = assertTwoThirds(policy);
  const counts = [
    vote.officialMembers,
    vote.excludedMembers,
    vote.excludedMembersAttending,
    vote.votesFor,
    vote.votesAgainst,
  ];
  if (!counts.every(isCount)) {
    refuseInconsistent(
      'votesFor',
      'Số liệu biểu quyết phải là số nguyên không âm',
      'Vote counts must be non-negative integers',
      vote,
    );
  }
  if (vote.excludedMembersAttending > vote.excludedMembers) {
    refuseInconsistent(
      'excludedMembersAttending',
      'Số đảng viên miễn sinh hoạt/chuyển tạm có mặt lớn hơn số đảng viên miễn/chuyển tạm',
      'More excluded members attending than excluded members',
      vote,
    );
  }
  if (vote.excludedMembers > vote.officialMembers) {
    refuseInconsistent(
      'excludedMembers',
      'Số đảng viên miễn/chuyển tạm lớn hơn số đảng viên chính thức',
      'More excluded members than official members',
      vote,
    );
  }
  const denominator = cellVoteDenominator(vote);
  if (denominator < 1 || vote.votesFor + vote.votesAgainst > denominator) {
    refuseInconsistent(
      'votesFor',
      `Số phiếu (${vote.votesFor} tán thành, ${vote.votesAgainst} không tán thành) vượt quá ${denominator} đảng viên có quyền biểu quyết`,
      `${vote.votesFor} for and ${vote.votesAgainst} against exceed the ${denominator} voting members`,
      { ...vote, denominator },
    );
  }
  return {
    passed: reachesTwoThirds(vote.votesFor, denominator),
    votesFor: vote.votesFor,
    votesAgainst: vote.votesAgainst,
    denominator,
    threshold,
    votesNeeded: votesNeeded(denominator, threshold),
    officialMembers: vote.officialMembers,
    excludedMembers: vote.excludedMembers,
    excludedMembersAttending: vote.excludedMembersAttending,
    policyVersion: policy.version,
  };
}

/** Grassroots committee: yes-votes ≥ 2/3 of its members. */
export function judgeCommitteeVote(
  vote: CommitteeVoteRecord,
  policy: AdmissionPolicy,
): VoteJudgement {
  const threshold = assertTwoThirds(policy);
  const { committeeMembers, votesFor, votesAgainst } = vote;
  if (
    ![committeeMembers, votesFor, votesAgainst].every(isCount) ||
    committeeMembers < 1 ||
    votesFor + votesAgainst > committeeMembers
  ) {
    refuseInconsistent(
      'votesFor',
      `Số phiếu (${votesFor} tán thành, ${votesAgainst} không tán thành) không khớp với ${committeeMembers} ủy viên`,
      `${votesFor} for and ${votesAgainst} against do not fit ${committeeMembers} committee members`,
      vote,
    );
  }
  return {
    passed: reachesTwoThirds(votesFor, committeeMembers),
    votesFor,
    votesAgainst,
    denominator: committeeMembers,
    threshold,
    votesNeeded: votesNeeded(committeeMembers, threshold),
    policyVersion: policy.version,
  };
}

/**
 * Recognition: after this many cell votes without 2/3 the upper committee decides, so that a
 * divided cell cannot keep a probationary member waiting forever.
 */
export function recognitionGoesToUpperCommittee(
  failedCellVotes: number,
  policy: AdmissionPolicy,
): boolean {
  return failedCellVotes >= policy.recognitionCellVotesBeforeEscalation;
}
