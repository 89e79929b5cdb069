/**
 * What a quota counts (docs/admission-rules.md, "Quotas"). Each metric is earned by one transition
 * of the pipeline (see `counter-keys.ts`).
 */
export const QUOTA_METRICS = ['NOMINATED', 'TRAINED', 'ADMITTED', 'OFFICIAL'] as const;
export type QuotaMetric = (typeof QUOTA_METRICS)[number];

export function isQuotaMetric(value: string): value is QuotaMetric {
  return (QUOTA_METRICS as readonly string[]).includes(value);
}

export const QUOTA_METRIC_LABELS: Record<QuotaMetric, { label: string; labelEn: string }> = {
  NOMINATED: { label: 'Quần chúng ưu tú được giới thiệu', labelEn: 'Outstanding people nominated' },
  TRAINED: {
    label: 'Học viên lớp bồi dưỡng nhận thức về Đảng',
    labelEn: 'Awareness class graduates',
  },
  ADMITTED: { label: 'Đảng viên mới được kết nạp', labelEn: 'New members admitted' },
  OFFICIAL: {
    label: 'Đảng viên được công nhận chính thức',
    labelEn: 'Members recognised official',
  },
};
