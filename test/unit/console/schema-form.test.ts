import { contractForms } from '../../../console/contract-forms';
import type { JsonSchema } from '../../../console/src/forms/contract-forms';
import {
  type Field,
  fieldForRefusal,
  fieldPaths,
  fieldsOf,
  type Labels,
  valueOf,
} from '../../../console/src/forms/schema-form';
import {
  EXTRA_FIELD_LABELS,
  UNIT_FIELD_LABELS,
  UNIT_VALUE_LABELS,
  VALUE_LABELS,
} from '../../../console/src/forms/value-labels';

/** The console's forms come from the contract's schemas (console/contract-forms.ts). */
const forms = contractForms();
const labels: Labels = {
  fields: { ...EXTRA_FIELD_LABELS, ...forms.fieldLabels },
  values: VALUE_LABELS,
};
/** The units admin's forms name a unit, not a person (console/src/contract.ts UNIT_LABELS). */
const unitLabels: Labels = {
  fields: { ...labels.fields, ...UNIT_FIELD_LABELS },
  values: { ...labels.values, ...UNIT_VALUE_LABELS },
};
const actionSchema = (id: string) =>
  forms.stages.flatMap((s) => s.actions).find((a) => a.id === id)!.schema;
const byName = (fields: Field[], name: string) => fields.find((f) => f.name === name)!;

it('gives every field of every form a bilingual label and every enum value a name', () => {
  const schemas = [
    forms.nomination,
    forms.classDefinition,
    forms.classResults,
    ...forms.stages.flatMap((s) => s.actions.map((a) => a.schema)),
  ];
  const names = new Set<string>();
  const values = new Set<string>();
  const walk = (schema: JsonSchema) => {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      names.add(name);
      walk(property);
    }
    for (const v of [...(schema.enum ?? []), ...(schema.const === undefined ? [] : [schema.const])])
      values.add(String(v));
    for (const s of [
      ...(schema.oneOf ?? []),
      ...(schema.anyOf ?? []),
      ...(schema.items ? [schema.items] : []),
    ])
      walk(s);
  };
  schemas.forEach(walk);
  expect([...names].filter((n) => !labels.fields[n])).toEqual([]);
  expect([...values].filter((v) => !labels.values[v])).toEqual([]);
});

it("gives the units admin's fields and values a unit's labels", () => {
  const { create, move, retire } = forms.units;
  const names = [create, move, retire].flatMap((schema) => Object.keys(schema.properties!));
  expect(names.filter((n) => !UNIT_FIELD_LABELS[n])).toEqual([]);
  const fields = fieldsOf(create, unitLabels);
  expect(byName(fields, 'name').label).toEqual({ vi: 'Tên đơn vị', en: 'Unit name' });
  const level = byName(fields, 'level');
  if (level.kind !== 'select') throw new Error('not a select');
  const levels = level.options!;
  expect(levels.filter((o) => o.label.vi === o.value)).toEqual([]);
  expect(levels.find((o) => o.value === 'CELL')!.label.en).toBe('Cell');
  expect(byName(fields, 'decidingBody')).toMatchObject({
    kind: 'select',
    required: false,
    default: 'UPPER_STANDING_COMMITTEE',
  });
  expect(byName(fields, 'effectiveFrom')).toMatchObject({ kind: 'date', required: true });
  expect(fieldsOf(retire, unitLabels).map((f) => [f.name, f.kind, f.required])).toEqual([
    ['retiredOn', 'date', true],
    ['reason', 'text', false],
  ]);
});

it("makes a list of an enum's values a set of choices, left out when none is ticked", () => {
  const fields = fieldsOf(forms.units.create, unitLabels);
  const areas = byName(fields, 'areas');
  expect(areas).toMatchObject({ kind: 'choices', required: false, maximum: 4 });
  if (areas.kind !== 'choices') throw new Error('not choices');
  expect(areas.options!.map((o) => o.value)).toEqual([
    'MOUNTAIN',
    'BORDER',
    'ISLAND',
    'ETHNIC_MINORITY',
  ]);
  const typed = { id: 'x', name: 'Chi bộ X', level: 'CELL', effectiveFrom: '2026-01-02' };
  expect(valueOf(fields, { ...typed, areas: [] })).not.toHaveProperty('areas');
  expect(valueOf(fields, { ...typed, areas: ['BORDER', 'ISLAND'] })).toMatchObject({
    areas: ['BORDER', 'ISLAND'],
  });
  expect(fieldForRefusal('areas.1', fieldPaths(fields, { areas: ['BORDER'] }))).toBe('areas');
});

