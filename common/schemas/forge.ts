import { z } from 'zod';
import { rowVersion, text } from './common.ts';

/** GitLab's visibility levels and the two access levels the portal gives a team member. */
export const FORGE_VISIBILITIES = ['private', 'internal', 'public'] as const;
/** 30 Developer, 40 Maintainer (GitLab's numeric access levels). */
export const FORGE_ACCESS_LEVELS = [30, 40] as const;

const GITLAB_PATH = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$/;
const GITLAB_USERNAME = /^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*$/;

/** "Créer le projet sur la Forge": the starter-kit template in the developer's group, the team added. */
export const createForgeProjectSchema = z.object({
  version: rowVersion,
  name: text('Le nom du projet GitLab')
    .min(2, { error: 'Le nom du projet GitLab compte au moins 2 caractères.' })
    .max(100, { error: 'Le nom du projet GitLab est limité à 100 caractères.' }),
  path: text("Le chemin du projet GitLab (dans l'adresse)")
    .min(2, { error: 'Le chemin du projet GitLab compte au moins 2 caractères.' })
    .max(100, { error: 'Le chemin du projet GitLab est limité à 100 caractères.' })
    .regex(GITLAB_PATH, {
      error:
        'Le chemin du projet GitLab ne contient que des lettres sans accent, des chiffres, « _ », « - » et « . » (ex. gestion-conges).',
    })
    .refine((v) => !v.endsWith('.git') && !v.endsWith('.atom'), {
      error: 'Le chemin du projet GitLab ne peut pas finir par .git ou .atom.',
    }),
  visibility: z.enum(FORGE_VISIBILITIES, {
    error: 'La visibilité est privée (private), interne (internal) ou publique (public).',
  }),
  description: text('La description').max(2000, { error: 'La description est limitée à 2 000 caractères.' }),
  defaultBranch: text('La branche par défaut')
    .min(1, { error: 'La branche par défaut est obligatoire (ex. main).' })
    .max(100, { error: 'La branche par défaut est limitée à 100 caractères.' })
    .regex(/^[\w./-]+$/, {
      error: 'La branche par défaut ne contient ni espace ni caractère spécial (ex. main).',
    }),
  members: z
    .array(
      z.object({
        username: text("L'identifiant GitLab du membre")
          .min(1, { error: "L'identifiant GitLab du membre est obligatoire." })
          .max(255, { error: "L'identifiant GitLab du membre est limité à 255 caractères." })
          .regex(GITLAB_USERNAME, {
            error:
              "L'identifiant GitLab du membre ne contient ni espace ni caractère spécial (ex. jean.dupont).",
          }),
        accessLevel: z.union([z.literal(30), z.literal(40)], {
          error: "Le niveau d'accès vaut 30 (développeur) ou 40 (mainteneur).",
        }),
      }),
      { error: 'Les membres sont une liste.' },
    )
    .max(50, { error: "L'équipe compte au plus 50 membres." }),
});
export type CreateForgeProjectInput = z.infer<typeof createForgeProjectSchema>;

const forgeLink = z.object({ title: z.string(), url: z.string(), author: z.string(), date: z.string() });

/** What the portal keeps of a GitLab project's activity (over the last 12 weeks). */
export const forgeActivitySchema = z
  .object({
    webUrl: z.string(),
    projectPath: z.string(),
    /** Commits per week, the oldest first; `start` is the Monday (AAAA-MM-JJ). */
    weeks: z.array(z.object({ start: z.string(), commits: z.number().int() })),
    lastCommits: z.array(forgeLink.extend({ sha: z.string() })),
    lastCommitAt: z.string().nullable(),
    openMergeRequests: z.object({ count: z.number().int(), items: z.array(forgeLink) }),
    openIssues: z.object({ count: z.number().int(), items: z.array(forgeLink) }),
    lastRelease: z
      .object({ tag: z.string(), name: z.string(), date: z.string(), url: z.string() })
      .nullable(),
    lastPipeline: z
      .object({ status: z.string(), ref: z.string(), date: z.string(), url: z.string() })
      .nullable(),
    wikiPages: z.array(z.object({ title: z.string(), url: z.string() })),
  })
  .meta({ id: 'ForgeActivity' });
export type ForgeActivityDto = z.infer<typeof forgeActivitySchema>;

/**
 * The starter-kit version a project uses — locked in its composer.lock (`lock`), else declared on the
 * sheet (`declared`) — against the newest tagged version of the starter-kit package; `behind`: how many
 * tagged versions are newer (null when the package was never read).
 */
