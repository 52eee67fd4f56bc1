import { ConfigError, configFromEnv } from './config';
import { lanAddresses, terminalQr } from './lan';
import { log } from './log';
import { startServer } from './server';
import { StorageStartError } from './storage/start-check';

async function main() {
  const config = configFromEnv();
  const server = await startServer(config);

  const lanUrls = lanAddresses().map((address) => `http://${address}:${server.port}/`);
  const lines = [
    '',
    '  Roundtable is running.',
    `  On this machine:  http://localhost:${server.port}/`,
    ...lanUrls.map((url) => `  On the network:   ${url}`),
    '',
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
