import type { Candidate } from './candidate';
import { HUMAN_STAGE_IDS, type HumanStageId, type StageId } from './pipeline';

/**
 * The dossier's forms of admission and recognition (Hướng dẫn 12-HD/BTCTW): which are on file for a candidate and
 * which the next step still needs. Derived from what the actions recorded, never entered twice.
 */
export interface DocumentStatus {
  form: string;
  label: string;
  labelEn: string;
  present: boolean;
  /** The stage that cannot be completed without it. */
  requiredFor: HumanStageId;
  /** The date the recorded action gives for it, when present. */
  date?: string;
}

interface FormSpec {
  form: string;
  label: string;
  labelEn: string;
  requiredFor: HumanStageId;
  /** Whether this candidate needs the form at all (an organisation's resolution, a committee vote). */
  applies?(c: Candidate): boolean;
  /** The date it was recorded on, if it is on file. */
  dateOf(d: Record<string, any>): string | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any -- dossier entries are the validated payloads
}

type Sponsor = { kind: string; documentDate: string };
const sponsorDate = (kind: string) => (d: Record<string, { sponsors?: Sponsor[] }>) =>
  d.sponsorship?.sponsors?.find((s) => s.kind === kind)?.documentDate;
const sponsoredBy = (kind: string) => (c: Candidate) => {
  const sponsors = (c.dossier.sponsorship as { sponsors?: Sponsor[] } | undefined)?.sponsors;
  return sponsors ? sponsors.some((s) => s.kind === kind) : false;
};

