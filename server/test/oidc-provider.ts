import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) in the test process, on a local port: the network's directory as
 * the portal sees it. Its people are given by the test; its development login form signs them in, and
 * consent is granted at once (a directory of the network does not ask its agents).
 */
export interface DirectoryPerson {
  email?: string;
  email_verified?: boolean;
  name?: string;
  office?: string;
  groups?: string[];
}

export const DIRECTORY_CLIENT = { id: 'mutualis', secret: 'secret-de-test-du-portail-mutualis' };
/** The scope that carries the office and the groups, beside openid, email and profile. */
export const DIRECTORY_SCOPES = 'openid email profile mutualis';

export async function startDirectory(people: Record<string, DirectoryPerson>, portalUrl: string) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DIRECTORY_CLIENT.id,
        client_secret: DIRECTORY_CLIENT.secret,
        redirect_uris: [`${portalUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${portalUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      mutualis: ['office', 'groups'],
    },
    cookies: { keys: ['cle-de-test-des-cookies-de-l-annuaire'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => {
      const person = people[id];
      return person ? { accountId: id, claims: () => ({ sub: id, ...person }) } : undefined;
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    /**
     * Follows the portal's redirection through the provider as a browser would: the login form for
     * `personId`, then back; returns the portal's callback address (with code and state).
     */
    async signIn(authorizationUrl: string, personId: string): Promise<URL> {
      const jar = new Map<string, string>();
      const send = async (url: string, init: RequestInit = {}) => {
        const response = await fetch(url, {
          ...init,
          redirect: 'manual',
          headers: {
            ...(init.headers as Record<string, string>),
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          },
        });
        for (const line of response.headers.getSetCookie()) {
          const [pair = ''] = line.split(';');
          const at = pair.indexOf('=');
          jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
        const location = response.headers.get('location');
        return location ? new URL(location, url).href : null;
      };
      let next = await send(authorizationUrl);
      for (let hop = 0; next && hop < 10; hop++) {
        if (next.startsWith(portalUrl)) return new URL(next);
        const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(next).pathname);
        next = interaction
          ? await send(next, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ prompt: 'login', login: personId, password: 'x' }).toString(),
            })
          : await send(next);
      }
      throw new Error(`the provider did not send the browser back to the portal (last: ${next})`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
