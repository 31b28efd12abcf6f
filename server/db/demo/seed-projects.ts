import { count, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  applications,
  auditEvents,
  follows,
  organisations,
  projectComments,
  projectContributions,
  projectOffers,
  projectOffices,
  projects,
  sponsorshipRequests,
  users,
} from '../schema.ts';
import { seedDemoCapacities } from './capacities-data.ts';
import { DEMO_PROJECTS, type DemoProject } from './projects-data.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
/**
 * A time of the working day `days` days ago (08:30–16:30 in Paris, spread by `slot`), never after `now`:
 * the demo's comments and updates do not all carry the minute `npm start` first ran.
 */
const workedAt = (now: Date, days: number, slot: number) => {
  const day = new Date(now.getTime() - days * DAY_MS);
  day.setUTCHours(7, 30 + (slot % 12) * 41, 0, 0);
  return day.getTime() > now.getTime() ? new Date(day.getTime() - DAY_MS) : day;
};

/**
 * The demo projects (projects-data.ts) on a database without any, after the demo accounts and catalogue:
 * written as rows in their current phase (the platform loads them; their history starts there), each with
 * its offices, sponsorship, offers, contributions, comments and one audited creation.
 */
export async function seedDemoProjects(db: Database, now = new Date()): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(projects);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const offices = new Map(
    (await db.select({ id: organisations.id, code: organisations.code }).from(organisations)).map((o) => [
      o.code,
      o.id,
    ]),
  );
  const sheets = new Map(
    (await db.select({ id: applications.id, code: applications.code }).from(applications)).map((a) => [
      a.code,
      a.id,
    ]),
  );
  const people = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, DEMO_EMAILS))
    ).map((u) => [u.email, u.id]),
  );
  const office = (code: string) => {
    const id = offices.get(code);
    if (!id) throw new Error(`Demo project: unknown office ${code}`);
    return id;
  };
  const sheet = (code: string | undefined) => {
    if (!code) return null;
    const id = sheets.get(code);
    if (!id) throw new Error(`Demo project: unknown application ${code}`);
    return id;
  };
  return db.transaction(async (tx) => {
    for (const [index, demo] of DEMO_PROJECTS.entries()) {
      const createdAt = daysAgo(now, 30 + (index % 7) * 20 + (demo.sponsorship?.daysAgo ?? 0));
      const [row] = await tx
        .insert(projects)
        .values({
          title: demo.title,
          need: demo.need,
          description: demo.description,
          domainCode: demo.domain,
          holderOrganisationId: office(demo.holder),
          track: demo.track,
          phase: demo.phase,
          suspendedFrom: demo.suspendedFrom ?? null,
          plannedDates: { delivered: { start: dayOf(daysAgo(now, -180 - index * 10)) } },
          actualDates: actualDates(demo, createdAt, now),
          forgeUrl: demo.forge
            ? `https://forge.assurance-maladie.fr/${demo.holder.toLowerCase()}/projet-${index + 1}`
            : null,
          transitionalProcedure: !!demo.transitional,
          transitionalApplicationId: sheet(demo.transitional),
          homologationDeclaredOn: demo.track === 'homologation' ? dayOf(createdAt) : null,
          // Delivered on a certifying track: the report the acceptance module will record from now on.
          acceptanceReportSignedAt:
            demo.phase === 'delivered' && ['labelling', 'homologation'].includes(demo.track)
              ? daysAgo(now, 20)
              : null,
          acceptanceReportReference:
            demo.phase === 'delivered' && ['labelling', 'homologation'].includes(demo.track)
              ? `PV DC2R 2026-${String(index + 1).padStart(3, '0')}`
              : null,
          applicationId: sheet(demo.application),
          owningDirectorateId: demo.owningDirectorate ? office(demo.owningDirectorate) : null,
          amStore: demo.amStore ?? false,
          createdAt,
          updatedAt: workedAt(now, index % 9, index),
        })
        .returning({ id: projects.id });
      const projectId = row?.id as string;
      const roles = [
        ...(demo.developers ?? []).map((code) => ({ code, role: 'developer' as const })),
        ...(demo.pilots ?? []).map((code) => ({ code, role: 'pilot' as const })),
      ];
      if (roles.length > 0)
        await tx
          .insert(projectOffices)
          .values(roles.map(({ code, role }) => ({ projectId, organisationId: office(code), role })));
      if (demo.sponsorship) {
        const requestedAt = workedAt(now, demo.sponsorship.daysAgo, index);
        const decided = demo.sponsorship.state !== 'pending';
        const withdrawn = demo.sponsorship.state === 'withdrawn';
        await tx.insert(sponsorshipRequests).values({
          projectId,
          directorateId: office(demo.sponsorship.directorate),
          pitch: `${demo.need} Le projet servirait à tout le réseau.`,
          state: demo.sponsorship.state,
          // A withdrawn one's words are why it was withdrawn.
          rationale: withdrawn ? null : (demo.sponsorship.rationale ?? null),
          withdrawalReason: withdrawn ? (demo.sponsorship.rationale ?? null) : null,
          requestedBy: people.get(DEMO_HOLDERS[demo.holder] ?? '') ?? null,
          requestedAt,
          decidedBy:
            decided && demo.sponsorship.directorate === 'CNAM-DDGOS' ? (people.get(SPONSOR) ?? null) : null,
          decidedAt: decided ? new Date(requestedAt.getTime() + 3 * DAY_MS) : null,
          withdrawnAt: withdrawn ? new Date(requestedAt.getTime() + 30 * DAY_MS) : null,
        });
      }
      for (const [n, offer] of (demo.offers ?? []).entries())
        await tx.insert(projectOffers).values({
          projectId,
          organisationId: office(offer.office),
          kind: offer.kind,
          message: offer.message,
          personDays: offer.personDays ?? null,
          state: offer.state,
          rationale: offer.state === 'pending' ? null : OFFER_ANSWERS[offer.state],
          createdAt: workedAt(now, 15 - n, index + n),
          decidedAt: offer.state === 'pending' ? null : workedAt(now, 10 - n, index + n + 3),
        });
      for (const c of demo.contributions ?? [])
        await tx.insert(projectContributions).values({
          projectId,
          personName: c.person,
          organisationId: office(c.office),
          sharePercent: c.share,
          startsOn: c.from,
          endsOn: c.to ?? null,
          role: c.role,
        });
      for (const [n, comment] of (demo.comments ?? []).entries()) {
        const authorId = people.get(comment.author);
        if (!authorId) continue;
        await tx
          .insert(projectComments)
          .values({ projectId, authorId, body: comment.body, createdAt: workedAt(now, comment.daysAgo, n) });
        await tx
          .insert(follows)
          .values({ userId: authorId, targetType: 'project', targetId: projectId, automatic: true })
          .onConflictDoNothing();
      }
      await tx.insert(auditEvents).values({
        action: 'project.create',
        targetType: 'project',
        targetId: projectId,
        occurredAt: createdAt,
        actorKind: 'system',
        after: { title: demo.title, track: demo.track, phase: demo.phase, source: 'demo' },
        details: { job: 'demo' },
      });
      // Each phase reached, as the lifecycle engine records a transition: the project page dates its steps from these.
      const dates = actualDates(demo, createdAt, now);
      let from = 'needExpressed';
      for (const [to, transition] of DEMO_TRANSITIONS) {
        const start = dates[to]?.start;
        if (!start) continue;
        await tx.insert(auditEvents).values({
          action: `project.${transition}`,
          targetType: 'project',
          targetId: projectId,
          occurredAt: new Date(`${start}T09:00:00Z`),
          actorKind: 'system',
          details: { job: 'demo', lifecycle: 'project', transition, from, to, input: null },
        });
        from = to;
      }
    }
    await seedDemoCapacities(tx, office, now);
    return { created: DEMO_PROJECTS.length };
  });
}

