import type { accessibilityFr } from './accessibility.fr.ts';

/** The strings of the accessibility statement, the multi-year plan and the reports' queue, in English. */
export const accessibilityEn: typeof accessibilityFr = {
  accessibility: {
    footerLink: 'Accessibility: {{status}}',
    statement: {
      title: 'Accessibility statement',
      commitment:
        'The Caisse nationale de l’Assurance Maladie (Cnam) is committed to making its websites, intranets, extranets and software accessible in accordance with article 47 of French law no. 2005-102 of 11 February 2005.',
      strategy:
        'To this end, it carries out the strategy and the actions described in the 2026–2028 multi-year accessibility plan, which includes the action plan of the current year.',
      planLink: '2026–2028 multi-year accessibility plan',
      scope: 'This accessibility statement applies to the Mutualis portal ({{url}}).',
      statusTitle: 'Compliance status',
      status:
        'Mutualis is {{status}} with the French accessibility framework (RGAA), version 4.1, because of the non-compliances listed below.',
      statusFull:
        'Mutualis is fully compliant with the French accessibility framework (RGAA), version 4.1, on the criteria checked.',
      statusPartialAudit:
        'Mutualis is partially compliant with the French accessibility framework (RGAA), version 4.1: the audit checked only {{checked}} of the {{total}} criteria, and no non-compliance remains among them; the other criteria will be checked in the full audit planned for 2027.',
      resultsTitle: 'Test results',
      results:
        'The compliance audit carried out on {{date}} by {{auditor}} shows that {{rate}} % of the RGAA 4.1 criteria checked are met.',
      resultsDetail:
        '{{conforming}} criteria compliant, {{notConforming}} non-compliant, {{notApplicable}} not applicable, out of {{total}} criteria checked: those of the themes automated tools cannot decide (alternatives, headings and landmarks, tab order, forms, tables, status messages, zoom and reflow, motion). The rate is computed as the RGAA prescribes: compliant criteria over applicable criteria. A full audit of the 106 criteria is planned for 2027.',
      detailLink:
        'The audit in detail, criterion by criterion and page by page, is published with the portal’s code (docs/accessibility/audit-2026.md).',
      nonAccessibleTitle: 'Non-accessible content',
      nonCompliantTitle: 'Non-compliances',
      nonCompliantIntro: 'The content listed below is not accessible for the following reasons:',
      none: 'None.',
      criterion: 'Criterion {{id}}',
      onPages: 'Pages: {{pages}}',
      derogationsTitle: 'Exemptions for disproportionate burden',
      exemptTitle: 'Content not subject to the accessibility obligation',
      exempt:
        'Attachments uploaded by the network’s offices on application and project pages (office documents, PDF): third-party content, neither produced nor controlled by the Cnam. Their authors are asked to publish them in an accessible form (see the multi-year plan).',
      establishedTitle: 'How this statement was established',
      established: 'This statement was established on {{date}}.',
      technologiesTitle: 'Technologies used to build the portal',
      technologies: 'HTML5, CSS, JavaScript (React), WAI-ARIA',
      environmentTitle: 'Test environment',
      environment:
        'Content rendering was checked in the following environment: {{environment}}. Tests with screen readers (NVDA, VoiceOver) are planned in the full audit of 2027.',
      toolsTitle: 'Tools used to assess accessibility',
      pagesTitle: 'Pages of the portal checked for compliance',
      feedbackTitle: 'Feedback and contact',
      feedback:
        'If you cannot access some content or a service, report it with the form below to be directed to an accessible alternative or to get the content in another form. The portal’s administrators answer you at the e-mail address you give.',
      remedyTitle: 'Remedies',
      remedyIntro:
        'Use this procedure in the following case: you reported to the portal’s manager an accessibility problem that prevents you from accessing some content or service and you did not get a satisfactory answer.',
      remedyOptions: 'You can:',
      remedyForm: 'Write to the Défenseur des droits (online form, in French)',
      remedyDelegate: 'Contact the Défenseur des droits’ delegate in your region (in French)',
      remedyPhone:
        'Call the Défenseur des droits on +33 9 69 39 00 00 (Monday to Friday, 8.30 am to 7.30 pm)',
      remedyPost:
        'Send a letter by post (free of charge, no stamp needed): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France',
      newWindow: '(new window)',
    },
    form: {
      title: 'Report an accessibility problem',
      intro: 'Fields marked with an asterisk (*) are required.',
      pageUrl: 'Address of the page concerned',
      pageUrlHint: 'Copy the address from the browser’s bar, for example {{example}}',
      description: 'Description of the problem',
      descriptionHint:
        'What you were trying to do, what stopped you, and if you can your browser and assistive technology (screen reader, zoom…).',
      name: 'Your name (optional)',
      email: 'Your e-mail address, to receive the answer',
      emailHint: 'Expected format: firstname.lastname@example.fr',
      emailSignedIn: 'Your account’s address; you may change it.',
      errorsTitle: 'The report was not sent',
      submit: 'Send the report',
      sent: 'Report sent with the reference {{reference}}. The portal’s administrators will answer you at the address given.',
      another: 'Report another problem',
    },
    plan: {
      title: '2026–2028 multi-year accessibility plan',
      intro:
        'This plan describes how the Cnam makes Mutualis accessible and keeps it so: the organisation, then each year’s actions with who carries them and when. It goes with the accessibility statement.',
      organisationTitle: 'Organisation',
      yearTitle: '{{year}} action plan',
      action: 'Action',
      who: 'Who',
      when: 'When',
      back: 'Back to the accessibility statement',
    },
    admin: {
      nav: 'Accessibility',
      title: 'Accessibility reports',
      one: 'Accessibility report {{reference}}',
      intro:
        'The problems reported from the accessibility statement, by people signed in or not. Take them in hand, answer (the answer is e-mailed to the person), then close them.',
      filter: 'State',
      all: 'All',
      empty: 'No report in this state.',
      reference: 'Reference',
      page: 'Page',
      problem: 'Problem',
      from: 'Contact',
      receivedAt: 'Received on',
      state: 'State',
      open: 'Open the report {{reference}}',
      back: 'Back to the queue',
      description: 'Description',
      reporter: 'Reported by',
      anonymous: 'Person not signed in',
      account: 'Account: {{name}} ({{office}})',
      answer: 'Answer',
      answeredBy: 'By {{name}}, on {{date}}',
      lifecycle: 'Handling',
    },
  },
};
