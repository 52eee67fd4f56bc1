import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Where the SQLite database and uploaded assets live. */
  dataDir: string;
  /** The built board app (packages/board/dist). */
  appDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_APP_DIR = fileURLToPath(new URL('../../board/dist', import.meta.url));

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** Reads every setting from the environment; the README's configuration table lists them. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, 'PORT', 8080, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    appDir: resolve(env.APP_DIR || DEFAULT_APP_DIR),
  };
}
