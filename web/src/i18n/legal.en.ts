import type { legalFr } from './legal.fr.ts';

/** The legal notice, the personal data page and the administrator's site settings, in English. */
export const legalEn: typeof legalFr = {
  siteSettings: {
    nav: 'Site settings',
    title: 'Site settings',
    intro:
      'What the “Legal notice” and “Personal data” pages, readable without signing in, say: the publisher, the director of publication, the hosting provider and the personal data contacts.',
    saved: 'The site settings are saved: the public pages already show them.',
    conflict: 'Someone saved these settings in the meantime',
    reload: 'Reload the saved settings',
    missingTitle: 'Information the law expects',
    missing: 'To fill in as soon as possible (French digital economy law, GDPR): {{fields}}.',
  },
  legalNotice: {
    title: 'Legal notice',
    intro:
      'Mutualis is the collaborative portal of the local applications of the Assurance Maladie network: declaring, sharing, certifying and hosting the applications the local offices build.',
    publisher: 'Publisher',
    identification: 'Identification: {{value}}',
    director: 'Director of publication',
    host: 'Hosting',
    phone: 'Phone: {{value}}',
    property: 'Intellectual property and reuse',
    propertyContent:
      'The content of the portal (application sheets, projects, calls for projects, documents, good-practice referential) is produced by the national fund and the offices of the network for their own needs. Reproducing or reusing it outside the Assurance Maladie network requires the prior agreement of the publisher.',
    propertyFiles:
      'A document put on the portal remains the responsibility of the office that put it there. The code of a shared application may be reused under the licence given on its sheet.',
    propertyMarks:
      'The name and logo of the Assurance Maladie are protected trademarks: using them requires the agreement of the publisher.',
    more: 'Further information',
    accessibility: 'Accessibility statement',
    personalData: 'Personal data and cookies',
    loading: 'Loading the legal notice…',
  },
  personalData: {
    title: 'Personal data',
    intro:
      'Mutualis processes personal data of the people who use it and of those its pages name. This page says which data, why, who sees it, how long it is kept and how to exercise your rights.',
    controller: 'Data controller',
    controllerText: 'The data controller is the publisher of the portal:',
    dpo: 'Data protection officer',
    purposes: 'What your data is used for',
    purposeList: [
      'Managing accounts and access to the portal: sign-in, roles, office, security of sign-ins.',
      'Letting the offices work together: declaring and sharing applications, projects, calls for projects, acceptance testing, Store requests, support, user clubs, the developer community and the referential.',
      'Telling you about what concerns you: notifications in the portal and by e-mail, as you choose.',
      'Keeping a record of who did what (audit trail), for the security of the portal and the review of decisions.',
      'Producing statistics on the activity of the network, which name nobody.',
    ],
    legalBasis: 'Legal basis',
    legalBasisText:
      'This processing is necessary for a task carried out in the public interest vested in the Caisse nationale de l’Assurance Maladie (GDPR article 6(1)(e)): organising the information system of its network, to which the local applications programme belongs (network letter LR-DDO-36-2018). It does not rest on your consent, and nothing is used for commercial or advertising purposes.',
    data: 'Which data, about whom',
    people: 'The people concerned:',
    peopleList: [
      'the staff of the offices of the network (CPAM, CGSS, DRSM, CARSAT, UGECAM…) and of the national directorates of the national fund who have an account;',
      'people named without an account: contacts of an application or a project, contributors to a project, signatories of an agreement, attendees of a governance board meeting.',
    ],
    dataList: [
      'Identity and office: name, work e-mail address, office, roles in the portal.',
      'Contacts named: name, position, work e-mail address and phone as the office gave them.',
      'Sign-ins: date of the last sign-in; for each session, the IP address, the browser and the dates; for each sign-in attempt, the e-mail address typed and the IP address.',
      'What you write or upload: sheets, comments, messages, proposals, reviews, votes, support tickets, attached files, with your name and the date.',
      'Your developer profile, if you fill it in: headline, skills, availability.',
      'Your follows, your notifications and your e-mail preferences.',
      'The audit trail: the action, its date, its author, their office, and what changed.',
    ],
    noSensitive:
      'The portal holds no health data and no data about insured people: an application sheet only says whether the application processes such data, and of which category.',
    recipients: 'Who sees it',
    recipientsList: [
      'The people signed in to the portal, according to their rights: most content is visible to every staff member of the network, with the name of its author.',
      'The administrators of the portal, to manage accounts and follow the audit trail.',
      'The IT directorate (DDSI) of the national fund, which hosts the portal on AM Cloud.',
      'The e-mail service of the Assurance Maladie, for the notifications you chose to receive.',
      'When they are connected: the Assurance Maladie directory (single sign-on) and the software forge (GitLab, Jenkins) of the network.',
    ],
    transfers: 'No data is transferred outside the European Union, given away or sold.',
    retention: 'How long',
    retentionSession:
      'A session (with its IP address and browser) ends after {{idle}} minutes without activity, and at the latest {{absolute}} hours after signing in; the daily purge then deletes it.',
    retentionSessionNoFigures:
      'A session (with its IP address and browser) ends after a time without activity; the daily purge then deletes it.',
    retentionDevices: 'A known browser is forgotten one year after its last successful sign-in.',
    retentionOther:
      'The rest is kept for the time the portal’s configuration sets, then deleted or made anonymous by a daily purge, recorded in the audit trail (counts only):',
    retentionOtherNoFigures:
      'The rest is kept for the time the portal’s configuration sets, then deleted or made anonymous by a daily purge, recorded in the audit trail (counts only).',
    retentionDays_one: '{{label}}: {{count}} day',
    retentionDays_other: '{{label}}: {{count}} days',
    security: 'How it is protected',
    securityList: [
      'Exchanges with the portal are encrypted (HTTPS).',
      'Passwords are never kept in clear: only a hash (argon2) is stored, and session tokens are stored as hashes too.',
      'A session closes by itself after a time without activity; repeated sign-in attempts are slowed down.',
      'Every action is checked against the person’s rights: what is not expressly allowed is refused.',
      'Every change is written to the audit trail, with its author and date.',
      'The technical logs hold neither what you type nor your searches.',
      'The portal is hosted on the infrastructure of the Assurance Maladie, and backed up.',
    ],
    rights: 'Your rights and how to exercise them',
    rightsText:
      'You may access your data, have it corrected, ask for its erasure or the restriction of its processing, and object to its processing on grounds relating to your particular situation (GDPR articles 15 to 21). Erasure may be refused for what the public-service mission requires to keep, such as the audit trail.',
    rightsExport: 'Download your data: “My personal data” on your profile, once signed in.',
    rightsExportLink: 'Go to my profile',
    rightsWrite: 'For any other request, write to:',
    rightsWriteDpo: 'For any other request, write to the data protection officer (contact above).',
    rightsDelay: 'You will get an answer within one month.',
    rightsCnil:
      'If you consider that your rights are not respected, you may lodge a complaint with the CNIL (the French data protection authority): online on cnil.fr, or by post to CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.',
    rightsCnilLink: 'Lodge a complaint with the CNIL (cnil.fr)',
    cookies: 'Cookies and trackers',
    cookiesIntro:
      'Mutualis calls on no third-party service: no audience measurement, no advertising, no font or script loaded from another site. It only sets the cookies that signing in needs, listed below. They are exempt from consent (article 82 of the French Data Protection Act): that is why no banner asks you for it.',
    cookiesCaption: 'The cookies and browser storage Mutualis uses',
    cookieName: 'Name',
    cookiePurpose: 'What it is for',
    cookieLifetime: 'Lifetime',
    sessionCookie: 'Keeps you signed in: it carries the token of your session.',
    sessionCookieLifetime:
      'Until the session ends: {{idle}} minutes without activity, {{absolute}} hours at most, or signing out.',
    sessionCookieLifetimeNoFigures: 'Until the session ends, or signing out.',
    deviceCookie:
      'Remembers that this browser has signed in to your account before, so that it is not blocked when someone else tries many passwords. Only sent when signing in.',
    deviceCookieLifetime: 'One year',
    oidcCookie:
      'Only when signing in through the Assurance Maladie directory: keeps the security elements of the sign-in in progress.',
    oidcCookieLifetime: 'Ten minutes; deleted when the directory sends you back',
    languageStorage: 'The language you chose (the browser’s local storage, not a cookie).',
    languageStorageLifetime: 'Until you clear it',
    csrf: 'The protection against cross-site request forgery (CSRF) uses no cookie: a token given at sign-in stays in the page’s memory and is gone when you close it.',
    register:
      'This processing is entered in the publisher’s record of processing activities (GDPR article 30).',
    loading: 'Loading the page…',
  },
};
