import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RetentionPeriods } from '../common/retention.ts';
import { type OidcSettings, oidcEnvironmentSchema, oidcSettings } from './config-oidc.ts';
import { retentionEnvironmentSchema, retentionSettings } from './config-retention.ts';
import { ConfigError, readSecret } from './config-secrets.ts';
import { SEARCH_RESULTS_KEPT } from './modules/catalog/search/search.results.ts';

/** Typed configuration read from the environment once, at start. A bad value stops the start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The embedded database's buffer cache. */
  embeddedSharedBuffers: string;
  demo: boolean;
  demoPassword: string;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Behind a reverse proxy: trust X-Forwarded-For from these hops, so login throttling sees the real address. */
  trustProxy: boolean | number;
  webDir: string;
  /** Searches whose results each process keeps per version of its catalogue index (0: none). */
  searchResultsKept: number;
  /** The national accountant's signing key (PKCS #8 PEM) and certificate (PEM, then its chain). */
  signingKeyFile: string;
  signingCertFile: string;
  /** SMTP server of outgoing e-mail (smtp:// or smtps://); none: e-mails go to the log. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The AM Cloud provisioning interface (none: the built-in simulator), its token and its webhook secret. */
  amCloudUrl: string | undefined;
  amCloudToken: string | undefined;
  amCloudWebhookSecret: string | undefined;
  /** How long a call to the platform may take before it counts as failed (and is retried). */
  amCloudTimeoutMs: number;
  /** The simulator makes a tenant live after this delay. */
  amCloudSimulatorDelayMs: number;
  /** `GET /metrics` asks for this bearer token when set (else it answers anyone who reaches it). */
  metricsToken: string | undefined;
  /** Single sign-on with the network's OpenID provider; null: not configured. */
  oidc: OidcSettings | null;
  /** false: password sign-in is refused, but for the break-glass administrator. */
  localLogin: boolean;
  breakGlassAdminEmail: string | undefined;
  /** Live streams: a comment line this often keeps proxies from closing them, and their sessions are checked. */
  streamHeartbeatSeconds: number;
  /** The forge (GitLab REST v4); null: not configured, the portal says so where it would use it. */
  gitlab: GitLabSettings | null;
  /** The software factory (Jenkins JSON API); null: not configured. */
  jenkins: JenkinsSettings | null;
  /** The Composer repository (Artifactory or Satis); null: not configured. */
  composer: ComposerSettings | null;
  /** Days each category of personal data is kept before the daily purge removes or blanks it. */
  retention: RetentionPeriods;
}

export interface ComposerSettings {
  /** The repository's address, where its packages.json is. */
  url: string;
  /** A bearer token, or the password of `user` (HTTP basic); none for a public Satis. */
  token: string | null;
  user: string | null;
  /** The vendors the portal lists (cnam, sk-php…); empty: every package of the repository. */
  vendors: string[];
}

export interface JenkinsSettings {
  url: string;
  user: string;
  token: string;
}

export interface GitLabSettings {
  /** The instance's address, without /api/v4. */
  url: string;
  token: string;
  /** The starter-kit (SK PHP) template project new projects are created from. */
  templateProjectId: number;
  /** The group that holds the template, when it is a group-level template (sent as group_with_project_templates_id). */
  templateGroupId: number | null;
  /** The group under which each office has its subgroup (its code in lower case): the developers' group. */
  rootGroup: string;
}

/**
 * PostgreSQL's 128 MB default cache, inside PGlite's WebAssembly memory, is resident memory of the Node
 * process and never given back; 16 MB holds the catalogue's hot pages, and the files below it stay in
 * the system's page cache (figures in bench/README.md).
 */
export const EMBEDDED_SHARED_BUFFERS = '16MB';

const booleanText = (name: string) =>
  z.enum(['true', 'false', '1', '0'], {
    error: `${name} doit valoir true ou false / ${name} must be true or false`,
  });

