import { sql } from 'drizzle-orm';
import type { CheckCase } from './checks.evaluation-cases.ts';

/** The refusal case of the CHECK of accessibility reports (checks.test.ts): a report in a state it cannot have. */
export function accessibilityCheckCases(): CheckCase[] {
  const report = (state: string) =>
    sql`INSERT INTO accessibility_reports (page_url, description, email, source_key, state)
      VALUES ('/catalogue', 'Le bouton est illisible.', 'a@exemple.fr', 'cle', ${state})`;
  return [
    {
      constraint: 'accessibility_reports_state_check',
      refused: () => report('spam'),
      accepted: () => report('answered'),
    },
  ];
}
