import type { Bilingual, JsonSchema } from './contract-forms';

/**
 * Turns the JSON Schema of a request body (console/contract-forms.ts) into the fields of a form:
 * what input each property needs, its bilingual label, whether it is required, its limits, and
 * the choices of an enum or of a discriminated union (one variant per value of its `const`
 * discriminator, e.g. a class result PASSED / FAILED / ABSENT). Pure: the form component renders
 * these, and the values it collects go back through `valueOf` into the body the API validates.
 */

export type Field =
  | ScalarField
  | {
      kind: 'group';
      name: string;
      path: string;
      label: Bilingual;
      required: boolean;
      fields: Field[];
    }
  | {
      kind: 'list';
      name: string;
      path: string;
      label: Bilingual;
      required: boolean;
      minItems: number;
      maxItems: number;
      item: Field[];
    };

export interface ScalarField {
  /** `choices`: a list of an enum's values (a unit's special areas), each a checkbox. */
  kind: 'text' | 'date' | 'integer' | 'boolean' | 'select' | 'choices';
  name: string;
  /** Where a refusal names it: `payload.sponsors.0.documentDate` (with the form's prefix). */
  path: string;
  label: Bilingual;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  options?: { value: string; label: Bilingual }[];
  /** A select that picks one of a union's variants: the fields below it depend on its value. */
  variants?: Record<string, Field[]>;
  description?: string;
}

export interface Labels {
  fields: Record<string, Bilingual>;
  values: Record<string, Bilingual>;
}

const titleCase = (name: string): Bilingual => {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return { vi: words, en: words };
};

function labelOf(name: string, labels: Labels): Bilingual {
  return labels.fields[name] ?? titleCase(name);
}

function valueLabel(value: string, labels: Labels): Bilingual {
  return labels.values[value] ?? { vi: value, en: value };
}

/** The variants of a `oneOf` whose members share one property fixed by `const` or `enum`. */
function discriminatorOf(variants: JsonSchema[]): string | undefined {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).find((key) =>
    variants.every((v) => {
      const p = v.properties?.[key];
      return p && (p.const !== undefined || p.enum !== undefined);
    }),
  );
}

function valuesOf(schema: JsonSchema): string[] {
  if (schema.const !== undefined) return [String(schema.const)];
  return (schema.enum ?? []).map(String);
}

/** The fields of an object schema (or of a discriminated union of objects) at `prefix`. */
export function fieldsOf(schema: JsonSchema, labels: Labels, prefix = ''): Field[] {
  const union = schema.oneOf ?? schema.anyOf;
  if (union) {
    const key = discriminatorOf(union);
    if (!key) return [];
    const variants: Record<string, Field[]> = {};
    const options: { value: string; label: Bilingual }[] = [];
    for (const variant of union) {
      for (const value of valuesOf(variant.properties![key])) {
        options.push({ value, label: valueLabel(value, labels) });
        const rest: JsonSchema = {
          ...variant,
          properties: Object.fromEntries(
            Object.entries(variant.properties ?? {}).filter(([name]) => name !== key),
          ),
        };
        variants[value] = fieldsOf(rest, labels, prefix);
      }
    }
    return [
      {
        kind: 'select',
        name: key,
        path: join(prefix, key),
        label: labelOf(key, labels),
        required: true,
        options,
        variants,
      },
    ];
  }
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fieldOf(name, property, required.has(name), labels, prefix),
  );
}

