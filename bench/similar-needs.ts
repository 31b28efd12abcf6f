/**
 * The needs `POST /api/similar` is benched with, as they are typed on the declaration form: generated
 * sheets (the seed of load.ts) and projects (generate-projects.ts) retyped — a name with part of its summary, a name alone — and needs in an
 * agent's words, not the sheets' own.
 */
import type { GeneratedApplication } from './generate.ts';

export interface Need {
  title: string;
  text: string;
}

/** With `projects`, four of their titles retyped with the start of their need join the needs. */
export function similarNeeds(
  generated: readonly GeneratedApplication[],
  projects: readonly { title: string; need: string }[] = [],
): Need[] {
  const needs: Need[] = [];
  for (let k = 0; k < Math.min(4, projects.length); k += 1) {
    const project = projects[(k * 1543) % projects.length] as { title: string; need: string };
    needs.push({ title: project.title.toLowerCase(), text: project.need.slice(0, 80) });
  }
  for (let k = 0; k < 12; k += 1) {
    const sheet = generated[(k * 797) % generated.length] as GeneratedApplication;
    const words = sheet.name.split(' ');
    needs.push(
      k % 3 === 0
        ? { title: words.slice(0, -1).join(' '), text: '' }
        : { title: `Outil de ${sheet.name.toLowerCase()}`, text: sheet.summary.slice(0, 60 + k * 10) },
    );
  }
  needs.push(
    {
      title: 'Poser ses vacances et ses RTT en ligne',
      text: 'Les collaborateurs saisissent leurs jours de repos, le chef de service accepte, et le compteur se met à jour.',
    },
    {
      title: 'Récupération des trop-perçus',
      text: 'Relancer les bénéficiaires payés à tort et suivre leurs remboursements étalés.',
    },
    {
      title: 'Droits d’accès aux logiciels',
      text: 'Demander puis revoir régulièrement les accès des collaborateurs aux logiciels métier.',
    },
    {
      title: 'Réserver un créneau au guichet',
      text: 'Les bénéficiaires choisissent une heure de passage en agence.',
    },
  );
  return needs;
}
