import { isRole, ROLE_LABELS } from '../../../common/roles.ts';
import { type Label, USER_REFERENCES } from './personal-data.ts';
import type { JsonRow } from './privacy.queries.ts';
import type { PersonalData } from './privacy.service.ts';

type Language = 'fr' | 'en';

/** What names a row and when things happened to it: a reference, not the row's whole content. */
const KEPT_IN_REFERENCE =
  /^(id|.+_id|target_type|state|status|result|decision|kind|value|rating|month|quarter|number|action|criterion|region|period_start|period_end|.+_at|.+_on|.+_from)$/;

function pick(row: JsonRow, table: string): JsonRow {
  const entry = USER_REFERENCES[table];
  if (!entry) return {};
  const secret = new Set(entry.secret ?? []);
  return Object.fromEntries(
    Object.entries(row).filter(
      ([key]) =>
        !secret.has(key) && (entry.detail === 'full' || key === entry.title || KEPT_IN_REFERENCE.test(key)),
    ),
  );
}

export interface PersonalDataSection {
  table: string;
  label: Label;
  items: (JsonRow & { as: Label })[];
}

/** The export as a JSON document: the account, then one section per kind of record, each row a reference. */
export function presentPersonalData(data: PersonalData) {
  const sections = new Map<string, PersonalDataSection>();
  for (const { table, column, rows } of data.records) {
    const entry = USER_REFERENCES[table];
    const reference = entry?.references[column];
    if (!entry || !reference) continue;
    const section = sections.get(table) ?? { table, label: entry.label, items: [] };
    section.items.push(...rows.map((row) => ({ as: reference.role, ...pick(row, table) })));
    sections.set(table, section);
  }
  const { account } = data;
  return {
    generatedAt: data.generatedAt.toISOString(),
    account: {
      id: account.id,
      displayName: account.displayName,
      email: account.email,
      status: account.status,
      roles: account.roles.map((role) => ({ code: role, label: isRole(role) ? ROLE_LABELS[role] : null })),
      createdAt: account.createdAt.toISOString(),
      updatedAt: account.updatedAt.toISOString(),
      lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
      passwordChangedAt: account.passwordChangedAt.toISOString(),
      erasedAt: account.erasedAt?.toISOString() ?? null,
    },
    office: account.organisation,
    signInAttempts: data.signInAttempts,
    accountEvents: data.accountEvents,
    sections: [...sections.values()],
  };
}
export type PersonalDataDocument = ReturnType<typeof presentPersonalData>;

const WORDS = {
  title: { fr: 'Mes données personnelles', en: 'My personal data' },
  intro: {
    fr: 'Ce document rassemble ce que le portail Mutualis conserve à votre sujet (RGPD, article 15). Les enregistrements auxquels vous avez pris part sont cités par référence : titre, état et dates.',
    en: 'This document gathers what the Mutualis portal keeps about you (GDPR, article 15). The records you took part in are cited by reference: title, state and dates.',
  },
  generatedAt: { fr: 'Document produit le', en: 'Produced on' },
  account: { fr: 'Compte', en: 'Account' },
  name: { fr: 'Nom', en: 'Name' },
  email: { fr: 'Adresse e-mail', en: 'E-mail address' },
  office: { fr: 'Organisme', en: 'Office' },
  roles: { fr: 'Rôles', en: 'Roles' },
  status: { fr: 'État du compte', en: 'Account status' },
  createdAt: { fr: 'Créé le', en: 'Created on' },
  lastLoginAt: { fr: 'Dernière connexion', en: 'Last sign-in' },
  passwordChangedAt: { fr: 'Mot de passe changé le', en: 'Password changed on' },
  signIns: { fr: 'Tentatives de connexion', en: 'Sign-in attempts' },
  accountEvents: { fr: 'Historique du compte', en: 'Account history' },
  as: { fr: 'À quel titre', en: 'As' },
  succeeded: { fr: 'Réussie', en: 'Succeeded' },
  failed: { fr: 'Échouée', en: 'Failed' },
  pending: { fr: 'En cours', en: 'Pending' },
  none: { fr: 'Aucune donnée.', en: 'No data.' },
  empty: {
    fr: 'Rubriques sans donnée à votre sujet',
    en: 'Sections holding nothing about you',
  },
  never: { fr: 'jamais', en: 'never' },
} satisfies Record<string, Label>;

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const cell = (value: unknown) =>
  typeof value === 'object' && value !== null ? escapeHtml(JSON.stringify(value)) : escapeHtml(value);

function table(headers: string[], rows: unknown[][]) {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The same document, to read and print: French headings, English ones when asked. */
export function renderPersonalDataHtml(doc: PersonalDataDocument, lang: Language) {
  const w = (key: keyof typeof WORDS) => WORDS[key][lang];
  const account = doc.account;
  const facts: [string, unknown][] = [
    [w('name'), account.displayName],
    [w('email'), account.email],
    [w('office'), `${doc.office.name} (${doc.office.code})`],
    [w('roles'), account.roles.map((r) => r.label?.[lang] ?? r.code).join(', ')],
    [w('status'), account.status],
    [w('createdAt'), account.createdAt],
    [w('lastLoginAt'), account.lastLoginAt ?? w('never')],
    [w('passwordChangedAt'), account.passwordChangedAt],
  ];
  const filled = doc.sections.filter((s) => s.items.length > 0);
  const empty = doc.sections.filter((s) => s.items.length === 0);
  const sections = filled.map((section) => {
    const columns = [
      ...new Set(section.items.flatMap((item) => Object.keys(item).filter((k) => k !== 'as'))),
    ];
    const rows = section.items.map((item) => [item.as[lang], ...columns.map((c) => item[c])]);
    return `<section><h2>${escapeHtml(section.label[lang])} (${section.items.length})</h2>${table([w('as'), ...columns], rows)}</section>`;
  });
  const attempt = (s: boolean | null) => (s === null ? w('pending') : s ? w('succeeded') : w('failed'));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(w('title'))} — ${escapeHtml(account.displayName)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; line-height: 1.4; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef2f7; }
</style>
</head>
<body>
<h1>${escapeHtml(w('title'))}</h1>
<p>${escapeHtml(w('intro'))}</p>
<p>${escapeHtml(w('generatedAt'))} ${escapeHtml(doc.generatedAt)}</p>
<section><h2>${escapeHtml(w('account'))}</h2>
<table><tbody>${facts.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${cell(v)}</td></tr>`).join('')}</tbody></table></section>
<section><h2>${escapeHtml(w('signIns'))} (${doc.signInAttempts.length})</h2>
${
  doc.signInAttempts.length
    ? table(
        ['attempted_at', 'ip', w('status')],
        doc.signInAttempts.map((a) => [a.attempted_at, a.ip, attempt(a.succeeded)]),
      )
    : `<p>${escapeHtml(w('none'))}</p>`
}</section>
<section><h2>${escapeHtml(w('accountEvents'))} (${doc.accountEvents.length})</h2>
${
  doc.accountEvents.length
    ? table(
        ['id', 'occurred_at', 'action'],
        doc.accountEvents.map((e) => [e.id, e.occurred_at, e.action]),
      )
    : `<p>${escapeHtml(w('none'))}</p>`
}</section>
${sections.join('\n')}
<section><h2>${escapeHtml(w('empty'))}</h2><p>${empty.map((s) => escapeHtml(s.label[lang])).join(' · ') || escapeHtml(w('none'))}</p></section>
</body>
</html>
`;
}
