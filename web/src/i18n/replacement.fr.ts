/** A sheet retired in favour of a shared application (a redundancy resolved), as the sheet shows it. */
export const replacementFr = {
  replacement: {
    retiredInFavour: 'Retirée le {{date}} au profit de',
    retiredInFavourTitle: 'Application retirée au profit d’une application mutualisée',
    replaces_one: 'Cette application en a remplacé {{count}} autre',
    replaces_other: 'Cette application en a remplacé {{count}} autres',
    replacesItem: 'retirée le {{date}}',
    action: 'Retirer au profit d’une application mutualisée',
    title: 'Retirer « {{name}} » au profit d’une application mutualisée',
    intro:
      'L’application passera à l’étape « Retirée » et sa fiche renverra vers l’application choisie, qui la listera. Le retrait est inscrit au journal et compté parmi les redondances résolues.',
    choose: 'Application mutualisée qui la remplace',
    chooseHelp: 'Tapez deux lettres de son nom ou de son identifiant.',
    none: 'Aucune application en service ne correspond.',
    missing: 'Choisissez l’application qui la remplace.',
    next: 'Continuer',
    confirmTitle: 'Confirmer le retrait',
    confirm:
      '« {{name}} » sera retirée au profit de « {{replacement}} ». Ce choix ne se modifie pas ensuite.',
    back: 'Revenir au choix',
    submit: 'Confirmer le retrait',
    done: '« {{name}} » est retirée au profit de « {{replacement}} ».',
  },
};
