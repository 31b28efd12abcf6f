import type { Label } from '../../../../common/lifecycle.ts';

/**
 * The fields of a transition's input, read from the JSON Schema the server sends (zod's
 * `toJSONSchema`, io: input). Each property carries `label: { fr, en }` from the definition's `meta`.
 */
export interface InputField {
  name: string;
  label: Label | null;
  required: boolean;
  kind: 'text' | 'textarea' | 'date' | 'select';
  minLength: number | undefined;
  maxLength: number | undefined;
  options: string[];
  /** The words of each option, when the definition gives them (`meta({ optionLabels })`). */
  optionLabels: Record<string, Label>;
}

/** Texts allowed to be longer than this get a multi-line field. */
const LONG_TEXT = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isLabel = (value: unknown): value is Label =>
  isRecord(value) && typeof value.fr === 'string' && typeof value.en === 'string';

const numberOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined);

function kindOf(property: Record<string, unknown>, maxLength: number | undefined): InputField['kind'] {
  if (Array.isArray(property.enum)) return 'select';
  if (property.format === 'date') return 'date';
  return maxLength === undefined || maxLength > LONG_TEXT ? 'textarea' : 'text';
}

export function inputFields(schema: Record<string, unknown> | null): InputField[] {
  if (!schema || !isRecord(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(schema.properties).flatMap(([name, property]) => {
    if (!isRecord(property)) return [];
    const maxLength = numberOrUndefined(property.maxLength);
    return [
      {
        name,
        label: isLabel(property.label) ? property.label : null,
        required: required.has(name),
        kind: kindOf(property, maxLength),
        minLength: numberOrUndefined(property.minLength),
        maxLength,
        options: Array.isArray(property.enum) ? property.enum.map(String) : [],
        optionLabels: isRecord(property.optionLabels)
          ? Object.fromEntries(
              Object.entries(property.optionLabels).filter((entry): entry is [string, Label] =>
                isLabel(entry[1]),
              ),
            )
          : {},
      },
    ];
  });
}

/**
 * The request's `input`: optional fields left empty are left out; a required one is sent empty so that
 * the server names what is missing under the field.
 */
export function inputBody(fields: InputField[], values: Record<string, string>) {
  if (fields.length === 0) return undefined;
  const body: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name] ?? '';
    if (value.trim() || field.required) body[field.name] = value;
  }
  return body;
}
