import { attainmentPercent, zeroPad } from './attainment';
import { type QuotaMetric } from './metric';

/**
 * The sentence a committee report prints for one metric, in the wording of the district reports
 * (`/work/shared/seeds`), with an English sentence beside it:
 *
 * - "đã kết nạp 06/17 đảng viên mới, đạt 35% chỉ tiêu Quận ủy giao"
 * - "lớp bồi dưỡng nhận thức về Đảng đạt 26/37 học viên (70%)"
 * - several issuers, as the Thanh Trì report writes it: "đã phát triển 09/15 đảng viên mới, đạt
 *   60% chỉ tiêu Thành ủy giao (9/25, đạt 36% chỉ tiêu BCĐ huyện giao)"
 *
 * Counts of the first figure are written on two digits (09/15), the figures in the parenthesis
 * as plain numbers (9/25), as in that report. Without a target (none, or 0) the sentence gives the
 * count alone, never a percentage.
 */
export interface BilingualSentence {
  vi: string;
  en: string;
}

export interface AttainmentSentenceInput {
  metric: QuotaMetric;
  achieved: number;
  /** The target count (see `targetCount` for a share); `null` or 0 when there is none. */
  target: number | null;
  /** Who set the target ("Thành ủy", "BCĐ huyện"); the sentence says "chỉ tiêu" alone without it. */
  issuerName?: string;
}

interface IssuerTarget {
  target: number | null;
  issuerName: string;
}

export interface CombinedSentenceInput {
  metric: QuotaMetric;
  achieved: number;
  /** In the order the report lists them: the first is the headline figure. */
  targets: IssuerTarget[];
}

interface Wording {
  /** Verb phrase and noun, e.g. "đã kết nạp" … "đảng viên mới". */
  vi: { verb: string; combinedVerb: string; noun: string };
  en: { verb: string; noun: string; nounOne: string };
}

const WORDING: Record<Exclude<QuotaMetric, 'TRAINED'>, Wording> = {
  NOMINATED: {
    vi: { verb: 'đã giới thiệu', combinedVerb: 'đã giới thiệu', noun: 'quần chúng ưu tú' },
    en: { verb: 'nominated', noun: 'outstanding people', nounOne: 'outstanding person' },
  },
  ADMITTED: {
    // "phát triển đảng viên" is the campaign's name for admitting; the Thanh Trì report uses it
    // in its two-issuer sentence, the Tây Hồ and Đống Đa reports say "kết nạp" for one issuer.
    vi: { verb: 'đã kết nạp', combinedVerb: 'đã phát triển', noun: 'đảng viên mới' },
    en: { verb: 'admitted', noun: 'new members', nounOne: 'new member' },
  },
  OFFICIAL: {
    vi: { verb: 'đã công nhận', combinedVerb: 'đã công nhận', noun: 'đảng viên chính thức' },
    en: { verb: 'recognised', noun: 'official members', nounOne: 'official member' },
  },
};

const CLASS_VI = 'lớp bồi dưỡng nhận thức về Đảng đạt';
const CLASS_EN = 'awareness class:';

function hasTarget(target: number | null): target is number {
  return target !== null && target > 0;
}

function issuerVi(issuerName: string | undefined): string {
  return issuerName ? `chỉ tiêu ${issuerName} giao` : 'chỉ tiêu';
}

function issuerEn(issuerName: string | undefined): string {
  return issuerName ? `of the target set by ${issuerName}` : 'of the target';
}

function percentOf(achieved: number, target: number): number {
  return attainmentPercent(achieved, target)!;
}

function noTargetSentence(metric: QuotaMetric, achieved: number): BilingualSentence {
  if (metric === 'TRAINED') {
    return {
      vi: `${CLASS_VI} ${zeroPad(achieved)} học viên`,
      en: `${CLASS_EN} ${achieved} attended`,
    };
  }
  const w = WORDING[metric];
  return {
    vi: `${w.vi.verb} ${zeroPad(achieved)} ${w.vi.noun}`,
    en: `${w.en.verb} ${achieved} ${achieved === 1 ? w.en.nounOne : w.en.noun}`,
  };
}

/** One metric against one issuer's target. */
export function attainmentSentence(input: AttainmentSentenceInput): BilingualSentence {
  const { metric, achieved, target, issuerName } = input;
  if (!hasTarget(target)) return noTargetSentence(metric, achieved);
  const percent = percentOf(achieved, target);
  if (metric === 'TRAINED') {
    // Attendance against enrolment: the class's own figure, named without an issuer.
    return {
      vi: `${CLASS_VI} ${zeroPad(achieved)}/${zeroPad(target)} học viên (${percent}%)`,
      en: `${CLASS_EN} ${achieved} of ${target} enrolled attended (${percent}%)`,
    };
  }
  const w = WORDING[metric];
  return {
    vi: `${w.vi.verb} ${zeroPad(achieved)}/${zeroPad(target)} ${w.vi.noun}, đạt ${percent}% ${issuerVi(issuerName)}`,
    en: `${w.en.verb} ${achieved} of ${target} ${w.en.noun}, ${percent}% ${issuerEn(issuerName)}`,
  };
}

/**
 * One metric against several issuers' targets for the same unit and period: the first issuer
 * with a target gives the headline figure, the others follow in parentheses. Issuers without a
 * target are left out; with one target left this is `attainmentSentence`, with none the count.
 */
export function combinedAttainmentSentence(input: CombinedSentenceInput): BilingualSentence {
  const { metric, achieved } = input;
  const targets = input.targets.filter((t): t is { target: number; issuerName: string } =>
    hasTarget(t.target),
  );
  if (targets.length === 0) return noTargetSentence(metric, achieved);
  if (targets.length === 1) return attainmentSentence({ metric, achieved, ...targets[0] });

  const [first, ...rest] = targets;
  const restVi = rest.map(
    (t) =>
      `${achieved}/${t.target}, đạt ${percentOf(achieved, t.target)}% ${issuerVi(t.issuerName)}`,
  );
  const restEn = rest.map(
    (t) =>
      `${achieved} of ${t.target}, ${percentOf(achieved, t.target)}% ${issuerEn(t.issuerName)}`,
  );
  const firstPercent = percentOf(achieved, first.target);
  if (metric === 'TRAINED') {
    return {
      vi: `${CLASS_VI} ${zeroPad(achieved)}/${zeroPad(first.target)} học viên (${firstPercent}% ${issuerVi(first.issuerName)}; ${restVi.join('; ')})`,
      en: `${CLASS_EN} ${achieved} of ${first.target} enrolled attended (${firstPercent}% ${issuerEn(first.issuerName)}; ${restEn.join('; ')})`,
    };
  }
  const w = WORDING[metric];
  return {
    vi: `${w.vi.combinedVerb} ${zeroPad(achieved)}/${zeroPad(first.target)} ${w.vi.noun}, đạt ${firstPercent}% ${issuerVi(first.issuerName)} (${restVi.join('; ')})`,
    en: `${w.en.verb} ${achieved} of ${first.target} ${w.en.noun}, ${firstPercent}% ${issuerEn(first.issuerName)} (${restEn.join('; ')})`,
  };
}
