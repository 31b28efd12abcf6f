import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from './search-params.ts';

describe('addresses of the web app', () => {
  it('write a list as the same key repeated, as the API reads it, and nothing for empty values', () => {
    expect(
      stringifySearch({ q: 'congés', track: ['labelling', 'homologation'], page: 2, sort: undefined }),
    ).toBe('?q=cong%C3%A9s&track=labelling&track=homologation&page=2');
    expect(stringifySearch({ track: [], q: undefined })).toBe('');
  });

  it('read back what they wrote: one value as text, several as a list', () => {
    expect(parseSearch('?q=cong%C3%A9s&track=labelling&track=homologation&page=2')).toEqual({
      q: 'congés',
      track: ['labelling', 'homologation'],
      page: '2',
    });
    expect(parseSearch('organisation=CPAM-69')).toEqual({ organisation: 'CPAM-69' });
  });

  it('still read the JSON addresses written before, lists and quoted text alike', () => {
    expect(parseSearch(`?track=${encodeURIComponent('["labelling","homologation"]')}`)).toEqual({
      track: ['labelling', 'homologation'],
    });
    expect(parseSearch(`?q=${encodeURIComponent('"congés"')}&page=2`)).toEqual({ q: 'congés', page: '2' });
    // Text that only looks like JSON stays text.
    expect(parseSearch(`?q=${encodeURIComponent('[brouillon')}`)).toEqual({ q: '[brouillon' });
  });
});
