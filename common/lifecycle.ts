import type { z } from 'zod';
import { ROLE_LABELS, type Role } from './roles.ts';

/**
 * The one declarative format for every lifecycle of Mutualis (user accounts, application sheets and
 * their certification now; projects, calls, deployment requests, acceptance campaigns next).
 *
 * A transition says who may fire it as **parties** (predicates over the actor and the subject, e.g. the
 * director of the subject's holder office), what **input** it takes (a zod schema), which **guards**
 * must agree (each returns a code with parameters, translated on both sides) and where it goes. The
 * server executes it (server/lib/lifecycle.ts) in one transaction with its audit event and outbox
 * messages; the web draws it (steps, current state, allowed actions with their input form).
 */
export interface Label {
  fr: string;
  en: string;
}
export type Language = keyof Label;

// ——— Parties ———

/**
 * Who may fire a transition. Parties are data (not closures) so that the web can list them and the
 * server can evaluate them with the same policy machinery as its routes (server/lib/policy.ts).
 * A field names a relation of the subject to offices (e.g. `holderOffice`, `developerOffices`,
 * `sponsorship`); the subject says which offices fill it.
 */
export type Party =
  | { kind: 'role'; roles: readonly Role[] }
  | { kind: 'directorOf'; field: string }
  | { kind: 'developerOf'; field: string }
  | { kind: 'agentOf'; field: string }
  | { kind: 'sponsorOf'; field: string }
  | { kind: 'referentOf'; field: string }
  | { kind: 'system' };

export const role = (...roles: Role[]): Party => ({ kind: 'role', roles });
/** The office director of the office(s) in the subject's `field`. */
export const directorOf = (field: string): Party => ({ kind: 'directorOf', field });
/** A developer of the office(s) in the subject's `field`. */
export const developerOf = (field: string): Party => ({ kind: 'developerOf', field });
/** An agent of the office(s) in the subject's `field` (an office's staff asking for something for it). */
export const agentOf = (field: string): Party => ({ kind: 'agentOf', field });
/** A national sponsor of the directorate(s) in the subject's `field`. */
export const sponsorOf = (field: string): Party => ({ kind: 'sponsorOf', field });
/** A starter-kit referent of the office(s) in the subject's `field`. */
export const referentOf = (field: string): Party => ({ kind: 'referentOf', field });
/** The platform itself: scheduled transitions (deadlines), never a person. */
export const system: Party = { kind: 'system' };

/** The role a relational party needs in the office it points at. */
export const PARTY_ROLE: Record<Exclude<Party['kind'], 'role' | 'system'>, Role> = {
  directorOf: 'officeDirector',
  developerOf: 'developer',
  agentOf: 'agent',
  sponsorOf: 'sponsor',
  referentOf: 'referent',
};

/** Who acts, as the lifecycle sees it: a signed-in person, or the system. */
export type PartyActor =
  | { kind: 'system' }
  | { kind: 'user'; roles: readonly Role[]; organisationId: string };

/** The offices that fill each relational field of one subject (ids). */
export type SubjectParties = Record<string, readonly string[]>;

/**
 * Does the actor fill this party for this subject? Without a subject, the question is "could the actor
 * fill it for some subject?" (route guards and the abilities sent to the web).
 */
export function partyMatches(party: Party, actor: PartyActor, subject?: SubjectParties): boolean {
  if (party.kind === 'system') return actor.kind === 'system';
  if (actor.kind === 'system') return false;
  if (party.kind === 'role') return party.roles.some((r) => actor.roles.includes(r));
  if (!actor.roles.includes(PARTY_ROLE[party.kind])) return false;
  if (!subject) return true;
  return (subject[party.field] ?? []).includes(actor.organisationId);
}

// ——— Guards ———

export type GuardParams = Record<string, string | number>;
/** A refusal: a code with its parameters; the message comes from the definition's `messages`. */
export interface GuardRefusal {
  code: string;
  params?: GuardParams;
}
export type Guard<Facts, Input> = (facts: Facts, input: Input | undefined) => GuardRefusal | null;

// ——— Definitions ———

