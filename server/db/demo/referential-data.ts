import type { ReferentialCategory } from '../../../common/referential/vocabulary.ts';

/**
 * The demonstration referential: fifteen pages of the network's good practices, some revised (each
 * revision a replacement in the text, with its summary), and the proposals still open with their votes.
 */
export interface DemoReferentialPage {
  category: ReferentialCategory;
  title: string;
  body: string;
  revisions: { find: string; replace: string; summary: string }[];
}

const page = (rule: string, example: string, why: string) =>
  `## Règle\n\n${rule}\n\n## Exemple\n\n${example}\n\n## Pourquoi\n\n${why}\n`;

export const DEMO_REFERENTIAL: DemoReferentialPage[] = [
  {
    category: 'psram',
    title: 'Nommage des classes et des espaces de noms',
    body: page(
      'Les classes sont nommées en PascalCase ; les espaces de noms suivent `Cnam\\<Organisme>\\<Application>`.',
      '`Cnam\\Cpam67\\Conges\\DemandeDeConge`',
      'Un nommage commun permet à un développeur d’un autre organisme de reprendre le code sans guide.',
    ),
    revisions: [
      {
        find: 'Les classes sont nommées en PascalCase ;',
        replace: 'Les classes sont nommées en PascalCase, sans abréviation ;',
        summary: 'Abréviations proscrites dans les noms de classes.',
      },
    ],
  },
  {
    category: 'psram',
    title: 'Niveaux de conformité PSRAM',
    body: page(
      'Chaque application déclare son niveau PSRAM (1 à 3) sur sa fiche ; le niveau 2 est exigé pour la labellisation.',
      'Niveau 2 : règles PHP_CodeSniffer `cnam/psram-rules` sans erreur, PHPStan niveau 6.',
      'Le niveau déclaré guide l’évaluation et la reprise par un autre organisme.',
    ),
    revisions: [
      {
        find: 'PHPStan niveau 6.',
        replace: 'PHPStan niveau 6, couverture des tests au moins 60 %.',
        summary: 'Couverture de tests minimale au niveau 2.',
      },
      {
        find: 'le niveau 2 est exigé pour la labellisation.',
        replace: 'le niveau 2 est exigé pour la labellisation, le niveau 3 pour l’homologation.',
        summary: 'Niveau 3 exigé pour l’homologation.',
      },
    ],
  },
  {
    category: 'psram',
    title: 'Gestion des erreurs et des exceptions',
    body: page(
      'Une exception métier hérite de `Cnam\\SkPhp\\Exception\\MetierException` ; aucune exception n’est ignorée silencieusement.',
      '`throw new DroitsInsuffisants($agent, $dossier);`',
      'Les erreurs se lisent dans les journaux de l’usine logicielle et de l’exploitation.',
    ),
    revisions: [],
  },
  {
    category: 'psram',
    title: 'Revue de code et fusion',
    body: page(
      'Toute fusion sur la branche principale passe par une demande de fusion relue par un autre développeur.',
      'Une demande de fusion porte le numéro du ticket GitLab dans son titre.',
      'La relecture croisée diffuse la connaissance du code entre organismes.',
    ),
    revisions: [],
  },
  {
    category: 'starterKit',
    title: 'Démarrer un projet avec le starter kit',
    body: page(
      'Tout nouveau projet est créé depuis le modèle SK PHP sur la Forge, depuis la page du projet sur Mutualis.',
      '« Créer le projet sur la Forge » renseigne l’adresse GitLab et ajoute l’équipe.',
      'Le socle commun (authentification, journalisation, gabarits) n’est pas réécrit par chaque organisme.',
    ),
    revisions: [
      {
        find: 'depuis la page du projet sur Mutualis.',
        replace:
          'depuis la page du projet sur Mutualis ; la version du starter kit est celle du dépôt Composer.',
        summary: 'Version du starter kit prise sur le dépôt Composer.',
      },
    ],
  },
  {
    category: 'starterKit',
    title: 'Monter de version du starter kit',
    body: page(
      'Une application reste à au plus une version mineure de retard sur `cnam/sk-php`.',
      '`composer require cnam/sk-php:^3.2` puis le guide de migration de la version.',
      'Les correctifs de sécurité ne sont publiés que sur les deux dernières versions mineures.',
    ),
    revisions: [],
  },
  {
    category: 'starterKit',
    title: 'Authentification des agents',
    body: page(
      'L’authentification passe par le module SSO du starter kit, jamais par un formulaire propre à l’application.',
      '`$this->sso->agentConnecte()` donne l’agent et ses habilitations.',
      'Un seul point d’entrée sécurisé et audité pour tout le réseau.',
    ),
    revisions: [],
  },
  {
    category: 'security',
    title: 'Mots de passe et secrets',
    body: page(
      'Aucun secret dans le dépôt : les mots de passe et jetons sont lus dans des fichiers montés ou des variables d’environnement.',
      '`DATABASE_PASSWORD_FILE=/run/secrets/db`',
      'Un dépôt GitLab est lu par toute la communauté.',
    ),
    revisions: [
      {
        find: 'ou des variables d’environnement.',
        replace: 'ou des variables d’environnement ; un secret exposé est renouvelé le jour même.',
        summary: 'Renouvellement immédiat d’un secret exposé.',
      },
    ],
  },
  {
    category: 'security',
    title: 'Dépendances et vulnérabilités',
    body: page(
      'L’usine logicielle exécute `composer audit` à chaque build ; une vulnérabilité critique bloque la livraison.',
      'Le job Jenkins « audit » échoue sur une vulnérabilité de sévérité élevée.',
      'Les applications mutualisées sont déployées dans tout le réseau.',
    ),
    revisions: [],
  },
  {
    category: 'cnil',
    title: 'Journalisation des accès aux données de santé',
    body: page(
      'Tout accès à une donnée de santé est journalisé (agent, dossier, date, motif) et conservé six mois.',
      '`$this->journal->acces($agent, $dossier, Motif::INSTRUCTION);`',
      'Exigence de la CNIL pour les traitements de données de santé.',
    ),
    revisions: [],
  },
  {
    category: 'cnil',
    title: 'Analyse d’impact (AIPD)',
    body: page(
      'Une application traitant des données de santé joint son analyse d’impact à sa fiche avant l’homologation.',
      'Modèle d’AIPD de la DDSI, validé par le délégué à la protection des données.',
      'Le RGPD l’impose pour les traitements à risque élevé.',
    ),
    revisions: [],
  },
  {
    category: 'hosting',
    title: 'Hébergement sur AM Cloud',
    body: page(
      'Les applications homologuées sont hébergées sur AM Cloud ; les autres peuvent l’être sur le serveur de l’organisme.',
      'Une demande de mise à disposition depuis le Store crée l’instance AM Cloud.',
      'Un hébergement commun simplifie l’exploitation et la sauvegarde.',
    ),
    revisions: [],
  },
  {
    category: 'hosting',
    title: 'Sauvegardes et restauration',
    body: page(
      'Les données sont sauvegardées chaque nuit ; une restauration est testée chaque trimestre.',
      'Procédure de restauration décrite dans le wiki GitLab du projet.',
      'Une sauvegarde jamais restaurée n’est pas une sauvegarde.',
    ),
    revisions: [],
  },
  {
    category: 'acceptance',
    title: 'Méthode de recette',
    body: page(
      'La recette suit un cahier de tests importé dans la campagne ; chaque anomalie bloquante est corrigée avant le procès-verbal.',
      'Campagne de recette Mutualis : cas de test, exécutions, anomalies, procès-verbal signé.',
      'Le procès-verbal engage l’organisme qui reprend l’application.',
    ),
    revisions: [
      {
        find: 'importé dans la campagne ;',
        replace: 'importé dans la campagne, joué par au moins deux testeurs ;',
        summary: 'Deux testeurs au moins par campagne.',
      },
    ],
  },
  {
    category: 'acceptance',
    title: 'Jeux de données de recette',
    body: page(
      'Les jeux de données de recette sont anonymisés ; aucune donnée réelle d’assuré n’est utilisée.',
      'Générateur de données fictives du starter kit : `bin/console sk:fixtures`.',
      'Les environnements de recette sont moins protégés que la production.',
    ),
    revisions: [],
  },
];

