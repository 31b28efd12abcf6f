import { z } from 'zod';
import { USER_STATUSES } from '../lifecycles/user-account.ts';
import { ACTIONS } from '../permissions.ts';
import type { RetentionCategory } from '../retention.ts';
import { ROLES } from '../roles.ts';
import { pageNumber, pageSize, rowVersion, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';
import { organisationSchema } from './organisation.ts';

/** 12 characters at least, no composition rules (ANSSI / NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = text('Le mot de passe', { trim: false })
  .min(PASSWORD_MIN_LENGTH, {
    error: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  })
  .max(200, { error: 'Le mot de passe est limité à 200 caractères.' });

export const emailSchema = text("L'adresse e-mail")
  .toLowerCase()
  .pipe(z.email({ error: "L'adresse e-mail n'est pas valide." }).max(254));

const rolesSchema = z
  .array(z.enum(ROLES, { error: 'Rôle inconnu.' }), { error: 'Les rôles sont obligatoires.' })
  .min(1, { error: 'Choisissez au moins un rôle.' })
  .transform((roles) => [...new Set(roles)]);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    organisationId: z.uuid(),
    organisation: organisationSchema.pick({ id: true, code: true, name: true, type: true, region: true }),
    roles: z.array(z.enum(ROLES)),
    status: z.enum(USER_STATUSES),
    version: z.number().int(),
    lastLoginAt: z.string().nullable(),
    /** Set once the person was erased (RGPD): the name and e-mail are then a pseudonym. */
    erasure: z.object({ number: z.number().int(), erasedAt: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The account's transitions as the caller sees them (allowed or not, why, by whom, input). */
    transitions: z.array(transitionSchema),
    /** Where the account's lifecycle stands and when each state was reached (on a single account). */
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

export const createUserSchema = z.object({
  email: emailSchema,
  displayName: text('Le nom')
    .min(2, { error: 'Le nom doit compter au moins 2 caractères.' })
    .max(120, { error: 'Le nom est limité à 120 caractères.' }),
  organisationId: z.uuid({ error: "L'organisme est obligatoire." }),
  roles: rolesSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  version: rowVersion,
  displayName: createUserSchema.shape.displayName.optional(),
  organisationId: z.uuid({ error: "L'organisme n'est pas valide." }).optional(),
  roles: rolesSchema.optional(),
  password: passwordSchema.optional(),
  /** Refused with a pointer to the transitions route: the status is not a field. */
  status: z
    .never({
      error:
        'Le statut ne se modifie pas ici : utilisez les actions « Désactiver le compte » ou « Réactiver le compte » (POST /api/users/{id}/transitions).',
    })
    .optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userListQuerySchema = z.object({
  q: text('La recherche').max(100, { error: 'La recherche est limitée à 100 caractères.' }).optional(),
  organisationId: z.uuid({ error: "L'organisme n'est pas valide." }).optional(),
  role: z.enum(ROLES, { error: 'Rôle inconnu.' }).optional(),
  status: z.enum(USER_STATUSES, { error: 'Statut inconnu.' }).optional(),
  page: pageNumber,
  pageSize: pageSize(200, 25),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const loginSchema = z.object({
  email: text("L'adresse e-mail")
    .toLowerCase()
    .min(1, { error: "L'adresse e-mail est obligatoire." })
    .max(254, { error: "L'adresse e-mail est limitée à 254 caractères." }),
  password: text('Le mot de passe', { trim: false })
    .min(1, { error: 'Le mot de passe est obligatoire.' })
    .max(200, { error: 'Le mot de passe est limité à 200 caractères.' }),
});

export const meSchema = z
  .object({
    user: userSchema,
    organisation: organisationSchema,
    roles: z.array(z.enum(ROLES)),
    abilities: z.array(z.enum(ACTIONS)),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type MeDto = z.infer<typeof meSchema>;

export const loginResultSchema = z
  .object({ user: userSchema, csrfToken: z.string() })
  .meta({ id: 'LoginResult' });
export type LoginResultDto = z.infer<typeof loginResultSchema>;

const retentionDays = z.int().positive();

/** What anyone may know of the instance before signing in: demo mode and its accounts, retention periods. */
export const publicConfigSchema = z
  .object({
    demo: z.boolean(),
    demoAccounts: z.array(z.object({ email: z.string(), description: z.string() })),
    demoPassword: z.string().nullable(),
    /** false: password sign-in is off (but for the break-glass administrator): the form is hidden. */
    localLogin: z.boolean(),
    /** Sign-in with the network's directory (OpenID Connect), when configured; where to sign out of it too. */
    singleSignOn: z.object({ logoutUrl: z.string().nullable() }).nullable(),
    /** When a session ends (the personal data page tells the session cookie's lifetime). */
    session: z.object({ idleMinutes: z.number().int(), absoluteHours: z.number().int() }),
    /** Days each category of personal data is kept before the daily purge (docs/rgpd/retention.md). */
    retention: z.object({
      signInEvents: retentionDays,
      sessions: retentionDays,
      auditDetails: retentionDays,
      readNotifications: retentionDays,
      notifications: retentionDays,
      deactivatedAccounts: retentionDays,
    } satisfies Record<RetentionCategory, typeof retentionDays>),
  })
  .meta({ id: 'PublicConfig' });
export type PublicConfigDto = z.infer<typeof publicConfigSchema>;

export const changePasswordSchema = z.object({
  currentPassword: text('Le mot de passe actuel', { trim: false })
    .min(1, { error: 'Le mot de passe actuel est obligatoire.' })
    .max(200, { error: 'Le mot de passe actuel est limité à 200 caractères.' }),
  newPassword: passwordSchema,
});
