/** The strings of the accessibility statement, the multi-year plan and the reports' queue, in French. */
export const accessibilityFr = {
  accessibility: {
    footerLink: 'Accessibilité : {{status}}',
    statement: {
      title: "Déclaration d'accessibilité",
      commitment:
        "La Caisse nationale de l'Assurance Maladie s'engage à rendre ses sites internet, intranet, extranet et ses progiciels accessibles conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.",
      strategy:
        'À cette fin, elle met en œuvre la stratégie et les actions décrites dans le schéma pluriannuel de mise en accessibilité 2026–2028, qui comprend le plan d’action de l’année en cours.',
      planLink: 'Schéma pluriannuel de mise en accessibilité 2026–2028',
      scope: "Cette déclaration d'accessibilité s'applique au portail Mutualis ({{url}}).",
      statusTitle: 'État de conformité',
      status:
        "Mutualis est {{status}} avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1, en raison des non-conformités énumérées ci-dessous.",
      statusFull:
        "Mutualis est totalement conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1, sur les critères contrôlés.",
      statusPartialAudit:
        "Mutualis est partiellement conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1 : l'audit n'a contrôlé que {{checked}} des {{total}} critères, et aucune non-conformité n'y reste ; les critères non contrôlés le seront lors de l'audit complet prévu en 2027.",
      resultsTitle: 'Résultats des tests',
      results:
        "L'audit de conformité réalisé le {{date}} par {{auditor}} révèle que {{rate}} % des critères du RGAA version 4.1 contrôlés sont respectés.",
      resultsDetail:
        '{{conforming}} critères conformes, {{notConforming}} non conformes, {{notApplicable}} non applicables, sur {{total}} critères contrôlés : ceux des thématiques que les outils automatiques ne peuvent pas trancher (alternatives, titres et régions, ordre de tabulation, formulaires, tableaux, messages de statut, zoom et reflow, mouvement). Le taux est calculé comme le prévoit le RGAA : critères conformes divisés par critères applicables. Un audit complet des 106 critères est prévu en 2027.',
      detailLink:
        "Le détail de l'audit, critère par critère et page par page, est publié avec le code du portail (docs/accessibility/audit-2026.md).",
      nonAccessibleTitle: 'Contenus non accessibles',
      nonCompliantTitle: 'Non-conformités',
      nonCompliantIntro:
        'Les contenus listés ci-dessous ne sont pas accessibles pour les raisons suivantes :',
      none: 'Aucune.',
      criterion: 'Critère {{id}}',
      onPages: 'Pages : {{pages}}',
      derogationsTitle: 'Dérogations pour charge disproportionnée',
      exemptTitle: "Contenus non soumis à l'obligation d'accessibilité",
      exempt:
        "Les pièces jointes déposées par les organismes du réseau sur les fiches d'application et de projet (documents bureautiques, PDF) : contenus de tiers, ni produits ni contrôlés par la Cnam. Leurs auteurs sont invités à les publier sous une forme accessible (voir le schéma pluriannuel).",
      establishedTitle: 'Établissement de cette déclaration',
      established: 'Cette déclaration a été établie le {{date}}.',
      technologiesTitle: 'Technologies utilisées pour la réalisation du portail',
      technologies: 'HTML5, CSS, JavaScript (React), WAI-ARIA',
      environmentTitle: 'Environnement de test',
      environment:
        "Les vérifications de restitution de contenus ont été réalisées dans l'environnement suivant : {{environment}}. Les tests avec lecteurs d'écran (NVDA, VoiceOver) sont prévus lors de l'audit complet de 2027.",
      toolsTitle: "Outils pour évaluer l'accessibilité",
      pagesTitle: "Pages du portail ayant fait l'objet de la vérification de conformité",
      feedbackTitle: "Retour d'information et contact",
      feedback:
        "Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez nous le signaler avec le formulaire ci-dessous pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme. Les administrateurs du portail vous répondent à l'adresse e-mail que vous indiquez.",
      remedyTitle: 'Voies de recours',
      remedyIntro:
        "Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du portail un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services et vous n'avez pas obtenu de réponse satisfaisante.",
      remedyOptions: 'Vous pouvez :',
      remedyForm: 'Écrire un message au Défenseur des droits (formulaire en ligne)',
      remedyDelegate: 'Contacter le délégué du Défenseur des droits dans votre région',
      remedyPhone:
        'Appeler le Défenseur des droits au 09 69 39 00 00 (du lundi au vendredi de 8 h 30 à 19 h 30, prix d’un appel local)',
      remedyPost:
        'Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
      newWindow: '(nouvelle fenêtre)',
    },
    form: {
      title: 'Signaler un problème d’accessibilité',
      intro: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
      pageUrl: 'Adresse de la page concernée',
      pageUrlHint: 'Copiez l’adresse depuis la barre du navigateur, par exemple {{example}}',
      description: 'Description du problème',
      descriptionHint:
        'Ce que vous cherchiez à faire, ce qui vous en a empêché, et si possible votre navigateur et votre aide technique (lecteur d’écran, zoom…).',
      name: 'Votre nom (facultatif)',
      email: 'Votre adresse e-mail, pour recevoir la réponse',
      emailHint: 'Format attendu : prenom.nom@exemple.fr',
      emailSignedIn: 'Adresse de votre compte, modifiable.',
      errorsTitle: 'Le signalement n’a pas été envoyé',
      submit: 'Envoyer le signalement',
      sent: 'Signalement envoyé sous la référence {{reference}}. Les administrateurs du portail vous répondront à l’adresse indiquée.',
      another: 'Signaler un autre problème',
    },
    plan: {
      title: 'Schéma pluriannuel de mise en accessibilité 2026–2028',
      intro:
        "Ce schéma décrit comment la Cnam rend Mutualis accessible et le garde accessible : l'organisation retenue, puis les actions de chaque année avec leur responsable et leur échéance. Il accompagne la déclaration d'accessibilité.",
      organisationTitle: 'Organisation',
      yearTitle: 'Plan d’action {{year}}',
      action: 'Action',
      who: 'Qui',
      when: 'Quand',
      back: "Retour à la déclaration d'accessibilité",
    },
    admin: {
      nav: 'Accessibilité',
      title: "Signalements d'accessibilité",
      one: 'Signalement d’accessibilité {{reference}}',
      intro:
        'Les problèmes signalés depuis la déclaration d’accessibilité, par des personnes connectées ou non. Prenez-les en charge, répondez (la réponse part par e-mail à la personne), puis closez-les.',
      filter: 'État',
      all: 'Tous',
      empty: 'Aucun signalement dans cet état.',
      reference: 'Référence',
      page: 'Page',
      problem: 'Problème',
      from: 'Contact',
      receivedAt: 'Reçu le',
      state: 'État',
      open: 'Ouvrir le signalement {{reference}}',
      back: 'Retour à la file',
      description: 'Description',
      reporter: 'Signalé par',
      anonymous: 'Personne non connectée',
      account: 'Compte : {{name}} ({{office}})',
      answer: 'Réponse',
      answeredBy: 'Par {{name}}, le {{date}}',
      lifecycle: 'Traitement',
    },
  },
};
