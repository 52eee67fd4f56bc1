import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../src/testing/server-process';
import { percentile } from './stats';

/**
 * Start-up benchmark: relay p99 in the first 2 s after a server starts (devices connect and
 * draw the moment it listens) against the same server's p99 once warm, for the server as
 * `pnpm start` runs it (compiled, warming up before it listens: src/warm-up.ts) and without
 * the warm-up. 1 board × 8 devices × 120 updates/s, as the relay benchmark's first scenario.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FIRST_MS = 2_000;
const WARM_AFTER_MS = 3_000;
const WARM_MS = 4_000;
const RESULTS = fileURLToPath(new URL('../../../bench-results/', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

function load(url: string, warmupMs: number, measureMs: number): Promise<number[]> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/load-clients.ts',
      `${url.replace('http', 'ws')}/ws`,
      '1',
      '8',
      '120',
      String(warmupMs),
      String(measureMs),
    ],
    { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve((JSON.parse(out) as { samplesMicros: number[] }).samplesMicros)
        : reject(new Error(`load exited ${code}`)),
    ),
  );
}

const VARIANTS = [
  { name: 'roundtable as started (compiled, warmed up)', env: { WARM_UP: 'on' } },
  { name: 'roundtable without the warm-up', env: { WARM_UP: 'off' } },
];
const pooled = new Map(
  VARIANTS.map((v) => [v.name, { first: [] as number[], warm: [] as number[] }]),
);
for (let round = 1; round <= ROUNDS; round++) {
  for (const variant of round % 2 ? VARIANTS : [...VARIANTS].reverse()) {
    const server = await startServerProcess(
      { ...variant.env, MAX_CONNECTIONS_PER_IP: '1000' },
      undefined,
      { requireApp: false, script: 'dist/main.js' },
    );
    // Connecting takes the load process a moment: its first 2 s start as it sends.
    const first = await load(server.url, 0, FIRST_MS);
    const warm = await load(server.url, WARM_AFTER_MS, WARM_MS);
    await server.stop('SIGKILL');
    pooled.get(variant.name)!.first.push(...first);
    pooled.get(variant.name)!.warm.push(...warm);
    const p99 = (s: number[]) => percentile(Float64Array.from(s).sort(), 99) / 1000;
    process.stderr.write(
      `${variant.name} / round ${round}: first 2 s p99 ${p99(first).toFixed(2)} ms, warm ${p99(warm).toFixed(2)} ms\n`,
    );
  }
}

const rows = VARIANTS.map(({ name }) => {
  const { first, warm } = pooled.get(name)!;
  const p = (s: number[], q: number) => percentile(Float64Array.from(s).sort(), q) / 1000;
  return {
    server: name,
    firstP50Ms: p(first, 50),
    firstP99Ms: p(first, 99),
    warmP50Ms: p(warm, 50),
    warmP99Ms: p(warm, 99),
    firstSamples: first.length,
    warmSamples: warm.length,
  };
});
const table = [
  '| server | first 2 s p50 | first 2 s p99 | warm p50 | warm p99 | first p99 / warm p99 |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.server} | ${r.firstP50Ms.toFixed(2)} ms | ${r.firstP99Ms.toFixed(2)} ms | ${r.warmP50Ms.toFixed(2)} ms | ${r.warmP99Ms.toFixed(2)} ms | ${(r.firstP99Ms / r.warmP99Ms).toFixed(2)}x |`,
  ),
].join('\n');
console.log(
  `\nRelay right after start: 1 board × 8 devices × 120 upd/s, first ${FIRST_MS / 1000} s after the server listens against ${WARM_MS / 1000} s once warm (same server), ${ROUNDS} rounds pooled\n\n${table}\n`,
);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  `${RESULTS}/cold-start.json`,
  `${JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, rows }, null, 2)}\n`,
);
console.log(`Wrote ${RESULTS}cold-start.json`);