export interface TransitionDefinition<State extends string, Facts, Input> {
  from: readonly State[];
  /** One target, or several when the facts decide (e.g. labelled or homologated by the track). */
  to: State | readonly State[];
  resolveTo?: (facts: Facts, input: Input | undefined) => State;
  parties: readonly Party[];
  guards?: readonly Guard<Facts, Input>[];
  /** What the transition takes from the user (a reason, a decision, a date, a file reference). */
  input?: z.ZodType<Input>;
  label: Label;
  /** A transition a user should confirm (it is hard to undo or affects others). */
  confirm?: boolean;
  /** Marks the state reached with a tone the web uses for its button. */
  tone?: 'default' | 'danger';
}

export interface LifecycleDefinition<State extends string, TransitionName extends string, Facts> {
  /** Unique name; the web and the messages use it. */
  name: string;
  /** Prefix of the audit actions and permission names: `<actionPrefix>.<transition>` (default: name). */
  actionPrefix?: string;
  /** The audit target type of the resource this lifecycle governs. */
  targetType: string;
  label: Label;
  initial: State;
  /** In the order the web draws them; `terminal` states end the lifecycle. */
  states: Record<State, { label: Label; terminal?: boolean; side?: boolean }>;
  /**
   * What each relational field of the subject means, as the complement of a role in the lists of
   * parties shown to users: `{ fr: "de l'organisme porteur", en: 'of the holder office' }`.
   */
  fields?: Record<string, Label>;
  // biome-ignore lint/suspicious/noExplicitAny: each transition narrows its own input type
  transitions: Record<TransitionName, TransitionDefinition<State, Facts, any>>;
  /** Guard messages by code, with `{param}` placeholders. */
  messages?: Record<string, Label>;
}

export function defineLifecycle<State extends string, TransitionName extends string, Facts>(
  definition: LifecycleDefinition<State, TransitionName, Facts>,
): LifecycleDefinition<State, TransitionName, Facts> {
  for (const [name, transition] of Object.entries(definition.transitions) as [
    string,
    TransitionDefinition<State, Facts, unknown>,
  ][]) {
    for (const to of targetsOf(transition)) {
      if (!Object.hasOwn(definition.states, to))
        throw new Error(`${definition.name}.${name}: unknown target state`);
    }
    if (Array.isArray(transition.to) && !transition.resolveTo)
      throw new Error(`${definition.name}.${name}: several targets need resolveTo`);
    for (const from of transition.from) {
      if (!Object.hasOwn(definition.states, from))
        throw new Error(`${definition.name}.${name}: unknown source state ${from}`);
    }
    if (transition.parties.length === 0) throw new Error(`${definition.name}.${name}: no party`);
    for (const party of transition.parties) {
      if ('field' in party && !definition.fields?.[party.field])
        throw new Error(`${definition.name}.${name}: unknown field ${party.field}`);
    }
  }
  return definition;
}

export function targetsOf<State extends string>(transition: { to: State | readonly State[] }): State[] {
  return typeof transition.to === 'string' ? [transition.to as State] : [...transition.to];
}

/** The permission (and audit action) of a transition: `<prefix>.<transition>`. */
export function transitionAction(
  definition: Pick<LifecycleDefinition<string, string, unknown>, 'name' | 'actionPrefix'>,
  transition: string,
) {
  return `${definition.actionPrefix ?? definition.name}.${transition}`;
}

// ——— Checks ———

/** Codes shared by every lifecycle; guards add their own in the definition's `messages`. */
export const ENGINE_MESSAGES: Record<string, Label> = {
  wrongState: {
    fr: "L'action « {action} » n'est pas possible dans l'état « {state} ».",
    en: 'The action "{action}" is not possible in the state "{state}".',
  },
  notParty: {
    fr: "L'action « {action} » est réservée à : {parties}.",
    en: 'The action "{action}" is reserved to: {parties}.',
  },
  invalidInput: {
    fr: "Les informations de l'action « {action} » sont incomplètes ou invalides.",
    en: 'The information for the action "{action}" is missing or invalid.',
  },
};

