/**
 * Where the portal holds data about a person (RGPD art. 15 and 17), by SQL table and column: the one
 * register the export and the erasure both read. `personal-data.test.ts` compares it with the schema:
 * a new column that refers to `users`, or whose name says it holds a name, an e-mail or a phone number,
 * fails the test until it is declared here.
 */

export interface Label {
  fr: string;
  en: string;
}

/** A column holding a user's id: the export lists the rows, the erasure keeps them or deletes them. */
export interface UserReference {
  /** What the person is to the row ("auteur", "demandeur"…). */
  role: Label;
  /** `keep`: the row stays as it is (the account it points to is pseudonymised); `delete`: it goes. */
  erase: 'keep' | 'delete';
}

export interface PersonalTable {
  label: Label;
  /** The column that names the row in the export (a title, a subject…). */
  title?: string;
  /** `full`: the export gives every column (the person's own settings); `reference`: key, title, state, dates. */
  detail: 'full' | 'reference';
  /** Columns never exported (secrets, tokens). */
  secret?: string[];
  references: Record<string, UserReference>;
}

const role = (fr: string, en: string): Label => ({ fr, en });
const keep = (fr: string, en: string): UserReference => ({ role: role(fr, en), erase: 'keep' });
const erased = (fr: string, en: string): UserReference => ({ role: role(fr, en), erase: 'delete' });
const author = keep('auteur', 'author');
const creator = keep('créé par', 'created by');
const uploader = keep('déposé par', 'uploaded by');

