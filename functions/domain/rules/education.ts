import { EDUCATION_LEVELS, type EducationLevel } from './education-level';
import { type AdmissionPolicy, type PolicyVersionId } from './policy';
import { refuseByPolicy } from './rule-refusal';

export { EDUCATION_LEVELS, type EducationLevel } from './education-level';

const LEVEL_LABELS: Record<EducationLevel, { label: string; labelEn: string }> = {
  NONE: { label: 'chưa có bằng', labelEn: 'no diploma' },
  PRIMARY: { label: 'tiểu học', labelEn: 'primary school' },
  LOWER_SECONDARY: { label: 'trung học cơ sở', labelEn: 'lower-secondary school' },
  UPPER_SECONDARY: { label: 'trung học phổ thông', labelEn: 'upper-secondary school' },
  TERTIARY: { label: 'cao đẳng, đại học', labelEn: 'college or university' },
};

/** Unit attributes under which primary school suffices (miền núi, biên giới, hải đảo, vùng đồng bào dân tộc thiểu số). */
export const SPECIAL_AREAS = ['MOUNTAIN', 'BORDER', 'ISLAND', 'ETHNIC_MINORITY'] as const;
export type SpecialArea = (typeof SPECIAL_AREAS)[number];

export interface EducationCheck {
  required: EducationLevel;
  /** True when the lower minimum of a special area applied. */
  specialArea: boolean;
  policyVersion: PolicyVersionId;
}

export function checkEducation(
  level: EducationLevel,
  unitAreas: readonly SpecialArea[],
  policy: AdmissionPolicy,
): EducationCheck {
  const specialArea = unitAreas.length > 0;
  const required = specialArea ? policy.education.minimumInSpecialAreas : policy.education.minimum;
  if (EDUCATION_LEVELS.indexOf(level) < EDUCATION_LEVELS.indexOf(required)) {
    const has = LEVEL_LABELS[level];
    const needs = LEVEL_LABELS[required];
    return refuseByPolicy(policy, {
      code: 'EDUCATION_BELOW_MINIMUM',
      message: `Trình độ học vấn (${has.label}) chưa đạt tối thiểu ${needs.label}${specialArea ? ' của vùng miền núi, biên giới, hải đảo, đồng bào dân tộc thiểu số' : ''}`,
      message_en: `Education (${has.labelEn}) is below the minimum of ${needs.labelEn}${specialArea ? ' for mountain, border, island and ethnic-minority areas' : ''}`,
      field: 'educationLevel',
      details: { level, required, unitAreas: [...unitAreas] },
    });
  }
  return { required, specialArea, policyVersion: policy.version };
}
