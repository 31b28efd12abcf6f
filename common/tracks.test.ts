import { describe, expect, it } from 'vitest';
import { TRACKS } from './catalog/vocabulary.ts';
import { OBLIGATIONS, PROJECT_TRACKS, recommendTrack, TRACK_DEFINITIONS } from './tracks.ts';

describe('tracks', () => {
  it('uses the catalogue codes and states every obligation in French and English', () => {
    for (const track of PROJECT_TRACKS) {
      expect(TRACKS).toContain(track);
      for (const obligation of OBLIGATIONS) {
        expect(TRACK_DEFINITIONS[track].obligations[obligation].fr.length).toBeGreaterThan(5);
        expect(TRACK_DEFINITIONS[track].obligations[obligation].en.length).toBeGreaterThan(5);
      }
    }
  });

  it('holds the rules of the letter: sponsors, forge, AM Cloud and the national information system', () => {
    const rules = (track: (typeof PROJECT_TRACKS)[number]) => TRACK_DEFINITIONS[track].rules;
    expect(PROJECT_TRACKS.filter((t) => rules(t).sponsorRequired)).toEqual([
      'labelling',
      'nationalParticipation',
    ]);
    expect(PROJECT_TRACKS.filter((t) => rules(t).forgeLinkRequired)).toEqual(['labelling', 'homologation']);
    expect(PROJECT_TRACKS.filter((t) => rules(t).mayUseAmCloudStore)).toEqual(['labelling', 'homologation']);
    expect(rules('nationalParticipation').delivers).toBe('nationalInformationSystem');
    expect(rules('homologation').declaredAtDevelopmentStart).toBe(true);
  });

  it('recommends a track from the four questions', () => {
    expect(recommendTrack({ joiningNational: true, nationalNeed: true }).track).toBe('nationalParticipation');
    expect(recommendTrack({ nationalNeed: true, otherOffices: true }).track).toBe('labelling');
    expect(recommendTrack({ nationalNeed: false, otherOffices: true }).track).toBe('homologation');
    expect(recommendTrack({ otherOffices: false, ownUseOnly: true }).track).toBe('nonStandard');
    expect(recommendTrack({}).track).toBeNull();
    expect(recommendTrack({ ownUseOnly: true }).because?.fr).toContain('hors standard');
  });
});