/** Every table with a column referring to `users.id` (the account itself aside). */
export const USER_REFERENCES: Record<string, PersonalTable> = {
  sessions: {
    label: role('Sessions ouvertes', 'Open sessions'),
    detail: 'full',
    secret: ['id', 'csrf_token'],
    references: { user_id: erased('titulaire', 'holder') },
  },
  known_devices: {
    label: role('Navigateurs reconnus', 'Known browsers'),
    detail: 'full',
    secret: ['id'],
    references: { user_id: erased('titulaire', 'holder') },
  },
  developer_profiles: {
    label: role('Profil de développeur', 'Developer profile'),
    detail: 'full',
    references: { user_id: erased('titulaire', 'holder') },
  },
  notification_preferences: {
    label: role('Préférences de notification', 'Notification preferences'),
    detail: 'full',
    references: { user_id: erased('titulaire', 'holder') },
  },
  follows: {
    label: role('Abonnements', 'Follows'),
    detail: 'full',
    references: { user_id: erased('abonné', 'follower') },
  },
  notification_mutes: {
    label: role('Notifications mises en sourdine', 'Muted notifications'),
    detail: 'full',
    references: { user_id: erased('titulaire', 'holder') },
  },
  notifications: {
    label: role('Notifications', 'Notifications'),
    title: 'target_label',
    detail: 'full',
    references: { user_id: keep('destinataire', 'recipient'), actor_id: keep('auteur', 'actor') },
  },
  audit_events: {
    label: role("Journal d'audit", 'Audit trail'),
    title: 'action',
    detail: 'reference',
    references: { actor_user_id: keep('auteur', 'actor') },
  },
  applications: {
    label: role("Fiches d'application", 'Application sheets'),
    title: 'name',
    detail: 'reference',
    references: { created_by: creator, updated_by: keep('modifié par', 'last edited by') },
  },
  application_usages: {
    label: role('Usages déclarés', 'Declared usages'),
    detail: 'reference',
    references: { declared_by: keep('déclaré par', 'declared by') },
  },
  application_attachments: {
    label: role('Pièces jointes des fiches', 'Application attachments'),
    title: 'file_name',
    detail: 'reference',
    references: { uploaded_by: uploader },
  },
  projects: {
    label: role('Projets', 'Projects'),
    title: 'title',
    detail: 'reference',
    references: {
      created_by: creator,
      acceptance_override_by: keep('dérogation à la recette accordée par', 'acceptance waiver granted by'),
    },
  },
  project_contributions: {
    label: role('Contributions aux projets', 'Project contributions'),
    title: 'person_name',
    detail: 'reference',
    references: { created_by: keep('saisi par', 'entered by') },
  },
  project_comments: {
    label: role('Commentaires de projets', 'Project comments'),
    detail: 'reference',
    references: { author_id: author },
  },
  project_attachments: {
    label: role('Pièces jointes des projets', 'Project attachments'),
    title: 'file_name',
    detail: 'reference',
    references: { uploaded_by: uploader },
  },
  sponsorship_requests: {
    label: role('Demandes de parrainage', 'Sponsorship requests'),
    detail: 'reference',
    references: { requested_by: keep('demandeur', 'requester'), decided_by: keep('décideur', 'decided by') },
  },
  project_offers: {
    label: role('Offres de participation', 'Participation offers'),
    detail: 'reference',
    references: { offered_by: keep('proposé par', 'offered by'), decided_by: keep('décideur', 'decided by') },
  },
  capacity_declarations: {
    label: role('Déclarations de capacité', 'Capacity declarations'),
    title: 'quarter',
    detail: 'reference',
    references: { declared_by: keep('déclaré par', 'declared by') },
  },
  calls: {
    label: role('Appels à projets', 'Calls for projects'),
    title: 'title',
    detail: 'reference',
    references: { created_by: creator },
  },
  call_questions: {
    label: role('Questions sur les appels', 'Questions on calls'),
    detail: 'reference',
    references: { asked_by: keep('posée par', 'asked by'), answered_by: keep('répondue par', 'answered by') },
  },
  call_attachments: {
    label: role('Pièces jointes des appels', 'Call attachments'),
    title: 'file_name',
    detail: 'reference',
    references: { uploaded_by: uploader },
  },
  call_proposals: {
    label: role('Candidatures aux appels', 'Proposals'),
    title: 'title',
    detail: 'reference',
    references: { created_by: creator },
  },
  proposal_partners: {
    label: role('Partenariats de candidature', 'Proposal partners'),
    detail: 'reference',
    references: { confirmed_by: keep('confirmé par', 'confirmed by') },
  },
  call_evaluators: {
    label: role('Évaluateurs des appels', 'Call evaluators'),
    detail: 'reference',
    references: { user_id: keep('évaluateur', 'evaluator'), named_by: keep('nommé par', 'appointed by') },
  },
  proposal_scores: {
    label: role('Notes des candidatures', 'Proposal scores'),
    title: 'criterion',
    detail: 'reference',
    references: { evaluator_id: keep('évaluateur', 'evaluator') },
  },
  call_selections: {
    label: role('Sélections des appels', 'Call selections'),
    detail: 'reference',
    references: {
      proposed_by: keep('proposée par', 'proposed by'),
      applied_by: keep('appliquée par', 'applied by'),
    },
  },
  evaluation_grid_versions: {
    label: role("Versions des grilles d'évaluation", 'Evaluation grid versions'),
    detail: 'reference',
    references: { created_by: creator },
  },
  evaluations: {
    label: role('Évaluations', 'Evaluations'),
    detail: 'reference',
    references: { created_by: creator },
  },
  evaluation_answers: {
    label: role("Réponses d'évaluation", 'Evaluation answers'),
    title: 'requirement_code',
    detail: 'reference',
    references: {
      answered_by: keep('répondu par', 'answered by'),
      reviewed_by: keep('relu par', 'reviewed by'),
    },
  },
  evaluation_evidence_files: {
    label: role("Preuves d'évaluation", 'Evaluation evidence'),
    title: 'file_name',
    detail: 'reference',
    references: { uploaded_by: uploader },
  },
  acceptance_campaigns: {
    label: role('Campagnes de recette', 'Acceptance campaigns'),
    title: 'title',
    detail: 'reference',
    references: { created_by: creator },
  },
  acceptance_campaign_testers: {
    label: role('Testeurs des campagnes', 'Campaign testers'),
    detail: 'reference',
    references: { user_id: keep('testeur', 'tester') },
  },
  acceptance_executions: {
    label: role('Exécutions de tests', 'Test executions'),
    detail: 'reference',
    references: { tester_id: keep('testeur', 'tester') },
  },
  acceptance_execution_files: {
    label: role("Preuves d'exécution", 'Execution evidence'),
    title: 'file_name',
    detail: 'reference',
    references: { uploaded_by: uploader },
  },
  acceptance_anomalies: {
    label: role('Anomalies de recette', 'Acceptance anomalies'),
    title: 'title',
    detail: 'reference',
    references: { raised_by: keep('signalée par', 'raised by') },
  },
  accessibility_reports: {
    label: role("Signalements d'accessibilité", 'Accessibility reports'),
    title: 'page_url',
    detail: 'reference',
    references: {
      reporter_id: keep('signalé par', 'reported by'),
      answered_by: keep('répondu par', 'answered by'),
    },
  },
  site_settings: {
    label: role('Paramètres du site', 'Site settings'),
    detail: 'reference',
    references: { updated_by: keep('modifiés par', 'changed by') },
  },
  acceptance_reports: {
    label: role('Procès-verbaux de recette', 'Acceptance reports'),
    title: 'number',
    detail: 'reference',
    references: { signed_by: keep('signataire', 'signatory') },
  },
  board_meetings: {
    label: role('Séances du comité', 'Board meetings'),
    title: 'title',
    detail: 'reference',
    references: { created_by: creator },
  },
  board_items: {
    label: role("Points à l'ordre du jour", 'Agenda items'),
    title: 'title',
    detail: 'reference',
    references: { submitted_by: keep('soumis par', 'submitted by') },
  },
  board_decisions: {
    label: role('Décisions du comité', 'Board decisions'),
    title: 'question',
    detail: 'reference',
    references: { created_by: creator },
  },
  club_members: {
    label: role('Adhésions aux clubs', 'Club memberships'),
    detail: 'reference',
    references: { joined_by: keep('inscrit par', 'joined by') },
  },
  club_contacts: {
    label: role('Contacts des clubs', 'Club contacts'),
    detail: 'reference',
    references: { user_id: keep('contact', 'contact') },
  },
  club_posts: {
    label: role('Messages des clubs', 'Club posts'),
    title: 'title',
    detail: 'reference',
    references: { author_id: author },
  },
  club_meetings: {
    label: role('Réunions des clubs', 'Club meetings'),
    title: 'title',
    detail: 'reference',
    references: { created_by: creator },
  },
  club_wishes: {
    label: role("Souhaits d'évolution", 'Feature wishes'),
    title: 'title',
    detail: 'reference',
    references: { author_id: author },
  },
  club_wish_votes: {
    label: role('Votes sur les souhaits', 'Votes on wishes'),
    detail: 'reference',
    references: { user_id: keep('votant', 'voter') },
  },
  regional_referents: {
    label: role('Référents régionaux', 'Regional referents'),
    title: 'region',
    detail: 'reference',
    references: { named_by: keep('nommé par', 'appointed by') },
  },
  referent_applications: {
    label: role('Candidatures de référent', 'Referent applications'),
    title: 'region',
    detail: 'reference',
    references: { applied_by: keep('candidat', 'applicant') },
  },
  training_sessions: {
    label: role('Sessions de formation', 'Training sessions'),
    title: 'title',
    detail: 'reference',
    references: { created_by: creator },
  },
  training_registrations: {
    label: role('Inscriptions aux formations', 'Training registrations'),
    detail: 'reference',
    references: {
      developer_user_id: keep('stagiaire', 'trainee'),
      requested_by: keep('demandée par', 'requested by'),
    },
  },
  effort_entries: {
    label: role("Saisies d'effort", 'Effort entries'),
    title: 'month',
    detail: 'reference',
    references: { recorded_by: keep('saisi par', 'recorded by') },
  },
  effort_confirmations: {
    label: role("Confirmations d'effort", 'Effort confirmations'),
    title: 'month',
    detail: 'reference',
    references: { confirmed_by: keep('confirmé par', 'confirmed by') },
  },
  daily_rate_tables: {
    label: role('Barèmes journaliers', 'Daily rate tables'),
    title: 'number',
    detail: 'reference',
    references: { published_by: keep('publié par', 'published by') },
  },
  agreements: {
    label: role('Conventions', 'Agreements'),
    title: 'title',
    detail: 'reference',
    references: { created_by: creator },
  },
  agreement_texts: {
    label: role('Textes des conventions', 'Agreement texts'),
    title: 'number',
    detail: 'reference',
    references: { author_id: author },
  },
  agreement_comments: {
    label: role('Commentaires des conventions', 'Agreement comments'),
    detail: 'reference',
    references: { author_id: author },
  },
  agreement_statements: {
    label: role('Relevés des conventions', 'Agreement statements'),
    detail: 'reference',
    references: { computed_by: keep('calculé par', 'computed by') },
  },
  referential_versions: {
    label: role('Versions du référentiel', 'Guideline versions'),
    title: 'title',
    detail: 'reference',
    references: { author_id: author, accepted_by: keep('acceptée par', 'accepted by') },
  },
  referential_proposals: {
    label: role('Propositions au référentiel', 'Guideline proposals'),
    title: 'title',
    detail: 'reference',
    references: { author_id: author },
  },
  referential_votes: {
    label: role('Votes sur le référentiel', 'Guideline votes'),
    detail: 'reference',
    references: { user_id: keep('votant', 'voter') },
  },
  store_reviews: {
    label: role('Avis du Store', 'Store reviews'),
    detail: 'reference',
    references: { author_id: author },
  },
  deployment_requests: {
    label: role('Demandes de déploiement', 'Deployment requests'),
    title: 'reference',
    detail: 'reference',
    references: { requested_by: keep('demandeur', 'requester') },
  },
  support_tickets: {
    label: role("Demandes d'assistance", 'Support tickets'),
    title: 'subject',
    detail: 'reference',
    references: {
      opened_by: keep('ouverte par', 'opened by'),
      assignee_id: keep('prise en charge par', 'assigned to'),
    },
  },
  support_messages: {
    label: role("Messages d'assistance", 'Support messages'),
    detail: 'reference',
    references: { author_id: author },
  },
  support_attachments: {
    label: role("Pièces jointes d'assistance", 'Support attachments'),
    title: 'file_name',
    detail: 'reference',
    references: { uploaded_by: uploader },
  },
};