export function interpolate(template: string, params: GuardParams = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** The message of a refusal code in one language (a guard's code, or an engine code). */
export function refusalMessage(
  definition: Pick<LifecycleDefinition<string, string, unknown>, 'messages'>,
  refusal: GuardRefusal,
  language: Language,
): string {
  const template = definition.messages?.[refusal.code] ?? ENGINE_MESSAGES[refusal.code];
  return template ? interpolate(template[language], refusal.params) : refusal.code;
}

export type RefusalKind = 'wrongState' | 'notParty' | 'guard';
export type TransitionCheck =
  | { allowed: true; to: string }
  | { allowed: false; kind: RefusalKind; refusal: GuardRefusal };

/**
 * Pure check shared by the server (enforcement) and the presenters (which actions to offer, and why
 * not): state first, then parties (decided by the caller through the authorizer), then guards.
 */
export function checkTransition<State extends string, TransitionName extends string, Facts>(
  definition: LifecycleDefinition<State, TransitionName, Facts>,
  transitionName: TransitionName,
  current: State,
  isParty: boolean,
  facts: Facts,
  input?: unknown,
  options: { guards?: boolean } = {},
): TransitionCheck {
  const transition = definition.transitions[transitionName];
  const action = transition.label.fr;
  if (!transition.from.includes(current)) {
    return {
      allowed: false,
      kind: 'wrongState',
      refusal: { code: 'wrongState', params: { action, state: definition.states[current].label.fr } },
    };
  }
  if (!isParty)
    return { allowed: false, kind: 'notParty', refusal: notPartyRefusal(definition, transitionName) };
  if (options.guards === false) return { allowed: true, to: targetsOf(transition)[0] as string };
  for (const guard of transition.guards ?? []) {
    const refusal = guard(facts, input);
    if (refusal) return { allowed: false, kind: 'guard', refusal };
  }
  return { allowed: true, to: resolveTarget(transition, facts, input) };
}

/** The refusal a non-party gets, naming who may act. */
export function notPartyRefusal<State extends string, TransitionName extends string, Facts>(
  definition: LifecycleDefinition<State, TransitionName, Facts>,
  transitionName: TransitionName,
): GuardRefusal {
  const transition = definition.transitions[transitionName];
  return {
    code: 'notParty',
    params: { action: transition.label.fr, parties: describeParties(definition, transition.parties, 'fr') },
  };
}

export function resolveTarget<State extends string, Facts>(
  transition: TransitionDefinition<State, Facts, unknown>,
  facts: Facts,
  input: unknown,
): State {
  return typeof transition.to === 'string'
    ? (transition.to as State)
    : (transition.resolveTo as NonNullable<typeof transition.resolveTo>)(facts, input);
}

// ——— Describing parties to people ———

const OR: Label = { fr: ' ou ', en: ' or ' };
const SYSTEM_LABEL: Label = {
  fr: 'la plateforme (échéance automatique)',
  en: 'the platform (automatic deadline)',
};

/** One party in words, with the offices that fill it when known: "Directeur d'organisme de l'organisme porteur (CPAM du Rhône)". */
export function describeParty(
  definition: Pick<LifecycleDefinition<string, string, unknown>, 'fields'>,
  party: Party,
  language: Language,
  officeNames?: readonly string[],
): string {
  if (party.kind === 'system') return SYSTEM_LABEL[language];
  if (party.kind === 'role') return party.roles.map((r) => ROLE_LABELS[r][language]).join(OR[language]);
  const roleLabel = ROLE_LABELS[PARTY_ROLE[party.kind]][language];
  const field = definition.fields?.[party.field]?.[language] ?? party.field;
  const offices = officeNames && officeNames.length > 0 ? ` (${officeNames.join(', ')})` : '';
  return `${roleLabel} ${field}${offices}`;
}

export function describeParties(
  definition: Pick<LifecycleDefinition<string, string, unknown>, 'fields'>,
  parties: readonly Party[],
  language: Language,
) {
  return parties.map((p) => describeParty(definition, p, language)).join(OR[language]);
}
