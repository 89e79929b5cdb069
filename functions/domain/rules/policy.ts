import { refuse } from '../refusal';
import { compareDates, type IsoDate, vietnameseDate } from './calendar-date';
import type { EducationLevel } from './education-level';

/**
 * Parameters of the admission procedure, one object per policy version (docs/admission-rules.md,
 * "Policy versions"). An event is judged by the version in force on the
 * day it happened, so the numbers stay data with an effective date rather than constants: when
 * the Central Committee changes one, a new object is appended and old dossiers keep their rules.
 */
export type PolicyVersionId = 'QD29-2016' | 'QD24-2021' | 'QD232-2025' | 'QD294-2025';

export interface Fraction {
  numerator: number;
  denominator: number;
}

/** Where a parameter's figure comes from; `check` marks a figure still to be confirmed. */
interface ParameterSource {
  source: string;
  check?: true;
  note?: string;
}

export interface AdmissionPolicy {
  version: PolicyVersionId;
  inForceFrom: IsoDate;
  documents: readonly string[];
  /** The source of each parameter this version states in its own words (README, "Policy versions"). */
  sources?: Partial<Record<PolicyParameter, ParameterSource>>;
  /** Minimum schooling, and the lower minimum of mountain, border, island and ethnic areas. */
  education: { minimum: EducationLevel; minimumInSpecialAreas: EducationLevel };
  age: {
    /** Eligible from the month the candidate reaches this age (see age.ts for the reading). */
    minYears: number;
    /** Eligible while no older than this, counted by month; older only with prior consent. */
    maxYears: number;
  };
  /** Oldest candidate a Đoàn resolution may sponsor (Đoàn age, "tuổi đoàn"). */
  youthUnionMaxAgeYears: number;
  awarenessCertificateValidityMonths: number;
  /** A dossier the cell has not considered for longer than this must be partly redone. */
  staleDossierMonths: number;
  /** Share of yes-votes a cell or committee needs, as exact integers. */
  voteThreshold: Fraction;
  sponsorMonthsTogether: number;
  admissionDecisionWorkingDays: number;
  admissionDecisionExtensionWorkingDays: number;
  ceremonyWorkingDays: number;
  probationMonths: number;
  recognitionReviewWorkingDays: number;
  recognitionDecisionWorkingDays: number;
  recognitionDecisionExtensionWorkingDays: number;
  /** Failed recognition votes of the cell after which the upper committee takes the case. */
  recognitionCellVotesBeforeEscalation: number;
  /**
   * Working days between the notices about an overdue step: the reminder comes no sooner than
   * this after the step was reached, each escalation this long after the notice before it. The
   * documents set no figure (check): one working week.
   */
  overdueNoticeWorkingDays: number;
  readmissionMonthsAfterLeaving: number;
  readmissionsAllowed: number;
}

type PolicyParameter = Exclude<
  keyof AdmissionPolicy,
  'version' | 'inForceFrom' | 'documents' | 'sources'
>;

/**
 * The version in force before Quy định 24-QĐ/TW: its figures equal the 2021 ones (the Party
 * Statute of 2011 fixes most of them), so the difference is in sources, not numbers. Each figure
 * names where it stands; `check` marks those not yet compared with the 2016 text itself.
 */
const QD29_2016_SOURCES: Record<PolicyParameter, ParameterSource> = {
  age: {
    source: 'Quy định 29-QĐ/TW (2016), điểm 3 (Điều 1 Điều lệ Đảng)',
    note: 'đủ 18 đến đủ 60 tuổi, tính theo tháng; trên 60 cần cấp ủy trực thuộc Trung ương đồng ý',
  },
  education: {
    source: 'Quy định 29-QĐ/TW (2016), điểm 3; Hướng dẫn 01-HD/TW (2016)',
    check: true,
    note: 'tiểu học ở miền núi, biên giới, hải đảo, vùng đồng bào dân tộc thiểu số',
  },
  youthUnionMaxAgeYears: { source: 'Điều lệ Đoàn TNCS Hồ Chí Minh (tuổi đoàn đến 30)' },
  awarenessCertificateValidityMonths: {
    source: 'Hướng dẫn 01-HD/TW (2016)',
    check: true,
    note: 'giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng: 60 tháng',
  },
  staleDossierMonths: {
    source: 'Hướng dẫn 01-HD/TW (2016)',
    check: true,
    note: 'some local guides use 6 months',
  },
  voteThreshold: { source: 'Điều lệ Đảng (2011), Điều 4; Quy định 29-QĐ/TW (2016)' },
  sponsorMonthsTogether: { source: 'Điều lệ Đảng (2011), Điều 4; Quy định 29-QĐ/TW (2016)' },
  admissionDecisionWorkingDays: {
    source: 'Quy định 29-QĐ/TW (2016), điểm 4',
    check: true,
    note: '30 working days at the grassroots committee, then 30 at the upper standing committee',
  },
  admissionDecisionExtensionWorkingDays: { source: 'Quy định 29-QĐ/TW (2016)', check: true },
  ceremonyWorkingDays: { source: 'Quy định 29-QĐ/TW (2016), điểm 4' },
  probationMonths: { source: 'Điều lệ Đảng (2011), Điều 5' },
  recognitionReviewWorkingDays: { source: 'Quy định 29-QĐ/TW (2016), điểm 5' },
  recognitionDecisionWorkingDays: { source: 'Quy định 29-QĐ/TW (2016), điểm 5' },
  recognitionDecisionExtensionWorkingDays: { source: 'Quy định 29-QĐ/TW (2016)', check: true },
  recognitionCellVotesBeforeEscalation: {
    source: 'this system (no figure in the documents)',
    check: true,
  },
  overdueNoticeWorkingDays: { source: 'this system (no figure in the documents)', check: true },
  readmissionMonthsAfterLeaving: { source: 'Quy định 29-QĐ/TW (2016), điểm 3 (kết nạp lại)' },
  readmissionsAllowed: { source: 'Quy định 29-QĐ/TW (2016), điểm 3 (kết nạp lại)' },
};

