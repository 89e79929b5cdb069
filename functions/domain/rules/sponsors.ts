import { ageAt } from './age';
import {
  addMonths,
  compareDates,
  completedMonthsBetween,
  type IsoDate,
  vietnameseDate,
} from './calendar-date';
import { type AdmissionPolicy, type PolicyVersionId } from './policy';
import { refuseByPolicy } from './rule-refusal';

interface MemberSponsor {
  kind: 'MEMBER';
  name: string;
  /** Only official members (đảng viên chính thức) may sponsor; seniority is not required. */
  official: boolean;
  /** Since when the member has worked, studied or lived with the candidate in the same unit. */
  togetherSince: IsoDate;
  /** Date of the sponsor letter (3-KNĐ). */
  documentDate: IsoDate;
  /**
   * Set when the cell assigned this member after the original sponsor left: the cell chose them,
   * so the 12 months together are not required.
   */
  replacementAssignedOn?: IsoDate;
}

interface OrganisationSponsor {
  kind: 'YOUTH_UNION_RESOLUTION' | 'TRADE_UNION_RESOLUTION';
  /** Date of the executive committee's resolution (4-KNĐ or 4A-KNĐ). */
  documentDate: IsoDate;
}

export type Sponsor = MemberSponsor | OrganisationSponsor;

export interface SponsoredCandidate {
  dateOfBirth: IsoDate;
  youthUnionMember: boolean;
  tradeUnionMember: boolean;
}

type SponsorshipRoute = 'TWO_MEMBERS' | 'YOUTH_UNION_AND_MEMBER' | 'TRADE_UNION_AND_MEMBER';

export interface SponsorshipCheck {
  route: SponsorshipRoute;
  members: { name: string; monthsTogether: number; replacement: boolean }[];
  policyVersion: PolicyVersionId;
}

function checkOrganisation(
  candidate: SponsoredCandidate,
  sponsor: OrganisationSponsor,
  policy: AdmissionPolicy,
): SponsorshipRoute {
  const date = sponsor.documentDate;
  if (sponsor.kind === 'TRADE_UNION_RESOLUTION') {
    if (!candidate.tradeUnionMember) {
      refuseByPolicy(policy, {
        code: 'SPONSOR_TRADE_UNION_NOT_MEMBER',
        message: `Nghị quyết Công đoàn ngày ${vietnameseDate(date)} chỉ giới thiệu được đoàn viên công đoàn`,
        message_en: `The Trade Union resolution of ${date} can only sponsor a trade-union member`,
        field: 'sponsors',
        details: { documentDate: date },
      });
    }
    return 'TRADE_UNION_AND_MEMBER';
  }
  if (!candidate.youthUnionMember) {
    refuseByPolicy(policy, {
      code: 'SPONSOR_YOUTH_UNION_NOT_MEMBER',
      message: `Nghị quyết Đoàn ngày ${vietnameseDate(date)} chỉ giới thiệu được đoàn viên`,
      message_en: `The Youth Union resolution of ${date} can only sponsor a Youth Union member`,
      field: 'sponsors',
      details: { documentDate: date },
    });
  }
  // Đoàn age is judged when the Đoàn resolves to sponsor: that is the act the rule is about.
  const age = ageAt(candidate.dateOfBirth, date);
  if (age.years > policy.youthUnionMaxAgeYears) {
    refuseByPolicy(policy, {
      code: 'SPONSOR_YOUTH_UNION_OVER_AGE',
      message: `Ngày ${vietnameseDate(date)} người vào Đảng đã ${age.years} tuổi (sinh ngày ${vietnameseDate(candidate.dateOfBirth)}), quá tuổi đoàn (${policy.youthUnionMaxAgeYears}): cần hai đảng viên chính thức hoặc Công đoàn giới thiệu`,
      message_en: `On ${date} the candidate is ${age.years} (born ${candidate.dateOfBirth}), past Youth Union age (${policy.youthUnionMaxAgeYears}): two official members or the Trade Union must sponsor`,
      field: 'sponsors',
      details: { documentDate: date, dateOfBirth: candidate.dateOfBirth, ageYears: age.years },
    });
  }
  return 'YOUTH_UNION_AND_MEMBER';
}

