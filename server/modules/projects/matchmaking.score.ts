import type { MatchReasonDto } from '../../../common/schemas/matchmaking.ts';
import { comparableText } from '../../../common/text.ts';

/**
 * How well an office's available capacity fits a need without developers — a pure function, so that
 * what is suggested, and why, is tested without a database.
 *
 * A suggestion needs substance: a skill the need mentions (in its title, need, description or the
 * technologies of its application) or a business domain the office already works in. Being in the same
 * region and having enough person-days add to it, never make it on their own.
 */

/** One developer for a month: enough to frame a need or deliver a first increment. */
export const ENOUGH_PERSON_DAYS = 20;
const WEIGHT = { firstSkill: 25, otherSkill: 10, maxSkills: 45, sameDomain: 30, sameRegion: 15, enough: 10 };

export interface NeedToMatch {
  id: string;
  title: string;
  /** The words a skill may be found in: title, need, description. */
  text: string;
  /** The technologies of the catalogue sheet the project concerns (none for a new need). */
  technologies: readonly string[];
  domainCode: string;
  domainLabel: string;
  holderOrganisationId: string;
  region: string;
}

export interface OfficeCapacity {
  organisationId: string;
  name: string;
  region: string;
  /** The business domains the office holds or develops projects, or designs applications, in. */
  domainCodes: readonly string[];
  skills: readonly string[];
  /** Declared for the current quarter and later. */
  personDays: number;
}

export interface Match {
  needId: string;
  organisationId: string;
  score: number;
  reasons: MatchReasonDto[];
}

const FILLER = new Set([
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'et',
  'en',
  'au',
  'aux',
  'pour',
  'sur',
  'un',
  'une',
]);
const wordsOf = (value: string) =>
  (comparableText(value).match(/[\p{L}\p{N}+#]+/gu) ?? []).filter((w) => w.length > 1 && !FILLER.has(w));

/**
 * A word of a skill is found when the text has it, or a longer or shorter form of it (statistique·s,
 * document·aire) — from six letters, so that a short name (React) is not found in another word (réaction).
 */
function found(word: string, words: ReadonlySet<string>) {
  if (words.has(word)) return true;
  if (word.length < 6) return false;
  for (const other of words)
    if (other.length >= 6 && (other.startsWith(word) || word.startsWith(other))) return true;
  return false;
}

/** The office's skills the need mentions: every word of the skill found in its text or technologies. */
export function skillsMentioned(need: Pick<NeedToMatch, 'text' | 'technologies'>, skills: readonly string[]) {
  const words = new Set([need.text, ...need.technologies].flatMap(wordsOf));
  return skills.filter((skill) => {
    const wanted = wordsOf(skill);
    return wanted.length > 0 && wanted.every((w) => found(w, words));
  });
}

/** The match of one need and one office, or null when they have nothing of substance in common. */
export function scoreMatch(need: NeedToMatch, office: OfficeCapacity): Match | null {
  if (office.organisationId === need.holderOrganisationId || office.personDays <= 0) return null;
  const reasons: MatchReasonDto[] = [];
  let score = 0;
  const skills = skillsMentioned(need, office.skills);
  if (skills.length > 0) {
    score += Math.min(WEIGHT.maxSkills, WEIGHT.firstSkill + (skills.length - 1) * WEIGHT.otherSkill);
    reasons.push({ code: 'skills', params: { skills } });
  }
  if (office.domainCodes.includes(need.domainCode)) {
    score += WEIGHT.sameDomain;
    reasons.push({ code: 'sameDomain', params: { domain: need.domainLabel, domainCode: need.domainCode } });
  }
  if (reasons.length === 0) return null;
  if (office.region === need.region) {
    score += WEIGHT.sameRegion;
    reasons.push({ code: 'sameRegion', params: { region: need.region } });
  }
  if (office.personDays >= ENOUGH_PERSON_DAYS) {
    score += WEIGHT.enough;
    reasons.push({
      code: 'enoughPersonDays',
      params: { personDays: office.personDays, minimum: ENOUGH_PERSON_DAYS },
    });
  }
  return { needId: need.id, organisationId: office.organisationId, score, reasons };
}

/**
 * Every match of the needs and the offices, the best first (then the office with more person-days, then
 * by project title and office name, so that equal scores keep one order).
 */
export function suggestMatches(needs: readonly NeedToMatch[], offices: readonly OfficeCapacity[]): Match[] {
  const title = new Map(needs.map((n) => [n.id, n.title]));
  const office = new Map(offices.map((o) => [o.organisationId, o]));
  const matches = needs.flatMap((need) =>
    offices.map((o) => scoreMatch(need, o)).filter((m): m is Match => m !== null),
  );
  return matches.sort(
    (a, b) =>
      b.score - a.score ||
      (office.get(b.organisationId)?.personDays ?? 0) - (office.get(a.organisationId)?.personDays ?? 0) ||
      (title.get(a.needId) ?? '').localeCompare(title.get(b.needId) ?? '', 'fr') ||
      (office.get(a.organisationId)?.name ?? '').localeCompare(
        office.get(b.organisationId)?.name ?? '',
        'fr',
      ),
  );
}
