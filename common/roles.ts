/** Roles a user may hold in their office. One definition, shared by the server and the web. */
export const ROLES = [
  'agent',
  'developer',
  'officeDirector',
  'referent',
  'sponsor',
  'itDirectorate',
  'operationsDirectorate',
  'nationalAccountant',
  'governanceBoard',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { fr: string; en: string }> = {
  agent: { fr: 'Agent', en: 'Agent' },
  developer: { fr: 'Développeur', en: 'Developer' },
  officeDirector: { fr: "Directeur d'organisme", en: 'Office director' },
  referent: { fr: 'Référent SK PHP', en: 'Starter-kit referent' },
  sponsor: { fr: 'Sponsor national (MOA)', en: 'National sponsor' },
  itDirectorate: { fr: 'DDSI', en: 'IT directorate (DDSI)' },
  operationsDirectorate: { fr: 'DDO', en: 'Operations directorate (DDO)' },
  nationalAccountant: { fr: 'Agent comptable national (DDFC/DC2R)', en: 'National accountant (DDFC/DC2R)' },
  governanceBoard: { fr: 'Instance de gouvernance', en: 'Governance board' },
  admin: { fr: 'Administrateur', en: 'Administrator' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
