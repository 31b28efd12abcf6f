import { sql } from 'drizzle-orm';
import type { CheckCase } from './checks.evaluation-cases.ts';

/**
 * The refusal cases of the CHECKs of support tickets (checks.test.ts): a ticket with one column changed
 * from a valid starter-kit ticket of the test's user, and a file of a ticket made in the same statement.
 */
export function supportCheckCases(ids: () => { userId: string; applicationId: string }): CheckCase[] {
  const ticket = (change: Record<string, string | number | null>) => {
    const v: Record<string, string | number | null> = {
      flow: 'starterKit',
      state: 'open',
      level: 1,
      region: 'bretagne',
      application_id: null,
      ...change,
    };
    return sql`INSERT INTO support_tickets (flow, subject, description, state, level, region, application_id,
        designer_organisation_id, opened_by, opener_organisation_id)
      SELECT ${v.flow}, 'Objet', 'Description', ${v.state}, ${v.level}, ${v.region}, ${v.application_id}::uuid,
        CASE WHEN ${v.application_id}::uuid IS NULL THEN NULL ELSE id END, ${ids().userId}, id
      FROM organisations WHERE code = 'CPAM-69'`;
  };
  const attachment = (kind: string) => sql`WITH t AS (${ticket({})} RETURNING id)
    INSERT INTO support_attachments (ticket_id, kind, file_name, media_type, size, sha256)
    SELECT id, ${kind}, 'a.pdf', 'application/pdf', 1, 'c' FROM t`;
  return [
    {
      constraint: 'support_tickets_flow_check',
      refused: () => ticket({ flow: 'hotline' }),
      accepted: () => ticket({ flow: 'starterKit' }),
    },
    {
      constraint: 'support_tickets_state_check',
      refused: () => ticket({ state: 'pending' }),
      accepted: () => ticket({ state: 'escalated', level: 2 }),
    },
    {
      constraint: 'support_tickets_region_check',
      refused: () => ticket({ region: 'national' }),
      accepted: () => ticket({ region: 'corse' }),
    },
    {
      constraint: 'support_tickets_level_check',
      refused: () => ticket({ level: 3 }),
      accepted: () => ticket({ level: 2 }),
    },
    {
      constraint: 'support_tickets_subject_check',
      refused: () => ticket({ flow: 'application', region: null }),
      accepted: () => ticket({ flow: 'application', region: null, application_id: ids().applicationId }),
    },
    {
      constraint: 'support_attachments_kind_check',
      refused: () => attachment('video'),
      accepted: () => attachment('screenshot'),
    },
  ];
}
