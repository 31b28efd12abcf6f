import type { GridContent, Requirement, Section } from '../schemas/evaluation-grid.ts';

/** What changed between two versions of a grid, requirement by requirement (matched on their codes). */

type Change = 'added' | 'removed' | 'changed';
export interface SectionChange {
  code: string;
  change: Change;
  fields: string[];
}
export interface RequirementChange {
  code: string;
  section: string;
  change: Change;
  fields: string[];
  before: Requirement | null;
  after: Requirement | null;
}
export interface ContentDiff {
  sections: SectionChange[];
  requirements: RequirementChange[];
  profileChanged: boolean;
  rulesChanged: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): string[] {
  return keys.filter((key) => !same(before[key], after[key])).map(String);
}

const REQUIREMENT_FIELDS = ['text', 'tracks', 'level', 'evidence', 'verification'] as const;
const SECTION_FIELDS = ['title', 'reviewer'] as const;

function requirementsOf(content: GridContent) {
  return new Map(
    content.sections.flatMap((section) =>
      section.requirements.map((r) => [r.code, { r, section: section.code }] as const),
    ),
  );
}

/** Sections and requirements added, removed or changed (a requirement moved to another section counts as changed). */
export function diffGridContent(before: GridContent, after: GridContent): ContentDiff {
  const oldSections = new Map(before.sections.map((s) => [s.code, s] as const));
  const newSections = new Map(after.sections.map((s) => [s.code, s] as const));
  const sections: SectionChange[] = [];
  for (const section of after.sections) {
    const old = oldSections.get(section.code);
    if (!old) sections.push({ code: section.code, change: 'added', fields: [] });
    else {
      const fields = changedFields<Section>(old, section, SECTION_FIELDS);
      if (fields.length > 0) sections.push({ code: section.code, change: 'changed', fields });
    }
  }
  for (const section of before.sections)
    if (!newSections.has(section.code)) sections.push({ code: section.code, change: 'removed', fields: [] });

  const oldRequirements = requirementsOf(before);
  const newRequirements = requirementsOf(after);
  const requirements: RequirementChange[] = [];
  for (const [code, { r, section }] of newRequirements) {
    const old = oldRequirements.get(code);
    if (!old) {
      requirements.push({ code, section, change: 'added', fields: [], before: null, after: r });
      continue;
    }
    const fields = changedFields<Requirement>(old.r, r, REQUIREMENT_FIELDS);
    if (old.section !== section) fields.unshift('section');
    if (fields.length > 0)
      requirements.push({ code, section, change: 'changed', fields, before: old.r, after: r });
  }
  for (const [code, { r, section }] of oldRequirements)
    if (!newRequirements.has(code))
      requirements.push({ code, section, change: 'removed', fields: [], before: r, after: null });

  return {
    sections,
    requirements,
    profileChanged: !same(before.profile, after.profile),
    rulesChanged: !same(before.rules, after.rules),
  };
}