const DOSSIER_FORMS: readonly FormSpec[] = [
  {
    form: 'CN-NTVĐ',
    label: 'Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng',
    labelEn: 'Party awareness class certificate',
    requiredFor: 'AWARENESS_CLASS',
    dateOf: (d) => (d.awarenessClass?.result === 'PASSED' ? d.awarenessClass.issuedOn : undefined),
  },
  {
    form: '1-KNĐ',
    label: 'Đơn xin vào Đảng',
    labelEn: 'Application for membership',
    requiredFor: 'APPLICATION',
    dateOf: (d) => d.application?.applicationReceivedOn,
  },
  {
    form: '2-KNĐ',
    label: 'Lý lịch của người xin vào Đảng',
    labelEn: 'Background form',
    requiredFor: 'APPLICATION',
    dateOf: (d) => d.application?.backgroundFormReceivedOn,
  },
  {
    form: '3-KNĐ',
    label: 'Giấy giới thiệu người vào Đảng',
    labelEn: 'Sponsor letter of an official member',
    requiredFor: 'SPONSORSHIP',
    dateOf: sponsorDate('MEMBER'),
  },
  {
    form: '4-KNĐ',
    label: 'Nghị quyết giới thiệu đoàn viên ưu tú (Ban Chấp hành Đoàn)',
    labelEn: 'Youth Union executive committee resolution',
    requiredFor: 'SPONSORSHIP',
    applies: sponsoredBy('YOUTH_UNION_RESOLUTION'),
    dateOf: sponsorDate('YOUTH_UNION_RESOLUTION'),
  },
  {
    form: '4A-KNĐ',
    label: 'Nghị quyết giới thiệu đoàn viên công đoàn ưu tú (Ban Chấp hành Công đoàn)',
    labelEn: 'Trade Union executive committee resolution',
    requiredFor: 'SPONSORSHIP',
    applies: sponsoredBy('TRADE_UNION_RESOLUTION'),
    dateOf: sponsorDate('TRADE_UNION_RESOLUTION'),
  },
  {
    form: '5-KNĐ',
    label: 'Tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi bộ nơi cư trú',
    labelEn: 'Summary of comments (mass organisations, residence cell)',
    requiredFor: 'SPONSORSHIP',
    dateOf: (d) => d.sponsorship?.commentsSummaryOn,
  },
  {
    form: '6-KNĐ',
    label: 'Nghị quyết đề nghị kết nạp của chi bộ',
    labelEn: 'Cell resolution proposing the admission',
    requiredFor: 'CELL_RESOLUTION',
    dateOf: (d) => d.cellResolution?.meetingDate,
  },
  {
    form: '8-KNĐ',
    label: 'Nghị quyết đề nghị kết nạp của đảng ủy cơ sở',
    labelEn: 'Grassroots committee resolution',
    requiredFor: 'GRASSROOTS_RESOLUTION',
    applies: (c) => c.unitLevel !== 'GRASSROOTS_CELL',
    dateOf: (d) => d.grassrootsResolution?.meetingDate,
  },
  {
    form: '9-KNĐ',
    label: 'Quyết định kết nạp đảng viên',
    labelEn: 'Admission decision',
    requiredFor: 'ADMISSION_DECISION',
    dateOf: (d) =>
      d.admissionDecision?.decision === 'APPROVE' ? d.admissionDecision.decisionDate : undefined,
  },
  // Recognition after probation: the cell's review needs 10–12 and produces 13.
  {
    form: '10-KNĐ',
    label: 'Bản tự kiểm điểm của đảng viên dự bị',
    labelEn: "Probationary member's self-review",
    requiredFor: 'RECOGNITION_CELL_REVIEW',
    dateOf: (d) => d.recognitionCellReview?.selfReviewOn,
  },
  {
    form: '11-KNĐ',
    label: 'Bản nhận xét đảng viên dự bị của đảng viên giúp đỡ',
    labelEn: "Helping member's assessment",
    requiredFor: 'RECOGNITION_CELL_REVIEW',
    dateOf: (d) => d.recognitionCellReview?.helperAssessmentOn,
  },
  {
    form: '12-KNĐ',
    label: 'Tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi bộ nơi cư trú',
    labelEn: 'Summary of comments (mass organisations, residence cell)',
    requiredFor: 'RECOGNITION_CELL_REVIEW',
    dateOf: (d) => d.recognitionCellReview?.commentsSummaryOn,
  },
  {
    form: '13-KNĐ',
    label: 'Nghị quyết đề nghị công nhận đảng viên chính thức của chi bộ',
    labelEn: 'Cell resolution proposing official membership',
    requiredFor: 'RECOGNITION_CELL_REVIEW',
    // A vote short of 2/3 is no resolution, even when the case went up after the third.
    dateOf: (d) =>
      d.recognitionCellReview?.outcome?.startsWith('passed')
        ? d.recognitionCellReview.meetingDate
        : undefined,
  },
  {
    form: '14-KNĐ',
    label: 'Báo cáo đề nghị công nhận đảng viên chính thức của đảng ủy bộ phận',
    labelEn: "Sub-committee's report on official membership",
    requiredFor: 'RECOGNITION_GRASSROOTS',
    // Only where a sub-committee (đảng ủy bộ phận) exists: known once its report is recorded.
    applies: (c) =>
      (c.dossier.recognitionGrassroots as { subCommitteeReportOn?: string } | undefined)
        ?.subCommitteeReportOn !== undefined,
    dateOf: (d) => d.recognitionGrassroots?.subCommitteeReportOn,
  },
  {
    form: '15-KNĐ',
    label: 'Nghị quyết đề nghị công nhận đảng viên chính thức của đảng ủy cơ sở',
    labelEn: 'Grassroots committee resolution on official membership',
    requiredFor: 'RECOGNITION_GRASSROOTS',
    applies: (c) => c.unitLevel !== 'GRASSROOTS_CELL',
    dateOf: (d) => d.recognitionGrassroots?.meetingDate,
  },
];

/**
 * The checklist of a candidate. A form counts as present once the stage that records it is
 * behind the candidate: after a lapsed certificate or a stale dossier sent the candidate back,
 * the forms of the stage to redo and of the stages after it are missing again.
 */
export function documentChecklist(candidate: Candidate): DocumentStatus[] {
  return DOSSIER_FORMS.filter((f) => !f.applies || f.applies(candidate)).map((f) => {
    const date = f.dateOf(candidate.dossier);
    // The forms of the current stage are what it must (re)produce: one left from an earlier
    // pass (a lapsed certificate, stale sponsor letters) no longer counts.
    const present = date !== undefined && stageIndex(f.requiredFor) < stageIndex(candidate.stage);
    return {
      form: f.form,
      label: f.label,
      labelEn: f.labelEn,
      present,
      requiredFor: f.requiredFor,
      ...(present ? { date } : {}),
    };
  });
}

function stageIndex(stage: StageId): number {
  const i = (HUMAN_STAGE_IDS as readonly string[]).indexOf(stage);
  return i < 0 ? HUMAN_STAGE_IDS.length : i;
}

/** The forms still missing for the step the candidate is at. */
export function missingForCurrentStep(candidate: Candidate): string[] {
  return documentChecklist(candidate)
    .filter((d) => !d.present && d.requiredFor === candidate.stage)
    .map((d) => d.form);
}
