import { addMonths, compareDates, type IsoDate } from './calendar-date';
import { type AdmissionPolicy, type PolicyVersionId } from './policy';

interface DocumentToRedo {
  form: '3-KNĐ' | '4-KNĐ' | '4A-KNĐ' | '5-KNĐ' | '2-KNĐ';
  label: string;
  labelEn: string;
}

export interface DossierAge {
  /**
   * The day the dossier was last complete and current: the latest sponsor document, or the last
   * time the cell considered it.
   */
  currentSince: IsoDate;
  /** Which organisation's resolution sponsored the candidate, if one did: it must be redone too. */
  organisationalSponsor?: 'YOUTH_UNION' | 'TRADE_UNION';
}

export interface DossierFreshness {
  stale: boolean;
  /** Last day the cell may consider the dossier as it stands. */
  lastFreshDay: IsoDate;
  /** Empty while fresh. */
  documentsToRedo: DocumentToRedo[];
  policyVersion: PolicyVersionId;
}

/**
 * Sponsors and organisations vouch for the candidate as they know them now; after a long wait
 * their statements no longer describe the person the cell votes on, so they are renewed, while
 * the application and verified background only need an update.
 */
function documentsToRedo(organisationalSponsor: DossierAge['organisationalSponsor']) {
  const documents: DocumentToRedo[] = [
    {
      form: '3-KNĐ',
      label: 'Giấy giới thiệu người vào Đảng của đảng viên chính thức',
      labelEn: 'Sponsor letters of official members',
    },
  ];
  if (organisationalSponsor === 'YOUTH_UNION') {
    documents.push({
      form: '4-KNĐ',
      label: 'Nghị quyết giới thiệu đoàn viên ưu tú của Ban Chấp hành Đoàn',
      labelEn: 'Youth Union executive committee resolution',
    });
  }
  if (organisationalSponsor === 'TRADE_UNION') {
    documents.push({
      form: '4A-KNĐ',
      label: 'Nghị quyết giới thiệu đoàn viên công đoàn ưu tú của Ban Chấp hành Công đoàn',
      labelEn: 'Trade Union executive committee resolution',
    });
  }
  documents.push(
    {
      form: '5-KNĐ',
      label: 'Tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi bộ nơi cư trú',
      labelEn: 'Summary of comments from mass organisations and the residence cell',
    },
    {
      form: '2-KNĐ',
      label: 'Bổ sung lý lịch người xin vào Đảng',
      labelEn: 'Update of the background form',
    },
  );
  return documents;
}

/** Stale when the cell meets more than the policy's months after the dossier was current. */
export function assessDossierFreshness(
  dossier: DossierAge,
  meetingDate: IsoDate,
  policy: AdmissionPolicy,
): DossierFreshness {
  const lastFreshDay = addMonths(dossier.currentSince, policy.staleDossierMonths);
  const stale = compareDates(meetingDate, lastFreshDay) > 0;
  return {
    stale,
    lastFreshDay,
    documentsToRedo: stale ? documentsToRedo(dossier.organisationalSponsor) : [],
    policyVersion: policy.version,
  };
}
