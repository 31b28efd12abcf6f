import { randomBytes } from 'node:crypto';
import type { Role } from '../../../common/roles.ts';
import type { Config, OidcSettings } from '../../config.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { findOrganisationByCode } from '../organisations/organisations.queries.ts';
import { findUserByEmail, insertUser, updateUserAtVersion } from '../users/users.queries.ts';
import { openSession } from './auth.service.ts';
import type { OidcClaims } from './oidc.client.ts';
import { hashPassword } from './password.ts';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The account the directory describes, read through the configured claim names. */
export function readIdentity(settings: OidcSettings, claims: OidcClaims) {
  const names = settings.claims;
  const email = text(claims[names.email])?.toLowerCase();
  if (!email)
    throw new AppError(
      'forbidden',
      "L'annuaire ne transmet pas votre adresse e-mail : demandez à son administrateur de l'ajouter à votre fiche.",
    );
  if (claims.email_verified !== true)
    throw new AppError(
      'forbidden',
      `Votre adresse e-mail (${email}) n'est pas vérifiée par l'annuaire : elle ne peut pas servir à vous reconnaître dans Mutualis.`,
    );
  const given = text(claims[names.givenName]);
  const family = text(claims[names.familyName]);
  const displayName =
    text(claims[names.name]) ?? ([given, family].filter(Boolean).join(' ') || email.split('@')[0] || email);
  const officeCode = names.office ? text(claims[names.office]) : undefined;
  const rawGroups = claims[names.groups];
  const groups = Array.isArray(rawGroups) ? rawGroups.filter((g): g is string => typeof g === 'string') : [];
  return { email, displayName: displayName.slice(0, 120), officeCode, groups };
}

/** Roles granted by the directory's groups; null when no mapping is configured (roles are administered here). */
export function rolesFromGroups(settings: OidcSettings, groups: string[]): Role[] | null {
  if (!settings.roleGroups) return null;
  const roles = [...settings.roleGroups].filter(([, wanted]) => wanted.some((g) => groups.includes(g)));
  return roles.length > 0 ? roles.map(([role]) => role) : ['agent'];
}

const sameRoles = (a: Role[], b: Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/**
 * Signs in the person the directory vouched for: their account is found by e-mail (verified by the
 * directory), or created in the office the directory names. Office and roles follow the directory only
 * where it is configured to say them; otherwise they stay as administered in Mutualis.
 */
export async function signInWithDirectory(
  ctx: ServiceContext,
  config: Config,
  settings: OidcSettings,
  claims: OidcClaims,
  input: { ip: string; userAgent: string | undefined; previousToken?: string | undefined },
) {
  const identity = readIdentity(settings, claims);
  const office = identity.officeCode ? await findOrganisationByCode(ctx.db, identity.officeCode) : null;
  if (identity.officeCode && !office)
    throw new AppError(
      'forbidden',
      `L'organisme « ${identity.officeCode} » transmis par l'annuaire n'existe pas dans Mutualis : un administrateur doit le créer ou rattacher votre compte.`,
    );
  const roles = rolesFromGroups(settings, identity.groups);
  const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));
  return inTransaction(ctx, async (tx) => {
    let user = await findUserByEmail(tx.db, identity.email);
    if (user && user.status !== 'active')
      throw new AppError(
        'forbidden',
        'Votre compte Mutualis est désactivé : adressez-vous à un administrateur du portail.',
      );
    if (!user) {
      if (!office)
        throw new AppError(
          'forbidden',
          "L'annuaire ne dit pas de quel organisme vous êtes : un administrateur de Mutualis doit créer votre compte dans votre organisme, puis vous pourrez vous connecter avec l'annuaire.",
        );
      user = await insertUser(tx.db, {
        email: identity.email,
        displayName: identity.displayName,
        organisationId: office.id,
        roles: roles ?? ['agent'],
        passwordHash: unusablePassword,
      });
      const asNewUser = {
        ...tx,
        actor: {
          userId: user.id,
          organisationId: office.id,
          roles: user.roles,
          sessionId: '',
          csrfToken: '',
        },
      };
      await recordAudit(asNewUser, {
        action: 'user.createFromDirectory',
        targetType: 'user',
        targetId: user.id,
        after: { email: user.email, organisationId: office.id, roles: user.roles },
      });
    } else {
      const changes = {
        ...(office && office.id !== user.organisationId ? { organisationId: office.id } : {}),
        ...(roles && !sameRoles(roles, user.roles) ? { roles } : {}),
      };
      if (Object.keys(changes).length > 0) {
        const before = { organisationId: user.organisationId, roles: user.roles };
        const updated = await updateUserAtVersion(tx.db, user.id, user.version, changes);
        if (!updated) throw new AppError('conflict', 'Votre compte vient d’être modifié : reconnectez-vous.');
        const asUser = {
          ...tx,
          actor: {
            userId: user.id,
            organisationId: updated.organisationId,
            roles: updated.roles,
            sessionId: '',
            csrfToken: '',
          },
        };
        await recordAudit(asUser, {
          action: 'user.syncFromDirectory',
          targetType: 'user',
          targetId: user.id,
          before,
          after: changes,
        });
        user = updated;
      }
    }
    return openSession(tx, config, user, { ...input, via: 'directory' });
  });
}
