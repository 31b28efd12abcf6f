import { asc, count, inArray } from 'drizzle-orm';
import type { EventKind } from '../../../common/notifications.ts';
import type { Database } from '../client.ts';
import { applications, notifications, projects, users } from '../schema.ts';

/** Demo notifications: written as the fan-out writes them, already "e-mailed" so that none is sent. */
const DEMO_NOTIFICATIONS: {
  to: string;
  from: string;
  kind: EventKind;
  on: 'project' | 'application';
  params: Record<string, string>;
  hoursAgo: number;
  read?: boolean;
}[] = [
  {
    to: 'sponsor@mutualis.demo',
    from: 'dev.basrhin@mutualis.demo',
    kind: 'sponsorship.requested',
    on: 'project',
    params: { directorate: "Cnam — Direction déléguée à la gestion et à l'organisation des soins (DDGOS)" },
    hoursAgo: 2,
  },
  {
    to: 'dev.basrhin@mutualis.demo',
    from: 'directeur.basrhin@mutualis.demo',
    kind: 'comment.added',
    on: 'project',
    params: { excerpt: 'Pouvez-vous présenter l’avancement au prochain comité ?' },
    hoursAgo: 5,
  },
  {
    to: 'dev.basrhin@mutualis.demo',
    from: 'ddsi@mutualis.demo',
    kind: 'application.updated',
    on: 'application',
    params: {},
    hoursAgo: 30,
    read: true,
  },
  {
    to: 'directeur.basrhin@mutualis.demo',
    from: 'dev.marseille@mutualis.demo',
    kind: 'offer.made',
    on: 'project',
    params: { office: 'CPAM des Bouches-du-Rhône', offerKind: 'developerCapacity' },
    hoursAgo: 20,
  },
  {
    to: 'admin@mutualis.demo',
    from: 'dev.basrhin@mutualis.demo',
    kind: 'project.transitioned',
    on: 'project',
    params: { to: 'framing' },
    hoursAgo: 48,
  },
];

/** A few notifications for the demo accounts, so that the bell is not empty; once (none yet). */
export async function seedDemoNotifications(db: Database, now = new Date()): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(notifications);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const emails = [...new Set(DEMO_NOTIFICATIONS.flatMap((n) => [n.to, n.from]))];
  const people = new Map(
    (
      await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))
    ).map((u) => [u.email, u.id]),
  );
  const [project] = await db
    .select({ id: projects.id, label: projects.title })
    .from(projects)
    .orderBy(asc(projects.createdAt))
    .limit(1);
  const [application] = await db
    .select({ id: applications.id, label: applications.name })
    .from(applications)
    .orderBy(asc(applications.name))
    .limit(1);
  const rows = DEMO_NOTIFICATIONS.flatMap((n, index) => {
    const target = n.on === 'project' ? project : application;
    const userId = people.get(n.to);
    if (!target || !userId) return [];
    const createdAt = new Date(now.getTime() - n.hoursAgo * 3_600_000);
    return [
      {
        userId,
        // Demo events have no outbox message: negative ids cannot meet a real one.
        eventId: -(index + 1),
        kind: n.kind,
        actorId: people.get(n.from) ?? null,
        targetType: n.on,
        targetId: target.id,
        targetLabel: target.label,
        params: n.params,
        reason: n.kind === 'project.transitioned' ? ('follower' as const) : ('party' as const),
        emailCadence: 'immediate' as const,
        emailedAt: createdAt,
        createdAt,
        readAt: n.read ? createdAt : null,
      },
    ];
  });
  if (rows.length > 0) await db.insert(notifications).values(rows);
  return { created: rows.length };
}
