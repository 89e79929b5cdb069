/**
 * The shape of the data the console's forms are generated from (console/contract-forms.ts
 * computes it from the contract's zod schemas when the console is built).
 */

/** The subset of JSON Schema (draft 2020-12, as zod 4 writes it) the forms read. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | boolean)[];
  const?: string | number | boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  additionalProperties?: boolean | JsonSchema;
}

export interface Bilingual {
  vi: string;
  en: string;
}

export interface StageForm {
  id: string;
  phase: string;
  order: number;
  label: string;
  labelEn: string;
  actor?: string;
  /** The dossier forms (1-KNĐ …) this stage files. */
  forms: string[];
  actions: { id: string; label: string; labelEn: string; actor: string; schema: JsonSchema }[];
}

export interface ContractForms {
  stages: StageForm[];
  nomination: JsonSchema;
  classResults: JsonSchema;
  classDefinition: JsonSchema;
  /** The bodies of POST /units, POST /units/{id}/moves and POST /units/{id}/retirement. */
  units: { create: JsonSchema; move: JsonSchema; retire: JsonSchema };
  fieldLabels: Record<string, Bilingual>;
}
