import { z } from 'zod';
import type { GridVersionState } from '../evaluation/vocabulary.ts';
import { defineLifecycle, role } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** Facts the publication's guard reads; the server gathers them in the transaction. */
export interface GridVersionFacts {
  requirementCount: number;
}

/** Those who own the grids: the DDSI (technical items), the DDFC/DC2R (acceptance items), administrators. */
export const GRID_OWNERS = ['itDirectorate', 'nationalAccountant', 'admin'] as const;

/**
 * A version of an evaluation grid is written as a draft, then published: from then on it is frozen, and
 * the evaluations started on it stay on it. Publishing a newer version supersedes it (an effect of the
 * newer one's publication, not a transition anyone fires).
 */
export const gridVersionLifecycle = defineLifecycle<GridVersionState, 'publish', GridVersionFacts>({
  name: 'gridVersion',
  actionPrefix: 'gridVersion',
  targetType: 'gridVersion',
  label: { fr: 'Version de grille', en: 'Grid version' },
  initial: 'draft',
  states: {
    draft: { label: { fr: 'Brouillon', en: 'Draft' } },
    published: { label: { fr: 'Publiée', en: 'Published' } },
    superseded: { label: { fr: 'Remplacée', en: 'Superseded' } },
  },
  transitions: {
    publish: {
      from: ['draft'],
      to: 'published',
      parties: [role(...GRID_OWNERS)],
      label: { fr: 'Publier cette version', en: 'Publish this version' },
      confirm: true,
      input: z.object({
        note: longText('La note de version')
          .max(1000, { error: 'La note de version est limitée à 1 000 caractères.' })
          .optional()
          .meta({ label: { fr: 'Ce qui change (note de version)', en: 'What changes (release note)' } }),
      }),
      guards: [(facts) => (facts.requirementCount > 0 ? null : { code: 'emptyGrid' })],
    },
  },
  messages: {
    emptyGrid: {
      fr: 'Une grille sans exigence ne peut pas être publiée : ajoutez au moins une exigence.',
      en: 'A grid without requirements cannot be published: add at least one requirement.',
    },
  },
});