function fieldOf(
  name: string,
  schema: JsonSchema,
  required: boolean,
  labels: Labels,
  prefix: string,
): Field {
  const path = join(prefix, name);
  const label = labelOf(name, labels);
  const base = { name, path, label, required, description: schema.description };
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array' && schema.items && (schema.items.enum || schema.items.const !== undefined)) {
    return {
      ...base,
      kind: 'choices',
      options: valuesOf(schema.items).map((value) => ({ value, label: valueLabel(value, labels) })),
      maximum: schema.maxItems,
    };
  }
  if (type === 'array' && schema.items) {
    return {
      kind: 'list',
      name,
      path,
      label,
      required,
      minItems: schema.minItems ?? 0,
      maxItems: schema.maxItems ?? 100,
      item: fieldsOf(schema.items, labels, `${path}.#`),
    };
  }
  if (type === 'object' || schema.oneOf) {
    return { kind: 'group', name, path, label, required, fields: fieldsOf(schema, labels, path) };
  }
  if (schema.enum || schema.const !== undefined) {
    return {
      ...base,
      kind: 'select',
      options: valuesOf(schema).map((value) => ({ value, label: valueLabel(value, labels) })),
      default: schema.default,
    };
  }
  if (type === 'boolean') return { ...base, kind: 'boolean', default: schema.default ?? false };
  if (type === 'integer' || type === 'number') {
    return {
      ...base,
      kind: 'integer',
      minimum: schema.minimum,
      maximum: schema.maximum,
      default: schema.default,
    };
  }
  if (schema.format === 'date') return { ...base, kind: 'date' };
  return { ...base, kind: 'text', minLength: schema.minLength, maxLength: schema.maxLength };
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

export type FormValues = Record<string, unknown>;

/**
 * The request body from what was typed: text trimmed, empty optional fields left out (so the
 * server applies its defaults), numbers as numbers, unions reduced to the chosen variant's fields.
 */
export function valueOf(fields: Field[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.kind === 'group') {
      const inner = valueOf(field.fields, (raw as FormValues | undefined) ?? {});
      if (field.required || Object.keys(inner).length > 0) body[field.name] = inner;
      continue;
    }
    if (field.kind === 'list') {
      const items = ((raw as FormValues[] | undefined) ?? []).map((item) =>
        valueOf(field.item, item),
      );
      if (field.required || items.length > 0) body[field.name] = items;
      continue;
    }
    const value = scalarValue(field, raw);
    if (value !== undefined) body[field.name] = value;
    if (field.variants && typeof value === 'string') {
      Object.assign(body, valueOf(field.variants[value] ?? [], values));
    }
  }
  return body;
}

function scalarValue(field: ScalarField, raw: unknown): unknown {
  if (field.kind === 'boolean') return raw === undefined ? undefined : Boolean(raw);
  // None ticked leaves the list out, so the server applies its default.
  if (field.kind === 'choices') return Array.isArray(raw) && raw.length > 0 ? raw : undefined;
  const text = typeof raw === 'string' ? raw.trim() : raw === undefined ? '' : String(raw);
  if (text === '') return undefined;
  if (field.kind === 'integer') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

/** Every field of a form, flattened with the path a refusal names (list items at index 0…n-1). */
export function fieldPaths(fields: Field[], values: FormValues, prefix = ''): string[] {
  return fields.flatMap((field) => {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    if (field.kind === 'group') {
      return [path, ...fieldPaths(field.fields, (values[field.name] as FormValues) ?? {}, path)];
    }
    if (field.kind === 'list') {
      const items = (values[field.name] as FormValues[] | undefined) ?? [];
      return [path, ...items.flatMap((item, i) => fieldPaths(field.item, item, `${path}.${i}`))];
    }
    const chosen = field.variants?.[String(values[field.name] ?? '')];
    return [path, ...(chosen ? fieldPaths(chosen, values, prefix) : [])];
  });
}

/**
 * The field a refusal's `field` belongs to: itself if the form has it, else its closest parent
 * (a rule about `payload.sponsors` shows at the sponsors list); `undefined` when none matches.
 */
export function fieldForRefusal(
  refusalField: string | undefined,
  paths: readonly string[],
  prefix = '',
): string | undefined {
  if (!refusalField) return undefined;
  let path =
    prefix && refusalField.startsWith(`${prefix}.`)
      ? refusalField.slice(prefix.length + 1)
      : refusalField;
  while (path) {
    if (paths.includes(path)) return path;
    const cut = path.lastIndexOf('.');
    path = cut < 0 ? '' : path.slice(0, cut);
  }
  return undefined;
}
