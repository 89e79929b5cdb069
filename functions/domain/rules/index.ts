/**
 * The pure rules of the admission procedure (docs/admission-rules.md): calendars, policy versions,
 * eligibility and stage rules. No I/O; every "no" is a Refusal naming the rule and the policy.
 */
export * from './age';
export * from './calendar-date';
export * from './cell-vote';
export * from './certificate';
export * from './deadlines';
export * from './dossier-freshness';
export * from './education';
export * from './event-dates';
export * from './holidays';
export * from './lunar-calendar';
export * from './policy';
export * from './readmission';
export * from './sponsors';
export * from './working-days';
