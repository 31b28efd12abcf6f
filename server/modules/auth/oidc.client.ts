import * as oidc from 'openid-client';
import type { OidcSettings } from '../../config.ts';
import { AppError } from '../../lib/errors.ts';

/** What the browser keeps between the redirection to the provider and its return (a short-lived cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

export interface OidcClaims {
  [claim: string]: unknown;
  sub: string;
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const FAILED = "La connexion par l'annuaire a échoué : recommencez depuis la page de connexion.";

/**
 * The relying party of the network's OpenID provider: authorization code flow with PKCE (S256), state and
 * nonce. The provider's metadata is read once (discovery) and again after a failure.
 */
export function createOidcClient(settings: OidcSettings, publicUrl: string) {
  const redirectUri = `${publicUrl}${OIDC_CALLBACK_PATH}`;
  let discovered: Promise<oidc.Configuration> | null = null;

  function configuration() {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? undefined : oidc.None(),
        // A plain-http issuer only exists on a developer's machine or in the tests.
        settings.issuer.startsWith('http://') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch(() => {
        discovered = null;
        throw new AppError(
          'serviceUnavailable',
          `L'annuaire de l'Assurance Maladie ne répond pas (${settings.issuer}) : réessayez dans un instant.`,
        );
      });
    return discovered;
  }

  return {
    /** The provider's address to send the browser to, and what to keep for its return. */
    async start(): Promise<{ url: string; pending: PendingSignIn }> {
      const config = await configuration();
      const pending = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },

    /** Exchanges the code for tokens (checking state, PKCE and nonce) and returns the ID token's and userinfo's claims. */
    async finish(query: Record<string, string>, pending: PendingSignIn | null): Promise<OidcClaims> {
      if (typeof query.error === 'string')
        throw new AppError('unauthenticated', `L'annuaire a refusé la connexion (${query.error}).`);
      if (!pending || !query.state || query.state !== pending.state)
        throw new AppError(
          'badRequest',
          "La réponse de l'annuaire ne correspond pas à la connexion commencée ici (paramètre state) : recommencez depuis la page de connexion.",
        );
      const config = await configuration();
      const current = new URL(redirectUri);
      for (const [name, value] of Object.entries(query)) current.searchParams.set(name, value);
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw translate(error);
      }
      const idClaims = tokens.claims();
      if (!idClaims) throw new AppError('badGateway', FAILED);
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}));
      return { ...userinfo, ...idClaims } as OidcClaims;
    },

    /** RP-initiated logout: where the browser goes after signing out here, to sign out of the provider too. */
    async logoutUrl(): Promise<string | null> {
      const config = await configuration().catch(() => null);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: `${publicUrl}/`,
      }).href;
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

function translate(error: unknown): AppError {
  if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant')
    return new AppError(
      'badRequest',
      'Ce code de connexion a déjà servi ou a expiré : recommencez depuis la page de connexion.',
    );
  // openid-client wraps the failed check (oauth4webapi's) as its cause; the claim it names says which.
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && /"nonce"/.test(cause.message))
    return new AppError(
      'badRequest',
      "Le jeton de l'annuaire ne correspond pas à cette connexion (nonce) : recommencez depuis la page de connexion.",
    );
  return new AppError('badRequest', FAILED);
}
