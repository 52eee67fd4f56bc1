import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from '../src/config';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: resolve('./data') });
    expect(config.appDir).toMatch(/packages\/board\/dist$/);
  });

  it('reads PORT, HOST and DATA_DIR', () => {
    expect(configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/rt' })).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/rt',
    });
  });

  it.each(['abc', '-1', '70000', '80.5'])('refuses PORT=%s with a clear message', (port) => {
    expect(() => configFromEnv({ PORT: port })).toThrow(ConfigError);
    expect(() => configFromEnv({ PORT: port })).toThrow(
      `PORT must be a whole number from 0 to 65535 (got "${port}")`,
    );
  });
});
