import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { routerPaths } from './routes.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function routerFiles(files: Record<string, string>) {
  folder = mkdtempSync(path.join(tmpdir(), 'mutualis-routes-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

describe('the router paths read from the sources', () => {
  it('resolves nested paths, path-less layout routes and routes of other files; same names in two files stay apart', () => {
    const dir = routerFiles({
      'router.tsx': `
        const rootRoute = createRootRouteWithContext<Ctx>()({ component: Outlet });
        export const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app' });
        const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/' });
        const callsRoute = createRoute({ getParentRoute: () => appRoute, path: '/appels' });
        const callRoute = createRoute({ getParentRoute: () => callsRoute, path: '$id/' });
        const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/connexion' });
        const unknownRoute = createRoute({ getParentRoute: () => appRoute, path: '$' });`,
      'router-store.tsx': `
        import { appRoute } from './router.tsx';
        const requestRoute = createRoute({ getParentRoute: () => appRoute, path: '/store/demandes/$id' });`,
      'router-board.tsx': `
        import { appRoute } from './router.tsx';
        const requestRoute = createRoute({ getParentRoute: () => appRoute, path: '/instance/demande' });`,
      'not-a-router.tsx': `const otherRoute = createRoute({ getParentRoute: () => appRoute, path: '/ailleurs' });`,
    });
    expect(routerPaths(dir)).toEqual([
      '/',
      '/$',
      '/appels',
      '/appels/$id',
      '/connexion',
      '/instance/demande',
      '/store/demandes/$id',
    ]);
  });

  it('refuses a path it cannot read rather than leaving a route out', () => {
    const dir = routerFiles({
      'router.tsx': `
        const rootRoute = createRootRoute({});
        const dynamicRoute = createRoute({ getParentRoute: () => rootRoute, path: PREFIX + '/x' });`,
    });
    expect(() => routerPaths(dir)).toThrow(/not a literal/);
  });

  it('reads the portal’s router: the catalogue sheet, the catch-all and the login page are among its paths', () => {
    expect(routerPaths()).toEqual(expect.arrayContaining(['/catalogue/$id', '/$', '/connexion', '/']));
  });
});
