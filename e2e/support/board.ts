import type { Page } from 'playwright-core';
import { settledDialog } from './browser.ts';

/**
 * The board's secretariat (the DDO) on the agenda page: plans a meeting, puts one waiting item on it,
 * holds it, records who attended and the minutes, and drafts the decision on that item (approved, the
 * form's default). The minutes are published apart (`publishMinutes`): a journey checks the page between.
 */
export async function draftBoardDecision(
  ddo: Page,
  baseUrl: string,
  meeting: { title: string; date: string; item: string; attendance: string; minutes: string },
  decision: { question: string; statement: string; rationale: string },
) {
  await ddo.goto(`${baseUrl}/instance`);
  await ddo.getByRole('heading', { level: 1, name: 'Instance de gouvernance' }).waitFor();
  await ddo.getByRole('textbox', { name: 'Intitulé' }).fill(meeting.title);
  await ddo.getByLabel('Date').fill(meeting.date);
  await ddo.getByRole('button', { name: 'Prévoir' }).click();
  await ddo.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
  await ddo.getByRole('combobox', { name: 'Point à inscrire' }).click();
  await ddo.getByRole('option', { name: meeting.item }).click();
  await ddo.getByRole('button', { name: "Inscrire à l'ordre du jour" }).click();
  await ddo.getByRole('button', { name: `Retirer : ${meeting.item}` }).waitFor();

  await ddo.getByRole('button', { name: /^Tenir la séance/ }).click();
  const holding = await settledDialog(ddo);
  await holding.getByRole('button', { name: /^Tenir la séance/ }).click();
  await holding.waitFor({ state: 'hidden' });
  await ddo.getByRole('heading', { name: `Décision sur « ${meeting.item} »` }).waitFor();
  await ddo.getByRole('textbox', { name: 'Présences' }).fill(meeting.attendance);
  await ddo.getByRole('textbox', { name: 'Compte rendu' }).fill(meeting.minutes);
  await ddo.getByRole('button', { name: 'Enregistrer' }).click();
  await ddo.getByRole('textbox', { name: 'Question' }).fill(decision.question);
  await ddo.getByRole('textbox', { name: 'Texte de la décision' }).fill(decision.statement);
  await ddo.getByRole('textbox', { name: 'Motif' }).fill(decision.rationale);
  await ddo.getByRole('button', { name: 'Rédiger la décision' }).click();
  await ddo.getByRole('heading', { name: `Projet de décision — ${meeting.item}` }).waitFor();
}

/** Publishes the minutes of the meeting shown: its decisions take effect and get their number. */
export async function publishMinutes(ddo: Page) {
  await ddo.getByRole('button', { name: /^Publier le compte rendu/ }).click();
  const dialog = await settledDialog(ddo);
  await dialog.getByRole('button', { name: /^Publier le compte rendu/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}
