import { ConfigError, configFromEnv } from './config';
import { lanAddresses, terminalQr } from './lan';
import { log } from './log';
import { startServer } from './server';
import { StorageStartError } from './storage/start-check';
import { warmUp } from './warm-up';

async function main() {
  const config = configFromEnv();
  // The first strokes after a start relay as fast as later ones (warm-up.ts); the tests'
  // servers skip it (WARM_UP=off), their timing is not measured.
  if (process.env.WARM_UP !== 'off') await warmUp(config);
  const server = await startServer(config);

  // Tablets reach the LAN addresses only when the server listens on every interface.
  const listensOnLan = config.host === '0.0.0.0' || config.host === '::';
  const lanUrls = listensOnLan
    ? lanAddresses().map((address) => `http://${address}:${server.port}/`)
    : [];
  const local = listensOnLan ? 'localhost' : config.host;
  const setupCode = server.setupCode;
  const lines = [
    '',
    '  Roundtable is running.',
    `  On this machine:  http://${local}:${server.port}/`,
    ...lanUrls.map((url) => `  On the network:   ${url}`),
    '',
    ...(setupCode
      ? [
          `  Librarian setup code: ${setupCode}`,
          '  (no librarian PIN yet: the class is not protected until one is set; setting it asks for this code)',
          '',
        ]
      : []),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  const tabletUrl = lanUrls[0];
  if (tabletUrl) process.stderr.write(`  Tablets, scan this:\n${await terminalQr(tabletUrl)}\n`);

  const shutdown = (signal: string) => {
    log('shutdown', { signal });
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        log('shutdown_failed', { message: error.message });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  // Refusals we expected say what is wrong and what to do in one line; anything else is a bug.
  const expected = error instanceof ConfigError || error instanceof StorageStartError;
  const message = expected ? error.message : error.stack;
  process.stderr.write(`Roundtable could not start: ${message}\n`);
  process.exit(1);
});
