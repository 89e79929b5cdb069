/**
 * What the console's forms are generated from, computed when the console is built: the JSON
 * Schema (zod 4's `z.toJSONSchema`) of every action's payload in the pipeline table, of the
 * nomination, of the class bodies and of the units admin's bodies (create, move, retire), with the bilingual field labels the onboarding template
 * uses. The browser gets these as data (no zod in the bundle); the server validates the same
 * schemas, so a form never asks for what the API would refuse, and a refusal names a field the
 * form shows.
 */
import * as z from 'zod';
import { classResultsSchema } from '../functions/domain/bulk';
import { classDefinitionSchema } from '../functions/domain/training-class';
import { FIELD_LABELS } from '../functions/domain/onboarding/field-labels';
import { nominationSchema } from '../functions/domain/nomination';
import {
  unitDefinitionSchema,
  unitMoveSchema,
  unitRetirementSchema,
} from '../functions/domain/org-admin';
import { PIPELINE, TERMINAL_STAGES } from '../functions/domain/pipeline';
import type { ContractForms, JsonSchema } from './src/forms/contract-forms';

/** The JSON Schema a form needs: the date regex (a date input gives the format) left out. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return JSON.parse(JSON.stringify(generated), (key, value: unknown) => {
    if (key === '$schema') return undefined;
    if (value && typeof value === 'object' && (value as JsonSchema).format === 'date') {
      const rest: JsonSchema = { ...(value as JsonSchema) };
      delete rest.pattern;
      return rest;
    }
    return value;
  }) as JsonSchema;
}

export function contractForms(): ContractForms {
  return {
    stages: [
      ...PIPELINE.map((stage) => ({
        id: stage.id,
        phase: stage.phase,
        order: stage.order,
        label: stage.label,
        labelEn: stage.labelEn,
        actor: stage.actor,
        forms: [...stage.forms],
        actions: stage.actions.map((action) => ({
          id: action.id,
          label: action.label,
          labelEn: action.labelEn,
          actor: action.actor,
          schema: jsonSchemaOf(action.payload),
        })),
      })),
      ...TERMINAL_STAGES.map((stage) => ({
        id: stage.id,
        phase: 'closed' as const,
        order: 99,
        label: stage.label,
        labelEn: stage.labelEn,
        actor: undefined,
        forms: [],
        actions: [],
      })),
    ],
    nomination: jsonSchemaOf(nominationSchema()),
    classResults: jsonSchemaOf(classResultsSchema()),
    classDefinition: jsonSchemaOf(classDefinitionSchema()),
    units: {
      create: jsonSchemaOf(unitDefinitionSchema()),
      move: jsonSchemaOf(unitMoveSchema()),
      retire: jsonSchemaOf(unitRetirementSchema()),
    },
    fieldLabels: { ...FIELD_LABELS },
  };
}
