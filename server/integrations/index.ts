import type { Config } from '../config.ts';
import { createComposerClient, type PackageRepositoryClient } from './composer.ts';
import { createGitLabClient, type ForgeClient } from './gitlab.ts';
import type { HttpClientOptions } from './http.ts';
import { createJenkinsClient, type FactoryClient } from './jenkins.ts';

/** The clients of the outside systems; null where the settings name none (the feature says so). */
export interface Integrations {
  gitlab: ForgeClient | null;
  jenkins: FactoryClient | null;
  composer: PackageRepositoryClient | null;
}

/** Built from the settings; tests pass HTTP options (a sleep that records its waits). */
export function createIntegrations(config: Config, http: Partial<HttpClientOptions> = {}): Integrations {
  return {
    gitlab: config.gitlab ? createGitLabClient(config.gitlab, http) : null,
    jenkins: config.jenkins ? createJenkinsClient(config.jenkins, http) : null,
    composer: config.composer ? createComposerClient(config.composer, http) : null,
  };
}
