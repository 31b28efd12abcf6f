import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      demo: true,
      demoPassword: 'mutualis-demo',
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      trustProxy: false,
      embeddedSharedBuffers: '16MB',
      searchResultsKept: 64,
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['MUTUALIS_DEMO', 'oui'],
    ['MUTUALIS_DEMO_PASSWORD', 'court'],
    ['MUTUALIS_PUBLIC_URL', 'localhost:3000'],
    ['MUTUALIS_LOG_LEVEL', 'bavard'],
    ['MUTUALIS_SEARCH_RESULTS_KEPT', '-1'],
    ['MUTUALIS_SEARCH_RESULTS_KEPT', 'beaucoup'],
    ['MUTUALIS_SESSION_IDLE_MINUTES', '0'],
    ['MUTUALIS_TRUST_PROXY', 'oui'],
    ['MUTUALIS_EMBEDDED_SHARED_BUFFERS', '128 Mo'],
  ])('stops on a bad %s with a French and English message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).toContain('Configuration invalide / invalid configuration');
    }
  });

  it('reads a PostgreSQL URL, a public https URL and demo off', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/mutualis',
      MUTUALIS_PUBLIC_URL: 'https://mutualis.example.fr/',
      MUTUALIS_DEMO: 'false',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/mutualis',
      publicUrl: 'https://mutualis.example.fr',
      demo: false,
    });
  });
});

describe('GitLab settings', () => {
  it('leaves GitLab unconfigured by default, and reads its address, a token from a file and the template', async () => {
    expect(loadConfig({}).gitlab).toBeNull();
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/mutualis-token-`)}/gitlab-token`;
    writeFileSync(file, 'glpat-secret\n');
    expect(
      loadConfig({
        MUTUALIS_GITLAB_URL: 'https://forge.example.fr/',
        MUTUALIS_GITLAB_TOKEN_FILE: file,
        MUTUALIS_GITLAB_TEMPLATE_PROJECT_ID: '42',
      }).gitlab,
    ).toEqual({
      url: 'https://forge.example.fr',
      token: 'glpat-secret',
      templateProjectId: 42,
      templateGroupId: null,
      rootGroup: 'reseau',
    });
  });

  it('stops the start with a message naming what is missing or unreadable', () => {
    expect(() => loadConfig({ MUTUALIS_GITLAB_URL: 'https://forge.example.fr' })).toThrow(
      /MUTUALIS_GITLAB_URL demande MUTUALIS_GITLAB_TOKEN/,
    );
    expect(() =>
      loadConfig({
        MUTUALIS_GITLAB_URL: 'https://forge.example.fr',
        MUTUALIS_GITLAB_TOKEN_FILE: '/nonexistent/token',
        MUTUALIS_GITLAB_TEMPLATE_PROJECT_ID: '42',
      }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ MUTUALIS_GITLAB_URL: 'forge.example.fr' })).toThrow(
      /MUTUALIS_GITLAB_URL doit être une URL/,
    );
  });
});

describe('Jenkins settings', () => {
  it('leaves Jenkins unconfigured by default, reads its address, user and token, and names what is missing', () => {
    expect(loadConfig({}).jenkins).toBeNull();
    expect(
      loadConfig({
        MUTUALIS_JENKINS_URL: 'https://usine.example.fr/',
        MUTUALIS_JENKINS_USER: 'mutualis',
        MUTUALIS_JENKINS_TOKEN: 'api-token',
      }).jenkins,
    ).toEqual({ url: 'https://usine.example.fr', user: 'mutualis', token: 'api-token' });
    expect(() => loadConfig({ MUTUALIS_JENKINS_URL: 'https://usine.example.fr' })).toThrow(
      /MUTUALIS_JENKINS_URL demande MUTUALIS_JENKINS_USER/,
    );
  });
});

describe('retention periods', () => {
  it('has one documented default per category, in days, and reads each variable', () => {
    expect(loadConfig({}).retention).toEqual({
      signInEvents: 180,
      sessions: 1,
      auditDetails: 365,
      readNotifications: 90,
      notifications: 365,
      deactivatedAccounts: 365,
    });
    expect(
      loadConfig({
        MUTUALIS_RETENTION_SIGN_IN_DAYS: '365',
        MUTUALIS_RETENTION_SESSIONS_DAYS: '7',
        MUTUALIS_RETENTION_AUDIT_DETAILS_DAYS: '730',
        MUTUALIS_RETENTION_READ_NOTIFICATIONS_DAYS: '30',
        MUTUALIS_RETENTION_NOTIFICATIONS_DAYS: '180',
        MUTUALIS_RETENTION_DEACTIVATED_ACCOUNTS_DAYS: '90',
      }).retention,
    ).toEqual({
      signInEvents: 365,
      sessions: 7,
      auditDetails: 730,
      readNotifications: 30,
      notifications: 180,
      deactivatedAccounts: 90,
    });
  });

  it.each([
    ['MUTUALIS_RETENTION_SIGN_IN_DAYS', 'six mois'],
    ['MUTUALIS_RETENTION_SESSIONS_DAYS', '0'],
    ['MUTUALIS_RETENTION_AUDIT_DETAILS_DAYS', '-1'],
    ['MUTUALIS_RETENTION_NOTIFICATIONS_DAYS', '4000'],
    ['MUTUALIS_RETENTION_DEACTIVATED_ACCOUNTS_DAYS', '1.5'],
  ])('stops on a bad %s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} doit`));
  });

  it('refuses read notifications kept longer than all notifications', () => {
    expect(() =>
      loadConfig({
        MUTUALIS_RETENTION_READ_NOTIFICATIONS_DAYS: '400',
        MUTUALIS_RETENTION_NOTIFICATIONS_DAYS: '365',
      }),
    ).toThrow(/MUTUALIS_RETENTION_READ_NOTIFICATIONS_DAYS ne peut dépasser/);
  });
});
