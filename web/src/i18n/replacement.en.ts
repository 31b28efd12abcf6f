import type { replacementFr } from './replacement.fr.ts';

/** A sheet retired in favour of a shared application, in English: the same keys as the French ones. */
export const replacementEn: typeof replacementFr = {
  replacement: {
    retiredInFavour: 'Retired on {{date}} in favour of',
    retiredInFavourTitle: 'Application retired in favour of a shared application',
    replaces_one: 'This application replaced {{count}} other',
    replaces_other: 'This application replaced {{count}} others',
    replacesItem: 'retired on {{date}}',
    action: 'Retire in favour of a shared application',
    title: 'Retire “{{name}}” in favour of a shared application',
    intro:
      'The application will move to the “Retired” stage and its sheet will point to the application chosen, which will list it. The retirement is written to the audit log and counted among the redundancies resolved.',
    choose: 'Shared application replacing it',
    chooseHelp: 'Type two letters of its name or identifier.',
    none: 'No application in service matches.',
    missing: 'Choose the application replacing it.',
    next: 'Continue',
    confirmTitle: 'Confirm the retirement',
    confirm:
      '“{{name}}” will be retired in favour of “{{replacement}}”. This choice cannot be changed afterwards.',
    back: 'Back to the choice',
    submit: 'Confirm the retirement',
    done: '“{{name}}” is retired in favour of “{{replacement}}”.',
  },
};