const integerText = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} doit être un entier / ${name} must be an integer` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      error: `${name} doit être compris entre ${min} et ${max} / ${name} must be between ${min} and ${max}`,
    });

const environmentSchema = z
  .object({
    PORT: integerText('PORT', 1, 65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        error:
          'DATABASE_URL doit commencer par postgres:// ou postgresql:// / DATABASE_URL must start with postgres:// or postgresql://',
      })
      .optional(),
    MUTUALIS_DATA_DIR: z.string().min(1).default('./data'),
    MUTUALIS_EMBEDDED_SHARED_BUFFERS: z
      .string()
      .regex(/^\d+(kB|MB|GB)$/, {
        error:
          'MUTUALIS_EMBEDDED_SHARED_BUFFERS doit être une taille comme 16MB / MUTUALIS_EMBEDDED_SHARED_BUFFERS must be a size such as 16MB',
      })
      .default(EMBEDDED_SHARED_BUFFERS),
    MUTUALIS_DEMO: booleanText('MUTUALIS_DEMO').default('true'),
    MUTUALIS_DEMO_PASSWORD: z
      .string()
      .min(12, {
        error:
          'MUTUALIS_DEMO_PASSWORD doit compter au moins 12 caractères / MUTUALIS_DEMO_PASSWORD must be at least 12 characters',
      })
      .default('mutualis-demo'),
    MUTUALIS_PUBLIC_URL: z
      .url({
        error: 'MUTUALIS_PUBLIC_URL doit être une URL http(s) / MUTUALIS_PUBLIC_URL must be an http(s) URL',
      })
      .refine((u) => /^https?:\/\//.test(u), {
        error: 'MUTUALIS_PUBLIC_URL doit être une URL http(s) / MUTUALIS_PUBLIC_URL must be an http(s) URL',
      })
      .optional(),
    MUTUALIS_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error:
          'MUTUALIS_LOG_LEVEL doit valoir fatal, error, warn, info, debug, trace ou silent / MUTUALIS_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    MUTUALIS_SESSION_IDLE_MINUTES: integerText('MUTUALIS_SESSION_IDLE_MINUTES', 1, 24 * 60).default(30),
    MUTUALIS_SESSION_ABSOLUTE_HOURS: integerText('MUTUALIS_SESSION_ABSOLUTE_HOURS', 1, 24 * 7).default(12),
    MUTUALIS_SEARCH_RESULTS_KEPT: integerText('MUTUALIS_SEARCH_RESULTS_KEPT', 0, 10000).default(
      SEARCH_RESULTS_KEPT,
    ),
    MUTUALIS_TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d{1,2})$/, {
        error:
          'MUTUALIS_TRUST_PROXY doit valoir false, true ou un nombre de proxys / MUTUALIS_TRUST_PROXY must be false, true or a number of proxies',
      })
      .default('false'),
    MUTUALIS_SIGNING_KEY_FILE: z.string().min(1).optional(),
    MUTUALIS_SIGNING_CERT_FILE: z.string().min(1).optional(),
    MUTUALIS_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, {
        error:
          'MUTUALIS_SMTP_URL doit commencer par smtp:// ou smtps:// / MUTUALIS_SMTP_URL must start with smtp:// or smtps://',
      })
      .optional(),
    MUTUALIS_MAIL_FROM: z
      .string()
      .regex(/^[^\r\n]{3,200}$/, {
        error:
          'MUTUALIS_MAIL_FROM doit être une adresse e-mail / MUTUALIS_MAIL_FROM must be an e-mail address',
      })
      .default('Mutualis <ne-pas-repondre@mutualis.localhost>'),
    MUTUALIS_AM_CLOUD_URL: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, {
        error:
          'MUTUALIS_AM_CLOUD_URL doit commencer par http:// ou https:// / MUTUALIS_AM_CLOUD_URL must start with http:// or https://',
      })
      .optional(),
    MUTUALIS_AM_CLOUD_TOKEN: z.string().min(1).optional(),
    MUTUALIS_METRICS_TOKEN: z.string().min(1).optional(),
    MUTUALIS_METRICS_TOKEN_FILE: z.string().min(1).optional(),
    MUTUALIS_AM_CLOUD_WEBHOOK_SECRET: z
      .string()
      .min(16, {
        error:
          'MUTUALIS_AM_CLOUD_WEBHOOK_SECRET doit compter 16 caractères au moins / MUTUALIS_AM_CLOUD_WEBHOOK_SECRET must be at least 16 characters',
      })
      .optional(),
    MUTUALIS_AM_CLOUD_TIMEOUT_MS: integerText('MUTUALIS_AM_CLOUD_TIMEOUT_MS', 100, 120_000).default(10_000),
    MUTUALIS_AM_CLOUD_SIMULATOR_DELAY_MS: integerText(
      'MUTUALIS_AM_CLOUD_SIMULATOR_DELAY_MS',
      0,
      3_600_000,
    ).default(5_000),
    MUTUALIS_STREAM_HEARTBEAT_SECONDS: integerText('MUTUALIS_STREAM_HEARTBEAT_SECONDS', 1, 300).default(25),
    MUTUALIS_GITLAB_URL: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, {
        error: 'MUTUALIS_GITLAB_URL doit être une URL http(s) / MUTUALIS_GITLAB_URL must be an http(s) URL',
      })
      .optional(),
    MUTUALIS_GITLAB_TOKEN: z.string().min(1).optional(),
    MUTUALIS_GITLAB_TOKEN_FILE: z.string().min(1).optional(),
    MUTUALIS_GITLAB_TEMPLATE_PROJECT_ID: integerText(
      'MUTUALIS_GITLAB_TEMPLATE_PROJECT_ID',
      1,
      2 ** 31 - 1,
    ).optional(),
    MUTUALIS_GITLAB_TEMPLATE_GROUP_ID: integerText(
      'MUTUALIS_GITLAB_TEMPLATE_GROUP_ID',
      1,
      2 ** 31 - 1,
    ).optional(),
    MUTUALIS_GITLAB_GROUP: z
      .string()
      .regex(/^[\w.-]+(\/[\w.-]+)*$/, {
        error:
          'MUTUALIS_GITLAB_GROUP doit être le chemin d’un groupe / MUTUALIS_GITLAB_GROUP must be a group path',
      })
      .default('reseau'),
    MUTUALIS_JENKINS_URL: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, {
        error: 'MUTUALIS_JENKINS_URL doit être une URL http(s) / MUTUALIS_JENKINS_URL must be an http(s) URL',
      })
      .optional(),
    MUTUALIS_JENKINS_USER: z.string().min(1).optional(),
    MUTUALIS_JENKINS_TOKEN: z.string().min(1).optional(),
    MUTUALIS_JENKINS_TOKEN_FILE: z.string().min(1).optional(),
    MUTUALIS_COMPOSER_URL: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, {
        error:
          'MUTUALIS_COMPOSER_URL doit être une URL http(s) / MUTUALIS_COMPOSER_URL must be an http(s) URL',
      })
      .optional(),
    MUTUALIS_COMPOSER_USER: z.string().min(1).optional(),
    MUTUALIS_COMPOSER_TOKEN: z.string().min(1).optional(),
    MUTUALIS_COMPOSER_TOKEN_FILE: z.string().min(1).optional(),
    MUTUALIS_COMPOSER_VENDORS: z
      .string()
      .regex(/^[\w.-]+(,[\w.-]+)*$/, {
        error:
          'MUTUALIS_COMPOSER_VENDORS est une liste de vendeurs séparés par des virgules / a comma-separated list of vendors',
      })
      .optional(),
    MUTUALIS_LOCAL_LOGIN: booleanText('MUTUALIS_LOCAL_LOGIN').default('true'),
    MUTUALIS_BREAK_GLASS_ADMIN: z
      .email({
        error:
          'MUTUALIS_BREAK_GLASS_ADMIN doit être une adresse e-mail / MUTUALIS_BREAK_GLASS_ADMIN must be an e-mail address',
      })
      .optional(),
  })
  .extend(oidcEnvironmentSchema.shape)
  .extend(retentionEnvironmentSchema.shape);

type Environment = z.infer<typeof environmentSchema>;

/** GitLab is configured by its address, a token (in the variable or a file) and the template's id. */
function gitlabSettings(e: Environment): GitLabSettings | null {
  if (!e.MUTUALIS_GITLAB_URL) return null;
  const token =
    e.MUTUALIS_GITLAB_TOKEN ?? readSecret('MUTUALIS_GITLAB_TOKEN_FILE', e.MUTUALIS_GITLAB_TOKEN_FILE);
  if (!token || !e.MUTUALIS_GITLAB_TEMPLATE_PROJECT_ID)
    throw new ConfigError(
      'Configuration invalide / invalid configuration:\n- MUTUALIS_GITLAB_URL demande MUTUALIS_GITLAB_TOKEN (ou MUTUALIS_GITLAB_TOKEN_FILE) et MUTUALIS_GITLAB_TEMPLATE_PROJECT_ID / MUTUALIS_GITLAB_URL needs a token and the template project id',
    );
  return {
    url: e.MUTUALIS_GITLAB_URL.replace(/\/$/, ''),
    token,
    templateProjectId: e.MUTUALIS_GITLAB_TEMPLATE_PROJECT_ID,
    templateGroupId: e.MUTUALIS_GITLAB_TEMPLATE_GROUP_ID ?? null,
    rootGroup: e.MUTUALIS_GITLAB_GROUP,
  };
}

/** Jenkins is configured by its address, a user and its API token (in the variable or a file). */
function jenkinsSettings(e: Environment): JenkinsSettings | null {
  if (!e.MUTUALIS_JENKINS_URL) return null;
  const token =
    e.MUTUALIS_JENKINS_TOKEN ?? readSecret('MUTUALIS_JENKINS_TOKEN_FILE', e.MUTUALIS_JENKINS_TOKEN_FILE);
  if (!token || !e.MUTUALIS_JENKINS_USER)
    throw new ConfigError(
      'Configuration invalide / invalid configuration:\n- MUTUALIS_JENKINS_URL demande MUTUALIS_JENKINS_USER et MUTUALIS_JENKINS_TOKEN (ou MUTUALIS_JENKINS_TOKEN_FILE) / MUTUALIS_JENKINS_URL needs a user and a token',
    );
  return { url: e.MUTUALIS_JENKINS_URL.replace(/\/$/, ''), user: e.MUTUALIS_JENKINS_USER, token };
}

/** The Composer repository: its address, and a token (bearer, or with a user HTTP basic) when it is private. */
function composerSettings(e: Environment): ComposerSettings | null {
  if (!e.MUTUALIS_COMPOSER_URL) return null;
  return {
    url: e.MUTUALIS_COMPOSER_URL.replace(/\/$/, ''),
    token:
      e.MUTUALIS_COMPOSER_TOKEN ??
      readSecret('MUTUALIS_COMPOSER_TOKEN_FILE', e.MUTUALIS_COMPOSER_TOKEN_FILE) ??
      null,
    user: e.MUTUALIS_COMPOSER_USER ?? null,
    vendors: e.MUTUALIS_COMPOSER_VENDORS?.split(',') ?? [],
  };
}

/** "mutualis-demo" is 13 characters: the documented default meets the 12-character rule. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return issue.message.includes(name) ? issue.message : `${name} : ${issue.message}`;
    });
    throw new ConfigError(`Configuration invalide / invalid configuration:\n- ${lines.join('\n- ')}`);
  }
  const e = parsed.data;
  const demo = e.MUTUALIS_DEMO === 'true' || e.MUTUALIS_DEMO === '1';
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.MUTUALIS_DATA_DIR),
    embeddedSharedBuffers: e.MUTUALIS_EMBEDDED_SHARED_BUFFERS,
    demo,
    demoPassword: e.MUTUALIS_DEMO_PASSWORD,
    publicUrl: (e.MUTUALIS_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.MUTUALIS_LOG_LEVEL,
    sessionIdleMinutes: e.MUTUALIS_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.MUTUALIS_SESSION_ABSOLUTE_HOURS,
    trustProxy:
      e.MUTUALIS_TRUST_PROXY === 'true'
        ? true
        : e.MUTUALIS_TRUST_PROXY === 'false'
          ? false
          : Number(e.MUTUALIS_TRUST_PROXY),
    searchResultsKept: e.MUTUALIS_SEARCH_RESULTS_KEPT,
    // Default: the development certificate that server/scripts/test-ca.sh writes under the data directory.
    signingKeyFile: path.resolve(
      e.MUTUALIS_SIGNING_KEY_FILE ?? path.join(e.MUTUALIS_DATA_DIR, 'signing', 'signer.key'),
    ),
    signingCertFile: path.resolve(
      e.MUTUALIS_SIGNING_CERT_FILE ?? path.join(e.MUTUALIS_DATA_DIR, 'signing', 'signer.pem'),
    ),
    smtpUrl: e.MUTUALIS_SMTP_URL,
    mailFrom: e.MUTUALIS_MAIL_FROM,
    amCloudUrl: e.MUTUALIS_AM_CLOUD_URL?.replace(/\/$/, ''),
    amCloudToken: e.MUTUALIS_AM_CLOUD_TOKEN,
    amCloudWebhookSecret: e.MUTUALIS_AM_CLOUD_WEBHOOK_SECRET,
    amCloudTimeoutMs: e.MUTUALIS_AM_CLOUD_TIMEOUT_MS,
    amCloudSimulatorDelayMs: e.MUTUALIS_AM_CLOUD_SIMULATOR_DELAY_MS,
    metricsToken:
      e.MUTUALIS_METRICS_TOKEN ?? readSecret('MUTUALIS_METRICS_TOKEN_FILE', e.MUTUALIS_METRICS_TOKEN_FILE),
    streamHeartbeatSeconds: e.MUTUALIS_STREAM_HEARTBEAT_SECONDS,
    gitlab: gitlabSettings(e),
    jenkins: jenkinsSettings(e),
    composer: composerSettings(e),
    oidc: oidcSettings(e),
    retention: retentionSettings(e),
    localLogin: e.MUTUALIS_LOCAL_LOGIN === 'true' || e.MUTUALIS_LOCAL_LOGIN === '1',
    breakGlassAdminEmail: e.MUTUALIS_BREAK_GLASS_ADMIN?.toLowerCase(),
    // The built web app sits beside the server, wherever the process was started from.
    webDir: fileURLToPath(new URL('../build/web', import.meta.url)),
  };
}

export type { OidcSettings } from './config-oidc.ts';
export { ConfigError } from './config-secrets.ts';