function checkMember(sponsor: MemberSponsor, policy: AdmissionPolicy) {
  const { name, documentDate, togetherSince } = sponsor;
  if (!sponsor.official) {
    refuseByPolicy(policy, {
      code: 'SPONSOR_NOT_OFFICIAL_MEMBER',
      message: `${name} chưa là đảng viên chính thức vào ngày giới thiệu ${vietnameseDate(documentDate)}`,
      message_en: `${name} is not an official member on the sponsoring date ${documentDate}`,
      field: 'sponsors',
      details: { name, documentDate },
    });
  }
  const monthsTogether =
    compareDates(togetherSince, documentDate) <= 0
      ? completedMonthsBetween(togetherSince, documentDate)
      : 0;
  const replacement = sponsor.replacementAssignedOn !== undefined;
  if (!replacement && monthsTogether < policy.sponsorMonthsTogether) {
    const earliest = addMonths(togetherSince, policy.sponsorMonthsTogether);
    refuseByPolicy(policy, {
      code: 'SPONSOR_TOGETHER_TOO_SHORT',
      message: `${name} công tác, học tập hoặc sinh sống cùng người vào Đảng từ ${vietnameseDate(togetherSince)}, chưa đủ ${policy.sponsorMonthsTogether} tháng vào ngày giới thiệu ${vietnameseDate(documentDate)} (đủ từ ${vietnameseDate(earliest)})`,
      message_en: `${name} has been in the same unit as the candidate since ${togetherSince}, less than ${policy.sponsorMonthsTogether} months on the sponsoring date ${documentDate} (enough from ${earliest})`,
      field: 'sponsors',
      details: { name, togetherSince, documentDate, monthsTogether, earliest },
    });
  }
  return { name, monthsTogether, replacement };
}

/**
 * Who may sponsor: two official members; or, for a Đoàn member of Đoàn age, the Đoàn executive
 * committee's resolution plus one official member; or, for a Công đoàn member, the Công đoàn
 * executive committee's resolution plus one official member.
 */
export function checkSponsors(
  candidate: SponsoredCandidate,
  sponsors: readonly Sponsor[],
  policy: AdmissionPolicy,
): SponsorshipCheck {
  const members = sponsors.filter((s): s is MemberSponsor => s.kind === 'MEMBER');
  const organisations = sponsors.filter((s): s is OrganisationSponsor => s.kind !== 'MEMBER');
  const valid =
    (members.length === 2 && organisations.length === 0) ||
    (members.length === 1 && organisations.length === 1);
  if (!valid) {
    return refuseByPolicy(policy, {
      code: 'SPONSORS_COMBINATION_INVALID',
      message: `Cần hai đảng viên chính thức, hoặc nghị quyết Đoàn/Công đoàn và một đảng viên chính thức giới thiệu (có ${members.length} đảng viên, ${organisations.length} nghị quyết)`,
      message_en: `Sponsors must be two official members, or a Youth/Trade Union resolution and one official member (got ${members.length} members, ${organisations.length} resolutions)`,
      field: 'sponsors',
      details: {
        members: members.length,
        resolutions: organisations.length,
        documentDates: sponsors.map((s) => s.documentDate),
      },
    });
  }
  if (members.length === 2 && members[0].name.trim() === members[1].name.trim()) {
    return refuseByPolicy(policy, {
      code: 'SPONSORS_SAME_MEMBER',
      message: `${members[0].name} được ghi hai lần; cần hai đảng viên khác nhau (giới thiệu ngày ${vietnameseDate(members[0].documentDate)} và ${vietnameseDate(members[1].documentDate)})`,
      message_en: `${members[0].name} is listed twice; two different members must sponsor (letters of ${members[0].documentDate} and ${members[1].documentDate})`,
      field: 'sponsors',
      details: { name: members[0].name },
    });
  }
  const route = organisations.length
    ? checkOrganisation(candidate, organisations[0], policy)
    : 'TWO_MEMBERS';
  return {
    route,
    members: members.map((m) => checkMember(m, policy)),
    policyVersion: policy.version,
  };
}
