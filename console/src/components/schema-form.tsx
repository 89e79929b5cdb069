import { useEffect, useRef, useState } from 'preact/hooks';
import type { Refusal } from '../api';
import {
  type Field,
  fieldForRefusal,
  fieldPaths,
  type FormValues,
  type ScalarField,
  valueOf,
} from '../forms/schema-form';
import { Bi, RefusalMessage } from './ui';

/**
 * A form generated from a request body's schema (console/src/forms/schema-form.ts). `submit`
 * sends the body and returns the API's refusal, if any; a refusal that names a field is shown at
 * that field (its input marked invalid and focused), any other above the button.
 */
export function SchemaForm({
  fields,
  idPrefix,
  refusalPrefix = '',
  submitLabel,
  initial = {},
  submit,
}: {
  fields: Field[];
  idPrefix: string;
  /** Where the body sits in the request, as refusals name it (`payload` for an action). */
  refusalPrefix?: string;
  submitLabel: { vi: string; en: string };
  initial?: FormValues;
  submit: (body: Record<string, unknown>) => Promise<Refusal | undefined>;
}) {
  const [values, setValues] = useState<FormValues>(() => withDefaults(fields, initial));
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const at = fieldForRefusal(refusal?.field, fieldPaths(fields, values), refusalPrefix);

  useEffect(() => {
    if (!refusal) return;
    const target = at ? form.current?.querySelector<HTMLElement>(`[data-path="${at}"]`) : undefined;
    (target ?? form.current?.querySelector<HTMLElement>('.refusal'))?.focus();
  }, [refusal]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      setRefusal(await submit(valueOf(fields, values)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="schema-form" onSubmit={onSubmit} noValidate>
      <FieldList
        fields={fields}
        values={values}
        onChange={setValues}
        path=""
        idPrefix={idPrefix}
        error={at ? { path: at, refusal: refusal! } : undefined}
      />
      {refusal && !at && <RefusalMessage refusal={refusal} />}
      <button type="submit" disabled={busy} data-testid={`${idPrefix}-submit`}>
        <Bi vi={submitLabel.vi} en={submitLabel.en} />
      </button>
    </form>
  );
}

interface ListProps {
  fields: Field[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  path: string;
  idPrefix: string;
  error?: { path: string; refusal: Refusal };
}

function FieldList({ fields, values, onChange, path, idPrefix, error }: ListProps) {
  return (
    <>
      {fields.map((field) => {
        const fieldPath = path ? `${path}.${field.name}` : field.name;
        const set = (value: unknown) => onChange({ ...values, [field.name]: value });
        const common = { path: fieldPath, idPrefix, error };
        if (field.kind === 'group') {
          return (
            <fieldset key={field.name} data-path={fieldPath} tabIndex={-1}>
              <legend>
                <Bi vi={field.label.vi} en={field.label.en} />
                {!field.required && <Optional />}
              </legend>
              <FieldError {...common} />
              <FieldList
                {...common}
                fields={field.fields}
                values={(values[field.name] as FormValues) ?? {}}
                onChange={set}
              />
            </fieldset>
          );
        }
        if (field.kind === 'list') {
          const items = (values[field.name] as FormValues[] | undefined) ?? [];
          return (
            <fieldset key={field.name} data-path={fieldPath} tabIndex={-1}>
              <legend>
                <Bi vi={field.label.vi} en={field.label.en} />
              </legend>
              <FieldError {...common} />
              {items.map((item, index) => (
                <fieldset key={index} class="item">
                  <legend>
                    <Bi
                      vi={`${field.label.vi} ${index + 1}`}
                      en={`${field.label.en} ${index + 1}`}
                    />
                  </legend>
                  <FieldList
                    {...common}
                    path={`${fieldPath}.${index}`}
                    fields={field.item}
                    values={item}
                    onChange={(next) => set(items.map((old, i) => (i === index ? next : old)))}
                  />
                  {items.length > field.minItems && (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => set(items.filter((_, i) => i !== index))}
                    >
                      <Bi vi={`Bỏ mục ${index + 1}`} en={`Remove item ${index + 1}`} />
                    </button>
                  )}
                </fieldset>
              ))}
              {items.length < field.maxItems && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => set([...items, withDefaults(field.item, {})])}
                  data-testid={`${idPrefix}-add-${fieldPath}`}
                >
                  <Bi vi="Thêm" en="Add" />
                </button>
              )}
            </fieldset>
          );
        }
        const chosen = field.variants?.[String(values[field.name] ?? '')];
        return (
          <div key={field.name}>
            <Input field={field} value={values[field.name]} onChange={set} {...common} />
            {chosen && (
              <FieldList
                {...common}
                path={path}
                fields={chosen}
                values={values}
                onChange={onChange}
              />
            )}
          </div>
        );
      })}
    </>
  );
}