const QD24_2021: AdmissionPolicy = {
  version: 'QD24-2021',
  inForceFrom: '2021-07-30',
  documents: ['Quy định 24-QĐ/TW', 'Hướng dẫn 01-HD/TW (2021)'],
  age: { minYears: 18, maxYears: 60 },
  education: { minimum: 'LOWER_SECONDARY', minimumInSpecialAreas: 'PRIMARY' },
  youthUnionMaxAgeYears: 30,
  awarenessCertificateValidityMonths: 60,
  staleDossierMonths: 12, // check: some local guides use 6
  voteThreshold: { numerator: 2, denominator: 3 },
  sponsorMonthsTogether: 12,
  admissionDecisionWorkingDays: 60,
  admissionDecisionExtensionWorkingDays: 30,
  ceremonyWorkingDays: 30,
  probationMonths: 12,
  recognitionReviewWorkingDays: 30,
  recognitionDecisionWorkingDays: 30,
  recognitionDecisionExtensionWorkingDays: 30,
  recognitionCellVotesBeforeEscalation: 3,
  overdueNoticeWorkingDays: 5,
  readmissionMonthsAfterLeaving: 36,
  readmissionsAllowed: 1,
};

/** Each version restates every parameter, so one object tells all. */
export const POLICY_VERSIONS: readonly AdmissionPolicy[] = [
  {
    ...QD24_2021,
    version: 'QD29-2016',
    // check: the day Quy định 29 was signed; its guidance (01-HD/TW) followed on 20/9/2016.
    inForceFrom: '2016-07-25',
    documents: ['Quy định 29-QĐ/TW (25/7/2016)', 'Hướng dẫn 01-HD/TW (20/9/2016)'],
    sources: QD29_2016_SOURCES,
  },
  QD24_2021,
  {
    ...QD24_2021,
    version: 'QD232-2025',
    inForceFrom: '2025-01-20',
    documents: ['Quy định 232-QĐ/TW'],
  },
  {
    ...QD24_2021,
    version: 'QD294-2025',
    inForceFrom: '2025-07-01',
    documents: ['Quy định 294-QĐ/TW (26/5/2025)', 'Hướng dẫn 06-HD/TW (9/6/2025)'],
  },
];

export function policyInForce(
  date: IsoDate,
  versions: readonly AdmissionPolicy[] = POLICY_VERSIONS,
): AdmissionPolicy {
  let inForce: AdmissionPolicy | undefined;
  let first: IsoDate | undefined;
  for (const policy of versions) {
    if (!first || compareDates(policy.inForceFrom, first) < 0) first = policy.inForceFrom;
    const applies = compareDates(policy.inForceFrom, date) <= 0;
    if (applies && (!inForce || compareDates(policy.inForceFrom, inForce.inForceFrom) > 0)) {
      inForce = policy;
    }
  }
  if (!inForce) {
    return refuse('rule', {
      code: 'POLICY_NOT_IN_FORCE',
      message: `Không có quy định nào có hiệu lực vào ngày ${vietnameseDate(date)}${first ? ` (quy định đầu tiên có hiệu lực từ ${vietnameseDate(first)})` : ''}`,
      message_en: `No admission policy was in force on ${date}${first ? ` (the first takes effect on ${first})` : ''}`,
      field: 'date',
      details: { date, firstInForceFrom: first },
    });
  }
  return inForce;
}