/**
 * Columns where the person's name or e-mail may be written out (snapshots, denormalised names, what
 * they wrote): the erasure replaces them by the pseudonym, wherever they appear in these columns, and
 * changes nothing else. Text, text[] and jsonb columns.
 */
export const NAME_BEARING_COLUMNS: Record<string, string[]> = {
  users: ['email', 'display_name'],
  audit_events: ['before', 'after', 'details'],
  notifications: ['target_label', 'params'],
  outbox_messages: ['payload'],
  // keywords: the words a sheet is found by, its maintainer's name among them (applications.service.ts).
  applications: ['maintainer', 'support', 'keywords'],
  project_contacts: ['name', 'email'],
  project_contributions: ['person_name'],
  acceptance_reports: ['signer_name'],
  agreements: ['office_signatory', 'ddo_signatory'],
  board_meetings: ['attendance'],
  project_comments: ['body'],
  support_messages: ['body'],
  club_posts: ['body'],
  agreement_comments: ['body'],
  referential_votes: ['comment'],
  proposal_scores: ['comment'],
  accessibility_reports: ['reporter_name', 'email', 'description', 'answer'],
};

/** Contact cards that carry a phone number: nulled when the card's e-mail is the person's. */
export const CONTACT_PHONES = {
  /** Tables with `email` and `phone` columns. */
  columns: [{ table: 'project_contacts', email: 'email', phone: 'phone' }],
  /** jsonb `{ name, email, phone }` columns. */
  documents: [
    { table: 'applications', column: 'maintainer' },
    { table: 'applications', column: 'support' },
  ],
} as const;

