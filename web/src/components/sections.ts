/** The sections of the portal, in the order of the navigation. `ready` says whether it is built yet. */
export const SECTIONS = [
  { key: 'catalogue', path: '/catalogue', ready: true },
  { key: 'projects', path: '/projets', ready: false },
  { key: 'calls', path: '/appels-a-projets', ready: false },
  { key: 'store', path: '/store', ready: false },
  { key: 'forge', path: '/forge', ready: false },
  { key: 'community', path: '/communaute', ready: false },
  { key: 'governance', path: '/gouvernance', ready: false },
] as const satisfies readonly { key: string; path: string; ready: boolean }[];

export type SectionKey = (typeof SECTIONS)[number]['key'];
