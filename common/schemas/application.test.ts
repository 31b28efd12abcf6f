import { describe, expect, it } from 'vitest';
import { createApplicationSchema, updateApplicationSchema } from './application.ts';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('required choices of a sheet', () => {
  it('asks for a choice not made yet, and names an unknown value as unknown', () => {
    const empty = createApplicationSchema.safeParse({ track: null, hosting: 'cloudX' });
    expect(messages(empty)).toMatchObject({
      track: 'Choisissez la filière.',
      lifecycleStage: "Choisissez l'étape du cycle de vie.",
      hosting: 'Hébergement inconnu.',
    });
  });

  it('lets a PATCH leave a choice out, but not empty it', () => {
    expect(updateApplicationSchema.safeParse({ version: 1 }).success).toBe(true);
    expect(messages(updateApplicationSchema.safeParse({ version: 1, track: null }))).toEqual({
      track: 'Choisissez la filière.',
    });
  });
});
