/** From lowest to highest; a diploma counts for every level below it. */
export const EDUCATION_LEVELS = [
  'NONE',
  'PRIMARY', // tiểu học
  'LOWER_SECONDARY', // trung học cơ sở (THCS)
  'UPPER_SECONDARY', // trung học phổ thông (THPT) or vocational equivalent
  'TERTIARY', // cao đẳng, đại học and above
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
