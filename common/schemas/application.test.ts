import { describe, expect, it } from 'vitest';
import { createApplicationSchema, updateApplicationSchema } from './application.ts';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('required choices of a sheet', () => {
  it('asks for a choice not made yet, and names an unknown value as unknown', () => {
    const empty = createApplicationSchema.safeParse({ track: null, hosting: 'cloudX' });
    expect(messages(empty)).toMatchObject({
      track: 'La filière est obligatoire : choisissez-en une.',
      lifecycleStage: "L'étape du cycle de vie est obligatoire : choisissez-en une.",
      hosting: 'Hébergement inconnu.',
    });
    // The empty value of a select or of a radio group is no choice either, not an unknown one.
    expect(messages(createApplicationSchema.safeParse({ track: '', hosting: '' }))).toMatchObject({
      track: 'La filière est obligatoire : choisissez-en une.',
      hosting: "L'hébergement est obligatoire : choisissez-en un.",
    });
  });

  it('lets a PATCH leave a choice out, but not empty it', () => {
    expect(updateApplicationSchema.safeParse({ version: 1 }).success).toBe(true);
    expect(messages(updateApplicationSchema.safeParse({ version: 1, track: null }))).toEqual({
      track: 'La filière est obligatoire : choisissez-en une.',
    });
  });
});
