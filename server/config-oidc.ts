import { z } from 'zod';
import { isRole, type Role } from '../common/roles.ts';
import { ConfigError, readSecret } from './config-secrets.ts';

/** Single sign-on with the network's directory: its settings (docs/operations.md), read by config.ts. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  /** Names of the ID token / userinfo claims that carry each piece of the account. */
  claims: {
    email: string;
    name: string;
    givenName: string;
    familyName: string;
    office: string | null;
    groups: string;
  };
  /** Role → directory groups that grant it; null: roles stay as administered in Mutualis. */
  roleGroups: Map<Role, string[]> | null;
}

export const oidcEnvironmentSchema = z.object({
  MUTUALIS_OIDC_ISSUER: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, {
      error: 'MUTUALIS_OIDC_ISSUER doit être une URL http(s) / MUTUALIS_OIDC_ISSUER must be an http(s) URL',
    })
    .optional(),
  MUTUALIS_OIDC_CLIENT_ID: z.string().min(1).optional(),
  MUTUALIS_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  MUTUALIS_OIDC_CLIENT_SECRET_FILE: z.string().min(1).optional(),
  MUTUALIS_OIDC_SCOPES: z.string().min(1).default('openid email profile'),
  MUTUALIS_OIDC_CLAIM_EMAIL: z.string().min(1).default('email'),
  MUTUALIS_OIDC_CLAIM_NAME: z.string().min(1).default('name'),
  MUTUALIS_OIDC_CLAIM_GIVEN_NAME: z.string().min(1).default('given_name'),
  MUTUALIS_OIDC_CLAIM_FAMILY_NAME: z.string().min(1).default('family_name'),
  MUTUALIS_OIDC_CLAIM_OFFICE: z.string().min(1).optional(),
  MUTUALIS_OIDC_CLAIM_GROUPS: z.string().min(1).default('groups'),
  MUTUALIS_OIDC_ROLE_GROUPS: z
    .string()
    .regex(/^\s*\w+\s*=\s*[^;=]+(;\s*\w+\s*=\s*[^;=]+)*;?\s*$/, {
      error:
        'MUTUALIS_OIDC_ROLE_GROUPS doit s’écrire role=groupe1,groupe2;role2=groupe3 / MUTUALIS_OIDC_ROLE_GROUPS must read role=group1,group2;role2=group3',
    })
    .optional(),
});
type OidcEnvironment = z.infer<typeof oidcEnvironmentSchema>;

/** Single sign-on is configured by its issuer and client id; the secret (variable or file) is optional (public client + PKCE). */
export function oidcSettings(e: OidcEnvironment): OidcSettings | null {
  if (!e.MUTUALIS_OIDC_ISSUER) return null;
  if (!e.MUTUALIS_OIDC_CLIENT_ID)
    throw new ConfigError(
      'Configuration invalide / invalid configuration:\n- MUTUALIS_OIDC_ISSUER demande MUTUALIS_OIDC_CLIENT_ID / MUTUALIS_OIDC_ISSUER needs MUTUALIS_OIDC_CLIENT_ID',
    );
  let roleGroups: Map<Role, string[]> | null = null;
  if (e.MUTUALIS_OIDC_ROLE_GROUPS) {
    roleGroups = new Map();
    for (const entry of e.MUTUALIS_OIDC_ROLE_GROUPS.split(';').filter((x) => x.trim())) {
      const [role = '', groups = ''] = entry.split('=').map((x) => x.trim());
      if (!isRole(role))
        throw new ConfigError(
          `Configuration invalide / invalid configuration:\n- MUTUALIS_OIDC_ROLE_GROUPS : rôle inconnu / unknown role « ${role} »`,
        );
      roleGroups.set(
        role,
        groups
          .split(',')
          .map((g) => g.trim())
          .filter(Boolean),
      );
    }
  }
  return {
    issuer: e.MUTUALIS_OIDC_ISSUER,
    clientId: e.MUTUALIS_OIDC_CLIENT_ID,
    clientSecret:
      e.MUTUALIS_OIDC_CLIENT_SECRET ??
      readSecret('MUTUALIS_OIDC_CLIENT_SECRET_FILE', e.MUTUALIS_OIDC_CLIENT_SECRET_FILE),
    scopes: e.MUTUALIS_OIDC_SCOPES,
    claims: {
      email: e.MUTUALIS_OIDC_CLAIM_EMAIL,
      name: e.MUTUALIS_OIDC_CLAIM_NAME,
      givenName: e.MUTUALIS_OIDC_CLAIM_GIVEN_NAME,
      familyName: e.MUTUALIS_OIDC_CLAIM_FAMILY_NAME,
      office: e.MUTUALIS_OIDC_CLAIM_OFFICE ?? null,
      groups: e.MUTUALIS_OIDC_CLAIM_GROUPS,
    },
    roleGroups,
  };
}
