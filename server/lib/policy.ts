import type { LifecycleDefinition, PartyActor, SubjectParties } from '../../common/lifecycle.ts';
import { partyMatches, transitionAction } from '../../common/lifecycle.ts';
import { ACTIONS, type Action } from '../../common/permissions.ts';
import type { Role } from '../../common/roles.ts';
import { forbidden } from './errors.ts';

export interface Actor {
  userId: string;
  organisationId: string;
  roles: readonly Role[];
  sessionId: string;
  csrfToken: string;
}

/** The platform acting by itself (scheduled transitions); audited as the system, with the job's name. */
export interface SystemActor {
  kind: 'system';
  job: string;
}

export const systemActor = (job: string): SystemActor => ({ kind: 'system', job });
export const isSystemActor = (actor: Actor | SystemActor | null | undefined): actor is SystemActor =>
  !!actor && 'kind' in actor && actor.kind === 'system';

/**
 * A rule answers for one action. Called without a resource, it says whether the actor may perform the
 * action on at least some resource (used by the route guard and for abilities); with a resource, it
 * decides for that one.
 */
// biome-ignore lint/suspicious/noExplicitAny: each rule narrows its own resource type
export type Rule = (actor: Actor, resource?: any) => boolean;
export type PolicyTable = Partial<Record<Action, Rule>>;

/** Visibility of a list, translated to SQL by each module's queries. */
export type ListScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string } | { kind: 'none' };

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((role) => actor.roles.includes(role));

/** What a lifecycle transition is checked against: the offices that fill each of the subject's relations. */
export interface LifecycleResource {
  parties: SubjectParties;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds lifecycles of every shape
export type AnyLifecycle = LifecycleDefinition<any, any, any>;

export interface Authorizer {
  can(actor: Actor | SystemActor | null, action: Action, resource?: unknown): boolean;
  /** Throws a 403 problem when the actor may not. */
  authorize(actor: Actor, action: Action, resource?: unknown): void;
  /** May the actor fire this transition on a subject with these parties (none: on some subject)? */
  mayFire(
    actor: Actor | SystemActor | null,
    definition: AnyLifecycle,
    transition: string,
    resource?: LifecycleResource,
  ): boolean;
  abilities(actor: Actor): Action[];
}

/**
 * One authorization system for routes and lifecycles: every transition of every lifecycle becomes a
 * rule named `<prefix>.<transition>` whose parties are evaluated like any other rule. An action no
 * table and no lifecycle grants is denied.
 */
export function createAuthorizer(
  tables: PolicyTable[],
  lifecycles: readonly AnyLifecycle[] = [],
): Authorizer {
  type AnyRule = (actor: Actor | SystemActor, resource?: unknown) => boolean;
  const rules = new Map<string, AnyRule>();
  const add = (action: string, rule: AnyRule) => {
    if (rules.has(action)) throw new Error(`Two policies define ${action}`);
    rules.set(action, rule);
  };
  for (const table of tables) {
    for (const [action, rule] of Object.entries(table) as [Action, Rule][]) {
      // Table rules speak of people: the system actor never passes them.
      add(action, (actor, resource) => !isSystemActor(actor) && rule(actor, resource));
    }
  }
  for (const definition of lifecycles) {
    for (const [name, transition] of Object.entries(definition.transitions)) {
      add(transitionAction(definition, name), (actor, resource) => {
        const partyActor: PartyActor = isSystemActor(actor)
          ? { kind: 'system' }
          : { kind: 'user', roles: actor.roles, organisationId: actor.organisationId };
        const subject = (resource as LifecycleResource | undefined)?.parties;
        return transition.parties.some((party) => partyMatches(party, partyActor, subject));
      });
    }
  }
  const check = (actor: Actor | SystemActor | null, action: string, resource?: unknown) => {
    if (!actor) return false;
    const rule = rules.get(action);
    return rule ? rule(actor, resource) : false;
  };
  return {
    can: check,
    authorize(actor, action, resource) {
      if (!check(actor, action, resource)) throw forbidden();
    },
    mayFire: (actor, definition, transition, resource) =>
      check(actor, transitionAction(definition, transition), resource),
    abilities: (actor) => ACTIONS.filter((action) => check(actor, action)),
  };
}
