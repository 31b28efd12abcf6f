import type { packagesFr } from './packages.fr.ts';

/** The strings of the packages page and the integrations' administration, in English. */
export const packagesEn: typeof packagesFr = {
  packages: {
    nav: 'Shared packages',
    title: 'Shared Composer packages',
    intro:
      'The starter kit and the connectors to the national information system published on the Composer repository: their versions, their licence, and the version each application uses (from its composer.lock).',
    notConfigured:
      'The Composer repository is not configured on this portal: an administrator must set MUTUALIS_COMPOSER_URL.',
    pending:
      'The Composer repository has not been read yet: the list will appear after the next synchronisation (every hour).',
    demo: 'The Composer repository is not configured on this portal: demonstration packages, data of {{date}}.',
    fetchedAt: 'Data of {{date}}',
    stale: 'The Composer repository could not be read at the last attempt: {{error}} Data of {{date}}.',
    latest: 'Latest version {{version}}',
    licence: 'Licence: {{licences}}',
    noLicence: 'Licence not declared',
    behind_one: '{{count}} application behind',
    behind_other: '{{count}} applications behind',
    upToDate: 'All up to date',
    unused: 'Used by no application',
    versions: 'Versions',
    versionsCaption: 'Latest versions of {{name}}',
    version: 'Version',
    releasedAt: 'Released on',
    licenceColumn: 'Licence',
    users: 'Applications using it',
    usersCaption: 'Applications using {{name}} and their version',
    application: 'Application',
    state: 'State',
    isBehind: 'Behind',
    isCurrent: 'Up to date',
    noUser: 'No application of the catalogue uses it according to the composer.lock files read.',
  },
};