/** Open proposals: on a page (a replacement in its current text) or of a new page, with their votes. */
export const DEMO_PROPOSALS: {
  pageTitle: string | null;
  category: ReferentialCategory;
  title: string;
  find?: string;
  replace?: string;
  body?: string;
  rationale: string;
  votes: { email: string; value: 'up' | 'down'; comment: string }[];
}[] = [
  {
    pageTitle: 'Nommage des classes et des espaces de noms',
    category: 'psram',
    title: 'Nommage des classes et des espaces de noms',
    find: '## Pourquoi',
    replace:
      '## Tests\n\nLes classes de test portent le nom de la classe testée suivi de `Test`.\n\n## Pourquoi',
    rationale: 'Les classes de test sont nommées différemment d’un organisme à l’autre.',
    votes: [
      { email: 'dev.marseille@mutualis.demo', value: 'up', comment: 'Oui, c’est déjà notre pratique.' },
      { email: 'agent.rhone@mutualis.demo', value: 'up', comment: '' },
    ],
  },
  {
    pageTitle: 'Monter de version du starter kit',
    category: 'starterKit',
    title: 'Monter de version du starter kit',
    find: 'au plus une version mineure de retard',
    replace: 'au plus deux versions mineures de retard',
    rationale: 'Une version mineure par trimestre est difficile à suivre pour les petits organismes.',
    votes: [
      { email: 'dev.marseille@mutualis.demo', value: 'up', comment: 'Indispensable pour nous.' },
      {
        email: 'dev.basrhin@mutualis.demo',
        value: 'down',
        comment: 'Les correctifs de sécurité ne suivraient plus.',
      },
    ],
  },
  {
    pageTitle: null,
    category: 'security',
    title: 'Sécurité des API exposées',
    body: '## Règle\n\nToute API exposée hors de l’organisme est authentifiée par jeton et limitée en débit.\n\n## Pourquoi\n\nLes API mutualisées sont appelées par tout le réseau.\n',
    rationale: 'Plusieurs applications exposent désormais des API : il manque une règle commune.',
    votes: [{ email: 'directeur.rhone@mutualis.demo', value: 'up', comment: '' }],
  },
];