const SPONSOR = 'sponsor@mutualis.demo';
/** The phases in the order they are reached, with the transition that reaches each (common/lifecycles/project.ts). */
const DEMO_TRANSITIONS = [
  ['framing', 'frame'],
  ['development', 'startDevelopment'],
  ['acceptance', 'submitForAcceptance'],
  ['delivered', 'deliver'],
  ['suspended', 'suspend'],
  ['abandoned', 'abandon'],
] as const;
/** The holder's answer to a demo offer once decided. */
const OFFER_ANSWERS: Record<string, string> = {
  accepted: 'Merci : nous vous contactons pour organiser le travail et l’accès à la forge.',
  declined: 'Merci de votre proposition : ce besoin est déjà couvert pour la phase en cours.',
  withdrawn: 'Proposition retirée par l’organisme.',
};
/** Who asked for the sponsorship of a project of a demo account's office. */
const DEMO_HOLDERS: Record<string, string> = {
  'CPAM-67': 'dev.basrhin@mutualis.demo',
  'CPAM-13': 'dev.marseille@mutualis.demo',
};
const DEMO_EMAILS = [
  SPONSOR,
  ...Object.values(DEMO_HOLDERS),
  'directeur.basrhin@mutualis.demo',
  'agent.rhone@mutualis.demo',
  'ddsi@mutualis.demo',
];

/** Each phase worked through so far: started and ended in order, the current one still open. */
function actualDates(demo: DemoProject, createdAt: Date, now: Date) {
  const order = ['needExpressed', 'framing', 'development', 'acceptance', 'delivered'];
  const current =
    demo.phase === 'suspended' || demo.phase === 'abandoned'
      ? (demo.suspendedFrom ?? 'needExpressed')
      : demo.phase;
  const reached = order.slice(0, order.indexOf(current) + 1);
  const step = (now.getTime() - createdAt.getTime()) / (reached.length + 1);
  const dates: Record<string, { start: string; end: string | null }> = {};
  reached.forEach((phase, i) => {
    dates[phase] = {
      start: dayOf(new Date(createdAt.getTime() + i * step)),
      end:
        i < reached.length - 1 || demo.phase !== current
          ? dayOf(new Date(createdAt.getTime() + (i + 1) * step))
          : null,
    };
  });
  if (demo.phase !== current) dates[demo.phase] = { start: dayOf(daysAgo(now, 5)), end: null };
  return dates;
}
