/** Words for the actions of the audit trail; an action missing here is shown by its code. */
export const AUDIT_ACTION_LABELS: Record<string, { fr: string; en: string }> = {
  'referenceData.load': {
    fr: 'Chargement du référentiel des organismes',
    en: 'Office reference data loaded',
  },
  'session.login': { fr: 'Connexion', en: 'Sign-in' },
  'session.logout': { fr: 'Déconnexion', en: 'Sign-out' },
  'user.create': { fr: 'Création de compte', en: 'Account created' },
  'user.update': { fr: 'Modification de compte', en: 'Account edited' },
  'user.resetPassword': { fr: 'Réinitialisation du mot de passe', en: 'Password reset' },
  'user.changePassword': { fr: 'Changement de mot de passe', en: 'Password changed' },
  'userAccount.deactivate': { fr: 'Désactivation de compte', en: 'Account deactivated' },
  'userAccount.reactivate': { fr: 'Réactivation de compte', en: 'Account reactivated' },
};

export const AUDIT_TARGET_TYPE_LABELS: Record<string, { fr: string; en: string }> = {
  user: { fr: 'Compte utilisateur', en: 'User account' },
  organisation: { fr: 'Organisme', en: 'Office' },
  referenceData: { fr: 'Référentiel', en: 'Reference data' },
};
