/** The legal notice, the personal data page and the administrator's site settings, in French. */
export const legalFr = {
  siteSettings: {
    nav: 'Paramètres du site',
    title: 'Paramètres du site',
    intro:
      'Ce que disent les pages « Mentions légales » et « Données personnelles », lisibles sans connexion : l’éditeur, le directeur de la publication, l’hébergeur et les contacts pour les données personnelles.',
    saved: 'Les paramètres du site sont enregistrés : les pages publiques les affichent déjà.',
    conflict: 'Quelqu’un a enregistré ces paramètres entre-temps',
    reload: 'Recharger les paramètres enregistrés',
    missingTitle: 'Informations attendues par la loi',
    missing:
      'À compléter dès que possible (loi pour la confiance dans l’économie numérique, RGPD) : {{fields}}.',
  },
  legalNotice: {
    title: 'Mentions légales',
    intro:
      'Mutualis est le portail collaboratif des applications locales du réseau de l’Assurance Maladie : déclarer, partager, certifier et héberger les applications développées par les organismes.',
    publisher: 'Éditeur',
    identification: 'Identification : {{value}}',
    director: 'Directeur ou directrice de la publication',
    host: 'Hébergement',
    phone: 'Téléphone : {{value}}',
    property: 'Propriété intellectuelle et réutilisation',
    propertyContent:
      'Les contenus du portail (fiches d’applications, projets, appels à projets, documents, référentiel de bonnes pratiques) sont produits par la Caisse nationale et les organismes du réseau pour leurs propres besoins. Leur reproduction ou leur réutilisation hors du réseau de l’Assurance Maladie demande l’accord préalable de l’éditeur.',
    propertyFiles:
      'Un document déposé sur le portail reste sous la responsabilité de l’organisme qui l’a déposé. Le code d’une application partagée est réutilisable selon la licence indiquée sur sa fiche.',
    propertyMarks:
      'Le nom et le logo de l’Assurance Maladie sont des marques protégées : leur utilisation demande l’accord de l’éditeur.',
    more: 'Pour en savoir plus',
    accessibility: 'Déclaration d’accessibilité',
    personalData: 'Données personnelles et cookies',
    loading: 'Chargement des mentions légales…',
  },
  personalData: {
    title: 'Données personnelles',
    intro:
      'Mutualis traite des données personnelles des personnes qui l’utilisent et de celles que ses pages citent. Cette page dit lesquelles, pourquoi, qui les voit, combien de temps elles sont gardées et comment exercer vos droits.',
    controller: 'Responsable du traitement',
    controllerText: 'Le responsable du traitement est l’éditeur du portail :',
    dpo: 'Délégué à la protection des données',
    purposes: 'À quoi servent vos données',
    purposeList: [
      'Gérer les comptes et l’accès au portail : connexion, rôles, organisme de rattachement, sécurité des connexions.',
      'Permettre le travail entre organismes : déclarer et partager les applications, les projets, les appels à projets, les recettes, les demandes du Store, le support, les clubs utilisateurs, la communauté des développeurs et le référentiel.',
      'Vous prévenir de ce qui vous concerne : notifications dans le portail et par e-mail, selon vos préférences.',
      'Garder la trace de qui a fait quoi (journal d’audit), pour la sécurité du portail et le contrôle des décisions.',
      'Établir des statistiques sur l’activité du réseau, qui ne nomment personne.',
    ],
    legalBasis: 'Sur quelle base',
    legalBasisText:
      'Ces traitements sont nécessaires à l’exécution d’une mission d’intérêt public dont est investie la Caisse nationale de l’Assurance Maladie (article 6.1.e du RGPD) : l’organisation du système d’information de son réseau, dont relève le programme des applications locales (lettre-réseau LR-DDO-36-2018). Ils ne reposent pas sur votre consentement, et rien n’est utilisé à des fins commerciales ou publicitaires.',
    data: 'Quelles données, sur qui',
    people: 'Les personnes concernées :',
    peopleList: [
      'les agents des organismes du réseau (CPAM, CGSS, DRSM, CARSAT, UGECAM…) et des directions nationales de la Caisse nationale qui ont un compte ;',
      'les personnes citées sans avoir de compte : contacts d’une application ou d’un projet, contributeurs d’un projet, signataires d’une convention, participants d’une séance de l’instance de gouvernance.',
    ],
    dataList: [
      'Identité et rattachement : nom, adresse e-mail professionnelle, organisme, rôles dans le portail.',
      'Contacts cités : nom, fonction, adresse e-mail et téléphone professionnels que l’organisme a indiqués.',
      'Connexions : date de la dernière connexion ; pour chaque session, l’adresse IP, le navigateur et les dates ; pour chaque tentative de connexion, l’adresse e-mail saisie et l’adresse IP.',
      'Ce que vous écrivez ou déposez : fiches, commentaires, messages, propositions, avis, votes, tickets de support, fichiers joints, avec votre nom et la date.',
      'Votre profil de développeur, si vous le remplissez : présentation, compétences, disponibilité.',
      'Vos abonnements, vos notifications et vos préférences d’e-mail.',
      'Le journal d’audit : l’action, sa date, son auteur, son organisme, et ce qui a changé.',
    ],
    noSensitive:
      'Le portail ne contient pas de données de santé ni de données sur les assurés : une fiche d’application dit seulement si l’application en traite, et de quelle catégorie.',
    recipients: 'Qui les voit',
    recipientsList: [
      'Les personnes connectées au portail, selon leurs droits : la plupart des contenus sont visibles de tous les agents du réseau, avec le nom de leur auteur.',
      'Les administrateurs du portail, pour gérer les comptes et suivre le journal d’audit.',
      'La Direction déléguée des systèmes d’information de la Caisse nationale, qui héberge le portail sur l’AM Cloud.',
      'Le service d’envoi d’e-mails de l’Assurance Maladie, pour les notifications que vous avez choisi de recevoir.',
      'Quand ils sont raccordés : l’annuaire de l’Assurance Maladie (connexion unique) et la forge logicielle (GitLab, Jenkins) du réseau.',
    ],
    transfers: 'Aucune donnée n’est transférée hors de l’Union européenne, ni cédée, ni vendue.',
    retention: 'Combien de temps',
    retentionSession:
      'Une session (avec son adresse IP et son navigateur) prend fin après {{idle}} minutes sans activité, et au plus tard {{absolute}} heures après la connexion ; la purge quotidienne l’efface ensuite.',
    retentionSessionNoFigures:
      'Une session (avec son adresse IP et son navigateur) prend fin après un temps sans activité ; la purge quotidienne l’efface ensuite.',
    retentionDevices: 'Un navigateur reconnu est oublié un an après sa dernière connexion réussie.',
    retentionOther:
      'Le reste est gardé le temps fixé par la configuration du portail, puis effacé ou rendu anonyme par une purge quotidienne, tracée dans le journal d’audit (nombres seulement) :',
    retentionOtherNoFigures:
      'Le reste est gardé le temps fixé par la configuration du portail, puis effacé ou rendu anonyme par une purge quotidienne, tracée dans le journal d’audit (nombres seulement).',
    retentionDays_one: '{{label}} : {{count}} jour',
    retentionDays_other: '{{label}} : {{count}} jours',
    security: 'Comment elles sont protégées',
    securityList: [
      'Les échanges avec le portail sont chiffrés (HTTPS).',
      'Les mots de passe ne sont jamais gardés en clair : seule une empreinte (argon2) est conservée, et les jetons de session sont eux aussi gardés sous forme d’empreinte.',
      'Une session se ferme d’elle-même après un temps sans activité ; les tentatives de connexion répétées sont freinées.',
      'Chaque action est vérifiée selon les droits de la personne : ce qui n’est pas expressément permis est refusé.',
      'Chaque modification est inscrite au journal d’audit, avec son auteur et sa date.',
      'Les journaux techniques ne contiennent ni ce que vous saisissez ni vos recherches.',
      'Le portail est hébergé sur l’infrastructure de l’Assurance Maladie, et sauvegardé.',
    ],
    rights: 'Vos droits et comment les exercer',
    rightsText:
      'Vous pouvez accéder à vos données, les faire rectifier, demander leur effacement ou la limitation de leur traitement, et vous opposer à leur traitement pour des raisons tenant à votre situation particulière (articles 15 à 21 du RGPD). L’effacement peut être refusé pour ce que la mission de service public oblige à garder, comme le journal d’audit.',
    rightsExport:
      'Télécharger vos données : « Mes données personnelles » sur votre profil, une fois connecté.',
    rightsExportLink: 'Aller à mon profil',
    rightsWrite: 'Pour toute autre demande, écrivez à :',
    rightsWriteDpo:
      'Pour toute autre demande, écrivez au délégué à la protection des données (coordonnées ci-dessus).',
    rightsDelay: 'Une réponse vous est donnée dans un délai d’un mois.',
    rightsCnil:
      'Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL : en ligne sur cnil.fr, ou par courrier à la CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.',
    rightsCnilLink: 'Adresser une plainte à la CNIL (cnil.fr)',
    cookies: 'Cookies et traceurs',
    cookiesIntro:
      'Mutualis ne fait appel à aucun service tiers : ni mesure d’audience, ni publicité, ni police de caractères ou script chargé depuis un autre site. Il ne dépose que les cookies nécessaires à la connexion, listés ci-dessous. Ils sont exemptés de consentement (article 82 de la loi Informatique et Libertés) : c’est pourquoi aucun bandeau ne vous le demande.',
    cookiesCaption: 'Les cookies et le stockage du navigateur utilisés par Mutualis',
    cookieName: 'Nom',
    cookiePurpose: 'À quoi il sert',
    cookieLifetime: 'Durée',
    sessionCookie: 'Vous garde connecté : il porte le jeton de votre session.',
    sessionCookieLifetime:
      'Jusqu’à la fin de la session : {{idle}} minutes sans activité, {{absolute}} heures au plus, ou la déconnexion.',
    sessionCookieLifetimeNoFigures: 'Jusqu’à la fin de la session, ou la déconnexion.',
    deviceCookie:
      'Retient que ce navigateur s’est déjà connecté à votre compte, pour qu’il ne soit pas bloqué quand quelqu’un d’autre essaie de nombreux mots de passe. Envoyé seulement lors de la connexion.',
    deviceCookieLifetime: 'Un an',
    oidcCookie:
      'Seulement pour la connexion par l’annuaire de l’Assurance Maladie : garde les éléments de sécurité de la connexion en cours.',
    oidcCookieLifetime: 'Dix minutes ; effacé au retour de l’annuaire',
    languageStorage: 'La langue que vous avez choisie (stockage local du navigateur, pas un cookie).',
    languageStorageLifetime: 'Jusqu’à ce que vous l’effaciez',
    csrf: 'La protection contre la falsification de requêtes (CSRF) n’utilise pas de cookie : un jeton remis à la connexion reste dans la mémoire de la page et disparaît quand vous la fermez.',
    register:
      'Ce traitement est inscrit au registre des activités de traitement de l’éditeur (article 30 du RGPD).',
    loading: 'Chargement de la page…',
  },
};
