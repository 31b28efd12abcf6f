import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClubDto, ClubWishDto } from '../../../common/schemas/clubs.ts';
import { auditEvents, clubWishVotes } from '../../db/schema.ts';
import { createSheet } from '../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  organisationId,
  signUp,
  type TestContext,
} from '../../test/harness.ts';

let t: TestContext;
/** The designer office (CPAM du Rhône) and its developer, animating the club. */
let designer: Agent;
let designerOffice: string;
beforeAll(async () => {
  t = await createTestContext();
  designerOffice = await organisationId(t.db, 'CPAM-69');
  designer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' })).agent;
});
afterAll(() => t.close());

/** A fresh application of the designer office: its club, empty. */
async function freshClub(name = 'Gestion des congés') {
  const admin = (await signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).agent;
  return (await createSheet(admin, designerOffice, { name })).id;
}

async function person(roles: Parameters<typeof signUp>[1]['roles'], organisationCode: string) {
  return signUp(t, { roles, organisationCode });
}

async function join(agent: Agent, clubId: string) {
  const response = await agent.request('PUT', `/api/applications/${clubId}/club/membership`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ClubDto>();
}

async function wishIn(agent: Agent, clubId: string) {
  const response = await agent.post(`/api/applications/${clubId}/club/wishes`, {
    title: 'Exporter les soldes en CSV',
    description: 'Un export des soldes de congés par agent, au format CSV, pour la paie.',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ClubWishDto>();
}

const vote = (agent: Agent, wishId: string, value: 'for' | 'against') =>
  agent.request('PUT', `/api/club-wishes/${wishId}/vote`, { value });

describe('membership', () => {
  it('lets an office join (whoever joins becomes a contact) and leave, and the designer take a member out', async () => {
    const clubId = await freshClub();
    const agent = await person(['agent'], 'CPAM-13');
    const colleague = await person(['developer'], 'CPAM-13');
    await join(agent.agent, clubId);
    const club = await join(colleague.agent, clubId);
    expect(club.members).toHaveLength(1);
    expect(club.members[0]?.office.code).toBe('CPAM-13');
    expect(club.members[0]?.contacts.map((c) => c.id).sort()).toEqual(
      [agent.user.id, colleague.user.id].sort(),
    );
    expect(club.membership).toEqual({ member: true, contact: true });

    const other = await person(['agent'], 'CPAM-33');
    await join(other.agent, clubId);
    // Another member cannot take an office out; the designer office can.
    const refused = await other.agent.request(
      'DELETE',
      `/api/applications/${clubId}/club/members/${agent.user.organisationId}`,
    );
    expect(refused.statusCode).toBe(403);
    const removed = await designer.request(
      'DELETE',
      `/api/applications/${clubId}/club/members/${agent.user.organisationId}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<ClubDto>().members.map((m) => m.office.code)).toEqual(['CPAM-33']);
    const left = await other.agent.request(
      'DELETE',
      `/api/applications/${clubId}/club/members/${other.user.organisationId}`,
    );
    expect(left.statusCode).toBe(200);
    expect(left.json<ClubDto>().members).toEqual([]);
  });

  it('does not let the designer office join its own club', async () => {
    const clubId = await freshClub();
    const response = await designer.request('PUT', `/api/applications/${clubId}/club/membership`);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('news and meetings', () => {
  it('are the designer office’s: another office cannot post news nor schedule a meeting', async () => {
    const clubId = await freshClub();
    const member = await person(['developer'], 'CPAM-13');
    await join(member.agent, clubId);
    const post = { title: 'Version 2.4 disponible', body: '## Nouveautés\n\n- export **CSV**' };
    const refused = await member.agent.post(`/api/applications/${clubId}/club/posts`, post);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/organisme concepteur/);
    const meeting = { title: 'Club de printemps', heldOn: '2026-04-14', agenda: '1. Feuille de route' };
    expect((await member.agent.post(`/api/applications/${clubId}/club/meetings`, meeting)).statusCode).toBe(
      403,
    );

    const published = await designer.post(`/api/applications/${clubId}/club/posts`, post);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().html).toContain('<strong>CSV</strong>');
    const scheduled = await designer.post(`/api/applications/${clubId}/club/meetings`, meeting);
    expect(scheduled.statusCode, scheduled.body).toBe(201);

    // The minutes, at the version read; a stale version is a 409.
    const { id, version } = scheduled.json();
    const minutes = await designer.patch(`/api/club-meetings/${id}`, {
      minutes: 'Décidé : export CSV.',
      version,
    });
    expect(minutes.statusCode, minutes.body).toBe(200);
    expect(minutes.json().minutesHtml).toContain('export CSV');
    const stale = await designer.patch(`/api/club-meetings/${id}`, { minutes: 'Autre.', version });
    expect(stale.statusCode).toBe(409);
    expect(
      (await member.agent.patch(`/api/club-meetings/${id}`, { minutes: 'Décidé.', version: 2 })).statusCode,
    ).toBe(403);

    // The member's contact hears of both.
    const heard = (await member.agent.get('/api/notifications')).json().items as {
      kind: string;
      target: { id: string };
      link: string;
    }[];
    const ofClub = heard.filter((n) => n.target.id === clubId);
    expect(ofClub.map((n) => n.kind).sort()).toEqual(['club.meetingScheduled', 'club.postPublished']);
    expect(ofClub[0]?.link).toBe(`/catalogue/${clubId}/club`);
  });

  it('refuses a post without a title, in French, naming the field', async () => {
    const clubId = await freshClub();
    const response = await designer.post(`/api/applications/${clubId}/club/posts`, { body: 'Un texte.' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'title' })]);
  });
});

describe('wishes and votes', () => {
  it('are for members only: a non-member office cannot vote', async () => {
    const clubId = await freshClub();
    const member = await person(['agent'], 'CPAM-13');
    await join(member.agent, clubId);
    const wish = await wishIn(member.agent, clubId);
    const outsider = await person(['agent'], 'CPAM-33');
    const refused = await vote(outsider.agent, wish.id, 'for');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/membres du club/);
    // Nor write a wish before joining; the designer office writes wishes but does not vote.
    const notMember = await outsider.agent.post(`/api/applications/${clubId}/club/wishes`, {
      title: 'Une idée',
      description: 'Une idée d’un organisme qui n’est pas membre du club.',
    });
    expect(notMember.statusCode).toBe(403);
    expect((await vote(designer, wish.id, 'for')).statusCode).toBe(403);
  });

  it('counts one vote per office, whoever of the office votes, and lets it change', async () => {
    const clubId = await freshClub();
    const first = await person(['agent'], 'CPAM-13');
    const second = await person(['developer'], 'CPAM-13');
    const otherOffice = await person(['officeDirector'], 'CPAM-33');
    await join(first.agent, clubId);
    await join(otherOffice.agent, clubId);
    const wish = await wishIn(first.agent, clubId);

    // Two people of one office at the same moment: one vote.
    const [a, b] = await Promise.all([vote(first.agent, wish.id, 'for'), vote(second.agent, wish.id, 'for')]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const votes = await t.db
      .select()
      .from(clubWishVotes)
      .where(
        and(eq(clubWishVotes.wishId, wish.id), eq(clubWishVotes.organisationId, first.user.organisationId)),
      );
    expect(votes).toHaveLength(1);
    const other = await vote(otherOffice.agent, wish.id, 'for');
    expect(other.json<ClubWishDto>()).toMatchObject({ votesFor: 2, votesAgainst: 0, myVote: 'for' });

    // The office changes its vote through someone else of it; then withdraws it.
    const changed = await vote(second.agent, wish.id, 'against');
    expect(changed.json<ClubWishDto>()).toMatchObject({ votesFor: 1, votesAgainst: 1, myVote: 'against' });
    const withdrawn = await second.agent.request('DELETE', `/api/club-wishes/${wish.id}/vote`);
    expect(withdrawn.json<ClubWishDto>()).toMatchObject({ votesFor: 1, votesAgainst: 0, myVote: null });
  });

  it('is answered by the designer office only — planned for a version or declined with a reason', async () => {
    const clubId = await freshClub();
    const member = await person(['developer', 'officeDirector'], 'CPAM-13');
    await join(member.agent, clubId);
    const wish = await wishIn(member.agent, clubId);
    const plan = { action: 'plan', version: wish.version, input: { plannedVersion: '2.5' } };

    const refused = await member.agent.post(`/api/club-wishes/${wish.id}/transitions`, plan);
    expect(refused.statusCode).toBe(403);
    const missing = await designer.post(`/api/club-wishes/${wish.id}/transitions`, {
      action: 'decline',
      version: wish.version,
      input: {},
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('input.reason');

    const planned = await designer.post(`/api/club-wishes/${wish.id}/transitions`, plan);
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json<ClubWishDto>()).toMatchObject({ state: 'planned', plannedVersion: '2.5' });
    // Votes are closed once answered; the author hears of the answer.
    expect((await vote(member.agent, wish.id, 'for')).statusCode).toBe(409);
    const heard = (await member.agent.get('/api/notifications')).json().items as {
      kind: string;
      text: { fr: string };
    }[];
    expect(heard.find((n) => n.kind === 'clubWish.answered')?.text.fr).toMatch(/prévue en version 2\.5/);
    const [audit] = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, wish.id), eq(auditEvents.action, 'clubWish.plan')));
    expect(audit?.action).toBe('clubWish.plan');

    const second = await wishIn(member.agent, clubId);
    const declined = await designer.post(`/api/club-wishes/${second.id}/transitions`, {
      action: 'decline',
      version: second.version,
      input: { reason: 'Hors du périmètre national.' },
    });
    expect(declined.json<ClubWishDto>()).toMatchObject({
      state: 'declined',
      declineReason: 'Hors du périmètre national.',
    });
    const club = (await member.agent.get(`/api/applications/${clubId}/club`)).json<ClubDto>();
    expect(club.wishes.map((w) => w.state).sort()).toEqual(['declined', 'planned']);
  });
});
