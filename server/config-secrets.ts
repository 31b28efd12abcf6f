import { readFileSync } from 'node:fs';

/** A bad setting: the start stops with its message (French and English, naming the variable). */
export class ConfigError extends Error {}

/** A secret read from a file (a mounted secret); a file that cannot be read stops the start. */
export function readSecret(name: string, file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    throw new ConfigError(
      `Configuration invalide / invalid configuration:\n- ${name} : fichier illisible / unreadable file (${file})`,
    );
  }
}