const idOf = (idPrefix: string, path: string) => `${idPrefix}-${path.replace(/\./g, '-')}`;

function Optional() {
  return (
    <span class="muted">
      {' '}
      (<Bi vi="không bắt buộc" en="optional" />)
    </span>
  );
}

function FieldError({
  path,
  idPrefix,
  error,
}: {
  path: string;
  idPrefix: string;
  error?: ListProps['error'];
}) {
  if (error?.path !== path) return null;
  return <RefusalMessage refusal={error.refusal} id={`${idOf(idPrefix, path)}-error`} />;
}

function Input({
  field,
  value,
  onChange,
  path,
  idPrefix,
  error,
}: {
  field: ScalarField;
  value: unknown;
  onChange: (value: unknown) => void;
  path: string;
  idPrefix: string;
  error?: ListProps['error'];
}) {
  const id = idOf(idPrefix, path);
  const invalid = error?.path === path;
  const a11y = {
    id,
    name: path,
    'data-path': path,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
    required: field.required,
  };
  const label = (
    <label for={id}>
      <Bi vi={field.label.vi} en={field.label.en} />
      {!field.required && field.kind !== 'boolean' && <Optional />}
    </label>
  );
  const text = (event: Event) => (event.target as HTMLInputElement).value;
  if (field.kind === 'choices') {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    const full = field.maximum !== undefined && chosen.length >= field.maximum;
    return (
      <fieldset id={id} data-path={path} tabIndex={-1} class="choices">
        <legend>
          <Bi vi={field.label.vi} en={field.label.en} />
          {!field.required && <Optional />}
        </legend>
        {field.options!.map((option) => {
          const checked = chosen.includes(option.value);
          return (
            <div class="field checkbox" key={option.value}>
              <input
                type="checkbox"
                id={`${id}-${option.value}`}
                name={path}
                value={option.value}
                checked={checked}
                disabled={full && !checked}
                onChange={(e) =>
                  onChange(
                    (e.target as HTMLInputElement).checked
                      ? [...chosen, option.value]
                      : chosen.filter((v) => v !== option.value),
                  )
                }
              />
              <label for={`${id}-${option.value}`}>
                <Bi vi={option.label.vi} en={option.label.en} />
              </label>
            </div>
          );
        })}
        <FieldError path={path} idPrefix={idPrefix} error={error} />
      </fieldset>
    );
  }
  if (field.kind === 'boolean') {
    return (
      <div class="field checkbox">
        <input
          type="checkbox"
          {...a11y}
          required={false}
          checked={Boolean(value)}
          onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
        />
        {label}
        <FieldError path={path} idPrefix={idPrefix} error={error} />
      </div>
    );
  }
  return (
    <div class="field">
      {label}
      {field.kind === 'select' ? (
        <select {...a11y} value={String(value ?? '')} onChange={(e) => onChange(text(e))}>
          <option value="">— Chọn / Choose —</option>
          {field.options!.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label.vi} / {option.label.en}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...a11y}
          type={
            (field.kind === 'date'
              ? 'date'
              : field.kind === 'integer'
                ? 'number'
                : 'text') as 'text'
          }
          inputMode={field.kind === 'integer' ? 'numeric' : undefined}
          min={field.minimum}
          max={field.maximum}
          maxLength={field.maxLength}
          value={value === undefined ? '' : String(value)}
          onInput={(e) => onChange(text(e))}
        />
      )}
      <FieldError path={path} idPrefix={idPrefix} error={error} />
    </div>
  );
}

/** Initial values: schema defaults, and the minimum number of items of each list. */
function withDefaults(fields: Field[], initial: FormValues): FormValues {
  const values: FormValues = { ...initial };
  for (const field of fields) {
    if (values[field.name] !== undefined) continue;
    if (field.kind === 'list') {
      const count = field.required ? Math.max(field.minItems, 1) : field.minItems;
      values[field.name] = Array.from({ length: count }, () => withDefaults(field.item, {}));
    } else if (field.kind !== 'group' && field.default !== undefined) {
      values[field.name] = field.default;
    }
  }
  return values;
}
