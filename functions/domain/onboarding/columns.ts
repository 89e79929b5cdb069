import * as z from 'zod';
import { nominationSchema } from '../nomination';
import {
  completingAction,
  type HumanStageId,
  PHASES,
  PIPELINE,
  PROBATION,
  stageLabel,
} from '../pipeline';
import { FIELD_LABELS } from './field-labels';

/**
 * The columns of an onboarding file, derived from the pipeline table: the person (the nomination's
 * own schema) and, for every human stage, the fields of the action that completes it, under the
 * dossier key that action records them in (`cellResolution.meetingDate`). A stage added to the
 * table, or a field added to an action, is a column here with no other edit; only its label is
 * looked up (field-labels.ts; a unit test fails while one is missing).
 *
 * Arrays take a 1-based index in the key (`sponsorship.sponsors.2.name`): the template shows the
 * first few items, the parser accepts any index the action's schema allows.
 */

type LeafType = 'date' | 'text' | 'integer' | 'boolean';

export interface ImportColumn {
  /** The key as written in the header, with `#` for an array index (`sponsorship.sponsors.#.kind`). */
  pattern: string;
  /** The stage whose completing action records it; `PERSON` for who the candidate is. */
  group: HumanStageId | 'PERSON';
  label: string;
  labelEn: string;
  type: LeafType;
  /** The allowed values of a code column. */
  values?: string[];
  /** Required whenever its stage is behind the file (or always, for the person). */
  required: boolean;
  /** The most array items any `#` stands for. */
  maxItems?: number;
}

export { IMPORTABLE_STAGES, type ImportableStage } from './importable-stages';
import { IMPORTABLE_STAGES, type ImportableStage } from './importable-stages';

/** The two columns that are the import's own: where the file stands and since when it exists. */
export const STAGE_COLUMN = 'stage';
export const NOMINATED_ON_COLUMN = 'nominatedOn';

type JsonSchema = {
  type?: string;
  format?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

function leafType(schema: JsonSchema): LeafType {
  if (schema.format === 'date') return 'date';
  if (schema.type === 'integer' || schema.type === 'number') return 'integer';
  if (schema.type === 'boolean') return 'boolean';
  return 'text';
}

function leafValues(schema: JsonSchema): string[] | undefined {
  if (schema.enum) return schema.enum.map(String);
  if (schema.const !== undefined) return [String(schema.const)];
  return undefined;
}

interface Leaf {
  path: string[];
  type: LeafType;
  values?: string[];
  required: boolean;
  maxItems?: number;
}

/** The leaves of a JSON schema; the variants of a union merge (a field is required in all or not). */
function leavesOf(
  schema: JsonSchema,
  path: string[],
  required: boolean,
  maxItems?: number,
): Leaf[] {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const perVariant = variants.map((v) => leavesOf(v, path, required, maxItems));
    const merged = new Map<string, Leaf>();
    for (const leaf of perVariant.flat()) {
      const key = leaf.path.join('.');
      const seen = merged.get(key);
      const values =
        seen?.values && leaf.values ? [...new Set([...seen.values, ...leaf.values])] : leaf.values;
      merged.set(key, { ...(seen ?? leaf), ...(values ? { values } : {}) });
    }
    // Required only if every variant requires it (the others lack it or leave it optional).
    return [...merged.entries()].map(([key, leaf]) => ({
      ...leaf,
      required: perVariant.every((ls) => ls.some((l) => l.path.join('.') === key && l.required)),
    }));
  }
  if (schema.type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([name, property]) =>
      leavesOf(
        property,
        [...path, name],
        required && (schema.required ?? []).includes(name),
        maxItems,
      ),
    );
  }
  if (schema.type === 'array' && schema.items) {
    // The first item is required when the array is; later ones never are.
    return leavesOf(schema.items, [...path, '#'], required, schema.maxItems ?? maxItems);
  }
  return [{ path, type: leafType(schema), values: leafValues(schema), required, maxItems }];
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function labelled(
  leaf: Leaf,
  prefix: string[],
  group: ImportColumn['group'],
  owner?: { label: string; labelEn: string },
): ImportColumn {
  const names = leaf.path.filter((p) => p !== '#');
  const words = names.map((n) => FIELD_LABELS[n] ?? { vi: n, en: n });
  const vi = words.map((w) => w.vi).join(' – ');
  const en = words.map((w) => w.en).join(' – ');
  return {
    pattern: [...prefix, ...leaf.path].join('.'),
    group,
    label: owner ? `${vi} (${owner.label})` : vi,
    labelEn: owner ? `${en} (${owner.labelEn})` : en,
    type: leaf.type,
    ...(leaf.values ? { values: leaf.values } : {}),
    required: leaf.required,
    ...(leaf.maxItems ? { maxItems: leaf.maxItems } : {}),
  };
}

function personColumns(): ImportColumn[] {
  const own: ImportColumn[] = [
    {
      pattern: STAGE_COLUMN,
      group: 'PERSON',
      label: 'Bước hiện tại của hồ sơ',
      labelEn: 'Current stage of the file',
      type: 'text',
      values: [...IMPORTABLE_STAGES],
      required: true,
    },
    {
      pattern: NOMINATED_ON_COLUMN,
      group: 'PERSON',
      label: 'Ngày chi bộ giới thiệu quần chúng ưu tú',
      labelEn: 'Date the cell nominated the person',
      type: 'date',
      required: true,
    },
  ];
  const nomination = leavesOf(jsonSchemaOf(nominationSchema()), [], true).map((leaf) =>
    labelled(leaf, [], 'PERSON'),
  );
  return [...own, ...nomination];
}

function stageColumns(): ImportColumn[] {
  return PIPELINE.flatMap((stage) => {
    const action = completingAction(stage);
    return leavesOf(jsonSchemaOf(action.payload), [], true).map((leaf) =>
      labelled(leaf, [action.dossierKey], stage.id, stage),
    );
  });
}

/** Every column an onboarding file may have, person first, then stage by stage. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [...personColumns(), ...stageColumns()];

/**
 * The human stages whose facts a file at `stage` has behind it, in order. A grassroots cell's
 * files skip the committee's votes: the replay asks only for the stages it actually passes.
 */
function stagesBehind(stage: ImportableStage): HumanStageId[] {
  if (stage === 'OFFICIAL') return PIPELINE.map((s) => s.id);
  if (stage === PROBATION.during) return PHASES.admission.stages.map((s) => s.id);
  const order = PIPELINE.find((s) => s.id === stage)!.order;
  return PIPELINE.filter((s) => s.order < order).map((s) => s.id);
}

/** The template's guide: each importable stage, with the required columns of the stages behind it. */
export function importStageGuide() {
  return IMPORTABLE_STAGES.map((id) => {
    const behind = stagesBehind(id);
    return {
      stage: id,
      ...stageLabel(id),
      stagesBehind: behind,
      requiredColumns: IMPORT_COLUMNS.filter(
        (c) => c.required && (c.group === 'PERSON' || behind.includes(c.group)),
      ).map((c) => c.pattern.replaceAll('#', '1')),
    };
  });
}

/** The column a header key names (`sponsorship.sponsors.2.name`), or undefined. */
export function columnOf(key: string): ImportColumn | undefined {
  const pattern = key.replace(/\.\d+(?=\.|$)/g, '.#');
  return IMPORT_COLUMNS.find((c) => c.pattern === pattern);
}
