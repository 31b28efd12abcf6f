import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeComposer, STARTER_KIT_RELEASES, startFakeComposer } from '../test/fake-composer.ts';
import { refusal } from '../test/integration-refusal.ts';
import { compareVersions, createComposerClient, expandMinified } from './composer.ts';
import { IntegrationError } from './http.ts';

let composer: FakeComposer;
const noWait = { sleep: async () => undefined };

beforeAll(async () => {
  composer = await startFakeComposer();
  composer.packages.set('cnam/sk-php', {
    modifiedAt: new Date('2026-11-20T09:00:00Z'),
    versions: [
      ...STARTER_KIT_RELEASES,
      { version: 'v3.2.0-RC1', time: '2026-11-01T09:00:00+00:00', license: ['EUPL-1.2'] },
      { version: 'v2.9.0', time: '2025-05-02T09:00:00+00:00', license: ['proprietary'] },
    ],
  });
  composer.packages.set('cnam/connecteur-sni', {
    modifiedAt: new Date('2026-10-01T09:00:00Z'),
    versions: [{ version: '1.10.0', time: '2026-10-01T09:00:00+00:00', license: ['EUPL-1.2'] }],
  });
  composer.packages.set('autre/outil', {
    modifiedAt: new Date('2026-10-01T09:00:00Z'),
    versions: [{ version: '1.0.0', time: '2026-10-01T09:00:00+00:00', license: ['MIT'] }],
  });
});
afterAll(() => composer.close());

const client = (token = composer.token, vendors = ['cnam']) =>
  createComposerClient({ url: composer.url, user: composer.user, token, vendors }, noWait);

describe('Composer repository client, against a local server answering as Artifactory and Satis publish packages.json and p2/ metadata', () => {
  it('lists the packages of the vendors asked from packages.json’s available-packages', async () => {
    expect(await client().listPackages()).toEqual(['cnam/connecteur-sni', 'cnam/sk-php']);
    expect(
      await client('jeton', [])
        .listPackages()
        .catch((e: unknown) => e),
    ).toBeInstanceOf(IntegrationError);
  });

  it('reads a package’s minified p2 file through metadata-url: tagged versions, newest first, with dates and licences', async () => {
    composer.requests.length = 0;
    const read = await client().readPackage('cnam/sk-php', null);
    expect(composer.requests[0]?.path).toBe('/artifactory/api/composer/php-local/p2/cnam/sk-php.json');
    if (read === 'unchanged') throw new Error('expected the package');
    expect(read.description).toBe('Starter kit PHP');
    expect(read.versions).toEqual([
      { version: 'v3.2.0', releasedAt: '2026-11-20T09:00:00.000Z', licences: ['EUPL-1.2'] },
      { version: 'v3.1.4', releasedAt: '2026-09-02T09:00:00.000Z', licences: ['EUPL-1.2'] },
      { version: 'v2.9.0', releasedAt: '2025-05-02T09:00:00.000Z', licences: ['proprietary'] },
    ]);
    expect(read.lastModified).toBe('Fri, 20 Nov 2026 09:00:00 GMT');
  });

  it('reads a package again only when its file changed (If-Modified-Since → 304)', async () => {
    expect(await client().readPackage('cnam/sk-php', 'Fri, 20 Nov 2026 09:00:00 GMT')).toBe('unchanged');
    expect(composer.requests.at(-1)?.ifModifiedSince).toBe('Fri, 20 Nov 2026 09:00:00 GMT');
    expect(await client().readPackage('cnam/sk-php', 'Thu, 19 Nov 2026 09:00:00 GMT')).not.toBe('unchanged');
  });

  it('maps a refused token, an unknown package and a repository down to French messages', async () => {
    expect((await refusal(client('mauvais').listPackages())).detail).toBe(
      'Composer refuse le jeton du portail (401) : il est invalide ou a expiré. Un administrateur doit le renouveler.',
    );
    expect((await refusal(client().readPackage('cnam/absent', null))).detail).toBe(
      "Le paquet cnam/absent est introuvable sur Composer (404) : vérifiez l'adresse ou le nom.",
    );
    composer.fail('/packages.json', 502, 3);
    expect((await refusal(client().listPackages())).detail).toBe(
      'Composer ne répond pas correctement (erreur 502) après 3 tentatives : réessayez plus tard.',
    );
  });

  it('undoes Composer’s minifier (fields inherited, "__unset" dropped) and orders versions as Composer does', () => {
    expect(
      expandMinified([
        { version: '2.0.0', license: ['MIT'], extra: { a: 1 } },
        { version: '1.0.0', extra: '__unset' },
      ]),
    ).toEqual([
      { version: '2.0.0', license: ['MIT'], extra: { a: 1 } },
      { version: '1.0.0', license: ['MIT'] },
    ]);
    expect(['1.9.2', 'v1.10.0', '1.10.0-RC1', '1.2'].sort(compareVersions)).toEqual([
      '1.2',
      '1.9.2',
      '1.10.0-RC1',
      'v1.10.0',
    ]);
  });
});
