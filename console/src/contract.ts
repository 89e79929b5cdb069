import type { ContractForms, StageForm } from './forms/contract-forms';
import type { Labels } from './forms/schema-form';
import {
  EXTRA_FIELD_LABELS,
  UNIT_FIELD_LABELS,
  UNIT_VALUE_LABELS,
  VALUE_LABELS,
} from './forms/value-labels';

/** Put in the bundle by console/build.ts from console/contract-forms.ts. */
declare const __CONTRACT_FORMS__: ContractForms;

export const CONTRACT: ContractForms = __CONTRACT_FORMS__;
export const LABELS: Labels = {
  fields: { ...EXTRA_FIELD_LABELS, ...CONTRACT.fieldLabels },
  values: VALUE_LABELS,
};
/** The units admin's forms: a unit's name and levels (console/src/forms/value-labels.ts). */
export const UNIT_LABELS: Labels = {
  fields: { ...LABELS.fields, ...UNIT_FIELD_LABELS },
  values: { ...LABELS.values, ...UNIT_VALUE_LABELS },
};

const stages = new Map(CONTRACT.stages.map((s) => [s.id, s]));

export function stageOf(id: string): StageForm | undefined {
  return stages.get(id);
}

export function actionOf(id: string) {
  for (const stage of CONTRACT.stages) {
    const action = stage.actions.find((a) => a.id === id);
    if (action) return action;
  }
  return undefined;
}

/** The admission stages in order, for the timeline and the stage filter. */
export const ADMISSION_STAGES = CONTRACT.stages
  .filter((s) => s.phase === 'admission')
  .sort((a, b) => a.order - b.order);
