import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClubDto } from '../../../common/schemas/clubs.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoClubs } from './seed-clubs.ts';

/** The demo clubs: GesCongés's and the production dashboard's, with members, news, meetings and wishes. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, 'demo demo demo demo');
  await seedDemoCatalogue(t.db);
  expect(await seedDemoClubs(t.db)).toEqual({ created: 2 });
}, 120_000);
afterAll(() => t.close());

describe('the demo clubs', () => {
  it('show GesCongés’s club with its members, news, meetings, and wishes open, planned and declined', async () => {
    const agent = await login(t.app, 'directeur.basrhin@mutualis.demo', 'demo demo demo demo');
    const list = (await agent.get('/api/applications?q=GesCong%C3%A9s')).json();
    const id = list.items.find((a: { code: string }) => a.code === 'GESCONGES').id as string;
    const club = (await agent.get(`/api/applications/${id}/club`)).json<ClubDto>();
    expect(club.designerOffice.code).toBe('CPAM-69');
    expect(club.members.map((m) => [m.office.code, m.contacts.map((c) => c.displayName)])).toEqual([
      // Joined in the same transaction: by office name.
      ['CPAM-13', ['Karim Benali']],
      ['CPAM-67', ['Bernard Muller']],
    ]);
    expect(club.posts).toHaveLength(2);
    expect(club.meetings.map((m) => m.minutes !== null)).toEqual([false, true]);
    // The open wish first, then the answered ones.
    expect(club.wishes[0]).toMatchObject({ state: 'open', votesFor: 2, myVote: 'for' });
    expect(
      club.wishes
        .slice(1)
        .map((w) => [w.state, w.plannedVersion, w.myVote])
        .sort(),
    ).toEqual([
      ['declined', null, null],
      ['planned', '3.2', 'for'],
    ]);
    expect(club.can).toMatchObject({ vote: true, publish: false, join: false });
  });

  it('is written once', async () => {
    expect(await seedDemoClubs(t.db)).toEqual({ created: 0 });
  });
});