/** Columns whose name sounds personal but which hold none of a person's data, and why. */
export const NOT_PERSONAL_COLUMNS: Record<string, string> = {
  'organisations.name': "an office's name",
  'applications.name': "an application's name",
  'applications.sort_name': "an application's name, folded for sorting",
  'site_settings.publisher_name': "the publishing body's name (the Cnam)",
  'site_settings.host_name': "the hosting provider's name",
  'site_settings.host_phone': "the hosting provider's switchboard",
  'site_settings.data_requests_email': 'the mailbox of a service (personal-data requests)',
  'server_secrets.name': "a key's purpose",
  'notifications.email_cadence': 'a code (immediately, daily, weekly, never)',
  'capacity_declarations.person_days': 'a quantity',
  'effort_entries.person_days': 'a quantity',
  'project_offers.person_days': 'a quantity',
  'application_attachments.file_name': "a document's name, part of the record",
  'project_attachments.file_name': "a document's name, part of the record",
  'call_attachments.file_name': "a document's name, part of the record",
  'evaluation_evidence_files.file_name': "a document's name, part of the record",
  'acceptance_execution_files.file_name': "a document's name, part of the record",
  'support_attachments.file_name': "a document's name, part of the record",
};

/** A pattern for column names that may hold a person's name, e-mail or phone number. */
export const PERSONAL_COLUMN_NAME =
  /(^|_)(e?mail|email_key|phone|name|signatory|signer|person|attendance|ip|user_agent|maintainer|support)($|_)/;

/** Rows without a user foreign key that still belong to the person: their sign-in attempts, by e-mail. */
export const SIGN_IN_ATTEMPTS = { table: 'login_attempts', emailKey: 'email_key' } as const;

/**
 * What triggers derive from a change of `applications` (the catalogue's change log and version counter,
 * which tell the search index and its readers to read again): an erasure that rewrites a maintainer adds
 * to them.
 */
export const DERIVED_TABLES = ['catalogue_changes', 'catalogue_state'] as const;
