/** The strings of the packages page and the integrations' administration, in French. */
export const packagesFr = {
  packages: {
    nav: 'Paquets partagés',
    title: 'Paquets Composer partagés',
    intro:
      'Le starter kit et les connecteurs au système d’information national publiés sur le dépôt Composer : leurs versions, leur licence, et la version qu’utilise chaque application (d’après son composer.lock).',
    notConfigured:
      'Le dépôt Composer n’est pas configuré sur ce portail : un administrateur doit renseigner MUTUALIS_COMPOSER_URL.',
    pending:
      'Le dépôt Composer n’a pas encore été lu : la liste apparaîtra après la prochaine synchronisation (toutes les heures).',
    demo: 'Le dépôt Composer n’est pas configuré sur ce portail : paquets de démonstration, données du {{date}}.',
    fetchedAt: 'Données du {{date}}',
    stale: 'Le dépôt Composer n’a pas pu être lu à la dernière tentative : {{error}} Données du {{date}}.',
    latest: 'Dernière version {{version}}',
    licence: 'Licence : {{licences}}',
    noLicence: 'Licence non déclarée',
    behind_one: '{{count}} application en retard',
    behind_other: '{{count}} applications en retard',
    upToDate: 'Toutes à jour',
    unused: 'Utilisé par aucune application',
    versions: 'Versions',
    versionsCaption: 'Dernières versions de {{name}}',
    version: 'Version',
    releasedAt: 'Publiée le',
    licenceColumn: 'Licence',
    users: 'Applications qui l’utilisent',
    usersCaption: 'Applications qui utilisent {{name}} et leur version',
    application: 'Application',
    state: 'État',
    isBehind: 'En retard',
    isCurrent: 'À jour',
    noUser: 'Aucune application du catalogue ne l’utilise d’après les composer.lock lus.',
  },
};
