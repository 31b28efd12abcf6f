import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The publiccode.yml files of the validation tests: valid ones modelled on published files, and wrong ones. */

export const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/publiccode/${name}`, import.meta.url), 'utf8');
export const full = fixture('full-0.4.yml');
export const minimal = fixture('minimal-0.2.yml');

/** The file with `from` replaced (once, and it must be there) by `to`. */
export function edited(source: string, from: string, to: string) {
  expect(source).toContain(from);
  return source.replace(from, to);
}

/** [what breaks, the file, the field reported, the end of its message]. */
export const WRONG: [string, string, string, string][] = [
  ['an unsupported version', edited(full, '"0.4"', '"1.9"'), 'publiccodeYmlVersion', 'doit valoir "0"'],
  ['an empty name', edited(full, 'name: Gestione Presenze', 'name: ""'), 'name', 'est obligatoire.'],
  [
    'a file: repository',
    edited(full, '"https://gitlab.com/regione-esempio/gestione-presenze.git"', 'file:///srv/git/presenze'),
    'url',
    'doit être l’adresse d’un dépôt de code',
  ],
  [
    'a landing page that is not http(s)',
    edited(full, '"https://regione-esempio.github.io/gestione-presenze"', 'ftp://example.org/x'),
    'landingURL',
    'doit être une adresse http(s)',
  ],
  [
    'isBasedOn that is not a URL',
    edited(full, '"https://github.com/italia/presenze-base.git"', 'presenze-base'),
    'isBasedOn[0]',
    'doit être l’adresse d’un dépôt de code',
  ],
  [
    'a date that does not exist',
    edited(full, 'releaseDate: 2024-11-05', 'releaseDate: 2024-02-30'),
    'releaseDate',
    'doit être une date réelle au format AAAA-MM-JJ.',
  ],
  [
    'a date in another format',
    edited(full, 'releaseDate: 2024-11-05', 'releaseDate: 05/11/2024'),
    'releaseDate',
    'doit être une date réelle',
  ],
  [
    'an absolute logo path',
    edited(full, 'logo: img/logo.svg', 'logo: /srv/www/logo.svg'),
    'logo',
    'est un chemin absolu',
  ],
  [
    'a file: logo',
    edited(full, 'logo: img/logo.svg', 'logo: file:///home/me/logo.svg'),
    'logo',
    'est une adresse file://',
  ],
  [
    'a logo that is not SVG or PNG',
    edited(full, 'logo: img/logo.svg', 'logo: img/logo.gif'),
    'logo',
    'doit être un fichier .svg, .svgz, .png.',
  ],
  [
    'an organisation URI that is not one',
    edited(full, '"urn:x-italian-pa:r_esempio"', 'Regione Esempio'),
    'organisation.uri',
    'doit être une adresse http(s) ou un URN',
  ],
  [
    'a fundedBy URI that is not one',
    edited(full, 'uri: "https://commission.europa.eu"', 'uri: "urn:x-italian-pa:"'),
    'fundedBy[0].uri',
    'doit être une adresse http(s) ou un URN',
  ],
  [
    'no platform',
    edited(full, 'platforms:\n  - web\n  - android', 'platforms: []'),
    'platforms',
    'doit citer au moins une plateforme',
  ],
  [
    'no categories before 0.4',
    edited(minimal, 'categories:\n  - document-management\n', ''),
    'categories',
    'est obligatoire en version 0.2 du standard',
  ],
  [
    'a development status outside the list',
    edited(full, 'developmentStatus: stable', 'developmentStatus: production'),
    'developmentStatus',
    'doit valoir l’une de ces valeurs : concept, development, beta, stable, obsolete.',
  ],
  [
    'a software type outside the list',
    edited(full, 'softwareType: "standalone/web"', 'softwareType: standalone'),
    'softwareType',
    'doit valoir l’une de ces valeurs',
  ],
  [
    'a maintenance type outside the list',
    edited(full, 'type: "contract"', 'type: outsourced'),
    'maintenance.type',
    'doit valoir l’une de ces valeurs : internal, contract, community, none.',
  ],
  [
    'contract maintenance without contractors',
    edited(
      full,
      '  contractors:\n    - name: Software Esempio S.r.l.\n      until: "2027-12-31"\n      email: "assistenza@software-esempio.it"\n      website: "https://software-esempio.it"\n',
      '',
    ),
    'maintenance.contractors',
    'est obligatoire quand « maintenance.type » vaut contract.',
  ],
  [
    'contractors without contract maintenance',
    edited(full, 'type: "contract"', 'type: internal'),
    'maintenance.contractors',
    'n’est admis que si « maintenance.type » vaut contract.',
  ],
  [
    'internal maintenance without contacts',
    edited(
      minimal,
      '  contacts:\n    - name: Mario Rossi\n      email: "mario.rossi@comune.esempio.it"\n',
      '',
    ),
    'maintenance.contacts',
    'est obligatoire quand « maintenance.type » vaut internal ou community.',
  ],
  [
    'a contractor without an end date',
    edited(full, '      until: "2027-12-31"\n', ''),
    'maintenance.contractors[0].until',
    'est obligatoire.',
  ],
  [
    'a contact e-mail that is not one',
    edited(full, '"giulia.bianchi@regione.esempio.it"', 'giulia.bianchi'),
    'maintenance.contacts[0].email',
    'doit être une adresse e-mail valide.',
  ],
  [
    'a scope outside the list',
    edited(full, '    - employment', '    - astrology'),
    'intendedAudience.scope[1]',
    'doit valoir l’une de ces valeurs',
  ],
  [
    'a country that does not exist',
    edited(full, '    - FR', '    - XX'),
    'intendedAudience.countries[1]',
    'n’est pas un code pays ISO 3166-1 alpha-2',
  ],
  [
    'a country in mixed case',
    edited(full, '    - US', '    - Us'),
    'intendedAudience.unsupportedCountries[0]',
    'n’est pas un code pays',
  ],
  [
    'a description language that is not BCP 47',
    edited(full, '  en:\n    shortDescription', '  en_GB:\n    shortDescription'),
    'description.en_GB',
    'n’est pas une langue au format BCP 47',
  ],
  [
    'no description at all',
    edited(fixture('version-0.yml'), 'description:\n  en-GB:', 'description: {}\nunused:\n  en-GB:'),
    'description',
    'doit décrire le logiciel dans au moins une langue.',
  ],
  [
    'a short description over 150 characters',
    edited(
      full,
      'shortDescription: Attendance, leave and overtime of the staff.',
      `shortDescription: ${'x'.repeat(151)}`,
    ),
    'description.en.shortDescription',
    'est limité à 150 caractères (il en compte 151).',
  ],
  [
    'a long description under 150 characters',
    edited(
      full,
      'longDescription: >\n      Gestione Presenze collects',
      'longDescription: Too short.\n    unused: >\n      Gestione Presenze collects',
    ),
    'description.en.longDescription',
    'doit compter au moins 150 caractères (il en compte 10).',
  ],
  [
    'a long description over 10,000 characters',
    edited(
      full,
      'longDescription: >\n      Gestione Presenze collects',
      `longDescription: ${'y'.repeat(10001)}\n    unused: >\n      Gestione Presenze collects`,
    ),
    'description.en.longDescription',
    'est limité à 10 000 caractères.',
  ],
  [
    'a language without features',
    edited(full, '    features:\n      - Clock-in from the web and the app\n', ''),
    'description.en.features',
    'est obligatoire.',
  ],
  [
    'a generic name over 35 characters',
    edited(minimal, 'genericName: Albo pretorio online', `genericName: ${'z'.repeat(36)}`),
    'description.it.genericName',
    'est limité à 35 caractères.',
  ],
  [
    'documentation that is not an http(s) address',
    edited(full, '"https://regione-esempio.github.io/gestione-presenze/docs"', 'javascript:alert(1)'),
    'description.it.documentation',
    'doit être une adresse http(s)',
  ],
  [
    'a screenshot with an absolute path',
    edited(full, '- img/screenshot-1.png', '- /tmp/screenshot-1.png'),
    'description.it.screenshots[0]',
    'est un chemin absolu',
  ],
  [
    'a licence that is not an SPDX expression',
    edited(full, 'license: EUPL-1.2', 'license: Apache 2'),
    'legal.license',
    'doit être une expression de licence SPDX',
  ],
  [
    'an unfinished SPDX expression',
    edited(full, 'license: EUPL-1.2', 'license: EUPL-1.2 AND'),
    'legal.license',
    'doit être une expression de licence SPDX',
  ],
  [
    'localisationReady that is not a boolean',
    edited(full, 'localisationReady: true', 'localisationReady: yes'),
    'localisation.localisationReady',
    'doit être true ou false.',
  ],
  [
    'an available language that is not BCP 47',
    edited(full, '    - sl-IT-nedis', '    - italiano'),
    'localisation.availableLanguages[2]',
    'n’est pas une langue au format BCP 47',
  ],
  [
    'a dependency without a name',
    edited(full, '    - name: Lettore di badge', '    - version: "2"'),
    'dependsOn.hardware[0].name',
    'est obligatoire.',
  ],
  [
    'a key outside the standard',
    edited(full, 'roadmap:', 'tags: [hr]\nroadmap:'),
    'tags',
    'n’est pas une clé du standard publiccode.yml.',
  ],
  [
    'a misspelt key inside a section',
    edited(full, 'mainCopyrightOwner:', 'mainCopyrightOwnr:'),
    'legal.mainCopyrightOwnr',
    'n’est pas une clé du standard publiccode.yml.',
  ],
  [
    'an Italian section with an unknown extension version',
    edited(full, 'countryExtensionVersion: "1.0"', 'countryExtensionVersion: "2.0"'),
    'IT.countryExtensionVersion',
    'doit valoir l’une de ces valeurs : 0.2, 1.0.',
  ],
  [
    '`it` and `IT` both present',
    `${full}it:\n  piattaforme:\n    spid: true\n`,
    'it',
    'fait double emploi avec « IT »',
  ],
  ['a country section that is not a section', `${full}FR: true\n`, 'FR', 'doit être une section de clés'],
  [
    'a deprecated media type that is not one',
    edited(full, 'roadmap:', 'inputTypes: [text]\nroadmap:'),
    'inputTypes[0]',
    'n’est pas un type MIME',
  ],
  [
    'a text where a list is expected',
    edited(full, 'usedBy:\n  - Comune di Esempio', 'usedBy: { Comune: Esempio }'),
    'usedBy',
    'doit être une liste.',
  ],
];