export const starterKitSchema = z
  .object({
    used: z.string(),
    source: z.enum(['lock', 'declared']),
    current: z.string().nullable(),
    behind: z.number().int().nullable(),
  })
  .meta({ id: 'StarterKitStatus' });
export type StarterKitDto = z.infer<typeof starterKitSchema>;

/**
 * A sheet's or project's activity as the portal last fetched it. `state`: `notLinked` (no forge
 * address on the GitLab configured), `notConfigured` (no GitLab and no demonstration data), `pending`
 * (linked, not fetched yet), `fresh`, `stale` (the last attempt failed: the data is the one of
 * `fetchedAt`). `source: demo` is demonstration data, said so on the page.
 */
export const forgeActivityPanelSchema = z
  .object({
    configured: z.boolean(),
    state: z.enum(['notLinked', 'notConfigured', 'pending', 'fresh', 'stale']),
    source: z.enum(['gitlab', 'demo']).nullable(),
    projectPath: z.string().nullable(),
    fetchedAt: z.string().nullable(),
    lastError: z.string().nullable(),
    activity: forgeActivitySchema.nullable(),
    starterKit: starterKitSchema.nullable(),
    /** The PSRAM level declared on the sheet (null on a project, or when none is declared). */
    psramLevel: z.string().nullable(),
    /** No commit, release, pipeline or build for six months (the catalogue's « inactive » facet). */
    inactive: z.boolean(),
  })
  .meta({ id: 'ForgeActivityPanel' });
export type ForgeActivityPanelDto = z.infer<typeof forgeActivityPanelSchema>;

/** What the project page needs to offer the creation: whether it may, and the group it goes to. */
export const forgeCreationSchema = z
  .object({
    configured: z.boolean(),
    allowed: z.boolean(),
    /** The developer's group on GitLab, e.g. reseau/cpam-67. */
    namespace: z.string().nullable(),
    /** A GitLab username to start the team with (the caller's e-mail before @). */
    suggestedMember: z.string().nullable(),
  })
  .meta({ id: 'ForgeCreation' });
export type ForgeCreationDto = z.infer<typeof forgeCreationSchema>;

export const forgeProjectCreatedSchema = z
  .object({
    webUrl: z.string(),
    projectPath: z.string(),
    gitlabProjectId: z.number().int(),
    membersAdded: z.array(z.string()),
    /** Usernames GitLab does not know: the project exists, they were not added. */
    membersNotFound: z.array(z.string()),
  })
  .meta({ id: 'ForgeProjectCreated' });
export type ForgeProjectCreatedDto = z.infer<typeof forgeProjectCreatedSchema>;

/** The administrators' view of each outside system. */
export const integrationStatusSchema = z
  .object({
    items: z.array(
      z.object({
        system: z.enum(['gitlab', 'jenkins', 'composer']),
        configured: z.boolean(),
        url: z.string().nullable(),
        linked: z.number().int(),
        lastSyncAt: z.string().nullable(),
        errors: z.array(z.object({ subject: z.string(), message: z.string(), at: z.string() })),
      }),
    ),
  })
  .meta({ id: 'IntegrationStatus' });
export type IntegrationStatusDto = z.infer<typeof integrationStatusSchema>;

const factoryBuildSchema = z.object({
  number: z.number().int(),
  /** SUCCESS | UNSTABLE | FAILURE | NOT_BUILT | ABORTED; null while it runs. */
  result: z.string().nullable(),
  building: z.boolean(),
  startedAt: z.string(),
  durationMs: z.number(),
  url: z.string(),
});

/** A sheet's build health on the software factory (Jenkins), as last fetched; the states are the activity's. */
export const buildHealthPanelSchema = z
  .object({
    configured: z.boolean(),
    state: z.enum(['notLinked', 'notConfigured', 'pending', 'fresh', 'stale']),
    source: z.enum(['jenkins', 'demo']).nullable(),
    jobPath: z.string().nullable(),
    fetchedAt: z.string().nullable(),
    lastError: z.string().nullable(),
    health: z
      .object({
        jobUrl: z.string(),
        /** The last finished build's result: passing, unstable, failing; none before the first. */
        status: z.enum(['passing', 'unstable', 'failing', 'none']),
        building: z.boolean(),
        lastBuild: factoryBuildSchema.nullable(),
        builds: z.array(factoryBuildSchema),
        tests: z.object({ passed: z.number(), failed: z.number(), skipped: z.number() }).nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'BuildHealthPanel' });
export type BuildHealthPanelDto = z.infer<typeof buildHealthPanelSchema>;