it('makes a discriminated union a choice whose fields follow the chosen value', () => {
  const [result] = fieldsOf(actionSchema('recordClassResult'), labels);
  expect(result).toMatchObject({ kind: 'select', name: 'result', required: true });
  if (result.kind !== 'select') throw new Error('not a select');
  expect(result.options!.map((o) => o.value)).toEqual(['PASSED', 'FAILED', 'ABSENT']);
  expect(result.variants!.PASSED.map((f) => f.name)).toEqual([
    'classId',
    'certificateNumber',
    'issuedOn',
  ]);
  expect(byName(result.variants!.PASSED, 'issuedOn')).toMatchObject({
    kind: 'date',
    required: true,
  });
  expect(byName(result.variants!.PASSED, 'classId')).toMatchObject({ required: false });
  expect(result.variants!.FAILED.map((f) => f.name)).toEqual(['classId', 'classEndedOn']);
  // Only the chosen variant's fields reach the body.
  expect(
    valueOf([result], {
      result: 'FAILED',
      classEndedOn: '2025-02-14',
      certificateNumber: 'left over from PASSED',
    }),
  ).toEqual({ result: 'FAILED', classEndedOn: '2025-02-14' });
});

it('makes a list of objects a repeatable group with its limits', () => {
  const fields = fieldsOf(actionSchema('recordSponsorship'), labels);
  const sponsors = byName(fields, 'sponsors');
  expect(sponsors).toMatchObject({ kind: 'list', minItems: 1, maxItems: 3, required: true });
  expect(sponsors.label).toEqual({ vi: 'Người/tổ chức giới thiệu', en: 'Sponsor' });
  const body = valueOf(fields, {
    sponsors: [
      { kind: 'MEMBER', name: ' Trần Thị Bình ', togetherSince: '2023-03-01', documentDate: '' },
    ],
    commentsSummaryOn: '',
  });
  // Text is trimmed; empty optional fields and an untouched checkbox are left out (the server
  // applies its defaults).
  expect(body).toEqual({
    sponsors: [{ kind: 'MEMBER', name: 'Trần Thị Bình', togetherSince: '2023-03-01' }],
  });
});

it('reads integers, booleans and optional groups of the nomination', () => {
  const fields = fieldsOf(forms.nomination, labels);
  expect(byName(fields, 'youthUnionMember')).toMatchObject({ kind: 'boolean', default: false });
  expect(byName(fields, 'over60Consent')).toMatchObject({ kind: 'group', required: false });
  expect(byName(fields, 'nationalId')).toMatchObject({
    kind: 'text',
    required: true,
    maxLength: 32,
  });
  const votes = fieldsOf(actionSchema('recordGrassrootsResolution'), labels);
  expect(byName(votes, 'votesFor')).toMatchObject({ kind: 'integer', minimum: 0 });
  expect(valueOf(votes, { meetingDate: '2025-05-05', votesFor: '6', votesAgainst: '1' })).toEqual({
    meetingDate: '2025-05-05',
    votesFor: 6,
    votesAgainst: 1,
  });
  // An optional group left empty is left out; a filled one is sent.
  expect(valueOf(fields, { fullName: 'A B' })).not.toHaveProperty('over60Consent');
  expect(valueOf(fields, { over60Consent: { givenOn: '2025-01-02' } }).over60Consent).toEqual({
    givenOn: '2025-01-02',
  });
});

it('finds the field a refusal names, or its closest parent on the form', () => {
  const fields = fieldsOf(actionSchema('recordSponsorship'), labels);
  const values = { sponsors: [{ kind: 'MEMBER' }, { kind: 'YOUTH_UNION_RESOLUTION' }] };
  const paths = fieldPaths(fields, values);
  expect(paths).toContain('sponsors.1.documentDate');
  expect(fieldForRefusal('payload.sponsors.1.documentDate', paths, 'payload')).toBe(
    'sponsors.1.documentDate',
  );
  expect(fieldForRefusal('payload.sponsors', paths, 'payload')).toBe('sponsors');
  expect(fieldForRefusal('payload.sponsors.7.unknown', paths, 'payload')).toBe('sponsors');
  expect(fieldForRefusal('expectedVersion', paths, 'payload')).toBeUndefined();
  expect(fieldForRefusal(undefined, paths)).toBeUndefined();
});
