import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ServerFixture, startServerProcess } from '../src/testing/server-process';
import { clusterServices } from './cluster-servers';
import { cpuSeconds, peakRssMiB, percentile } from './stats';

/**
 * Relay benchmark: the same load, from a separate client process, against four servers in
 * one run — a bare `ws` relay (the floor), the reference y-websocket server, and ours with
 * and without storage (the cost of durability). Prints a table, writes JSON, reports ratios.
 */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 2_000);
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 6_000);
/**
 * Rounds run interleaved (every server once per round, each round starting one server later).
 * Latency percentiles are of every sample of every round pooled: one round's p99 hangs on a few
 * stalls of a noisy machine.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RESULTS = fileURLToPath(new URL('../../../bench-results/', import.meta.url));

const ONLY = process.env.BENCH_ONLY;
const SERVERS_ALL: { name: string; start: () => Promise<ServerFixture> }[] = [
  {
    name: 'bare ws relay',
    start: () =>
      startServerProcess({}, undefined, {
        requireApp: false,
        script: 'bench/servers/bare-relay.ts',
        nodeFlags: [],
      }),
  },
  {
    name: 'y-websocket reference',
    start: () =>
      startServerProcess({}, undefined, {
        requireApp: false,
        script: 'bench/servers/reference-server.ts',
        nodeFlags: [],
      }),
  },
  {
    name: 'roundtable, no storage',
    start: () =>
      startServerProcess({ STORAGE: 'memory', MAX_CONNECTIONS_PER_IP: '1000' }, undefined, {
        requireApp: false,
      }),
  },
  {
    name: 'roundtable, SQLite',
    start: () =>
      startServerProcess({ MAX_CONNECTIONS_PER_IP: '1000' }, undefined, { requireApp: false }),
  },
  // Cluster mode (PostgreSQL + Redis, started by the bench): every device on one process,
  // then the same devices spread over three, so every other device's updates take the extra
  // hop to the board's owner.
  { name: 'roundtable cluster, 1 process', start: () => clusterServices.processes(1) },
  { name: 'roundtable cluster, 3 processes', start: () => clusterServices.processes(3) },
];

const SERVERS = SERVERS_ALL.filter((s) => !ONLY || ONLY.split(',').some((o) => s.name.includes(o)));
if (SERVERS.some((s) => s.name.includes('cluster'))) await clusterServices.start();
const SCENARIOS_ALL = [
  { name: '1 board x 8 clients x 120 upd/s', boards: 1, perBoard: 8, rate: 120 },
  { name: '16 boards x 4 clients x 30 upd/s', boards: 16, perBoard: 4, rate: 30 },
];
/** BENCH_SCENARIO=16 (say) runs only the scenarios whose name contains it. */
const SCENARIOS = SCENARIOS_ALL.filter(
  (s) => !process.env.BENCH_SCENARIO || s.name.includes(process.env.BENCH_SCENARIO),
);

interface LoadResult {
  sent: number;
  received: number;
  expected: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  samplesMicros: number[];
}

function runLoad(url: string, scenario: (typeof SCENARIOS)[number]): Promise<LoadResult> {
  const wsBase = url
    .split(',')
    .map((one) => `${one.replace('http', 'ws')}/ws`)
    .join(',');
  const args = [scenario.boards, scenario.perBoard, scenario.rate, WARMUP_MS, MEASURE_MS].map(
    String,
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/load-clients.ts', wsBase, ...args],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`)),
    ),
  );
}

interface Run {
  load: LoadResult;
  cpu: number;
  rss: number;
}

async function measure(
  start: () => Promise<ServerFixture>,
  scenario: (typeof SCENARIOS)[number],
): Promise<Run> {
  const server = await start();
  const pid = server.process.pid!;
  let cpuAtStart = 0;
  const mark = setTimeout(() => {
    cpuAtStart = cpuSeconds(pid);
  }, WARMUP_MS + 500);
  const load = await runLoad(server.url, scenario);
  clearTimeout(mark);
  const cpu = (cpuSeconds(pid) - cpuAtStart) / (MEASURE_MS / 1000);
  const rss = peakRssMiB(pid);
  await server.stop('SIGKILL');
  return { load, cpu, rss };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const rows: Record<string, unknown>[] = [];
for (const scenario of SCENARIOS) {
  const runs = new Map<string, Run[]>(SERVERS.map((s) => [s.name, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    // Each round starts with the next server: none always runs right after another's load.
    const order = SERVERS.map((_, i) => SERVERS[(i + round - 1) % SERVERS.length]!);
    for (const { name, start } of order) {
      const run = await measure(start, scenario);
      runs.get(name)!.push(run);
      process.stderr.write(
        `${scenario.name} / ${name} / round ${round}: p99 ${run.load.p99.toFixed(2)} ms\n`,
      );
    }
  }
  for (const [name, list] of runs) {
    const pooled = new Float64Array(list.flatMap((r) => r.load.samplesMicros)).sort();
    rows.push({
      scenario: scenario.name,
      server: name,
      samples: pooled.length,
      p50Ms: percentile(pooled, 50) / 1000,
      p90Ms: percentile(pooled, 90) / 1000,
      p99Ms: percentile(pooled, 99) / 1000,
      p999Ms: percentile(pooled, 99.9) / 1000,
      roundP99sMs: list.map((r) => r.load.p99),
      maxMs: Math.max(...list.map((r) => r.load.max)),
      deliveredPerSecond: median(list.map((r) => r.load.received / r.load.seconds)),
      deliveredShare: Math.min(...list.map((r) => r.load.received / Math.max(1, r.load.expected))),
      serverCpuShare: median(list.map((r) => r.cpu)),
      peakRssMiB: Math.max(...list.map((r) => r.rss)),
    });
  }
}

interface Spread {
  median: number;
  min: number;
  max: number;
}
const spread = (values: number[]): Spread => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

// Ratios against the floor and the reference, within the same scenario and run.
for (const row of rows) {
  const sibling = (server: string) =>
    rows.find((r) => r.scenario === row.scenario && r.server === server);
  const reference = sibling('y-websocket reference');
  row.p99VsBare =
    (row.p99Ms as number) / ((sibling('bare ws relay')?.p99Ms as number) ?? Number.NaN);
  row.p99VsReference = (row.p99Ms as number) / ((reference?.p99Ms as number) ?? Number.NaN);
  // Each round runs every server back to back: its ratio is not skewed by a busy spell of
  // the machine that fell on other rounds.
  const referenceRounds = reference?.roundP99sMs as number[] | undefined;
  row.roundP99VsReference = spread(
    (row.roundP99sMs as number[]).map((p99, i) => p99 / (referenceRounds?.[i] ?? Number.NaN)),
  );
}

const fmt = (v: unknown, digits = 2) => (typeof v === 'number' ? v.toFixed(digits) : String(v));
const roundRange = ({ min, max }: Spread) => `${fmt(min)}–${fmt(max)}`;
/** The median of the rounds' ratios, with the lowest and highest. */
const perRoundRatio = (ratios: Spread) => `${fmt(ratios.median)}x (${roundRange(ratios)})`;
const header = [
  'scenario',
  'server',
  'p50 ms',
  'p90 ms',
  'p99 ms',
  'p99.9 ms',
  'p99 of a round',
  'max ms',
  'delivered/s',
  'delivered',
  'server CPU',
  'peak RSS MiB',
  'p99 / bare',
  'p99 / reference',
  'p99 / reference, per round',
];
const table = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map(
    (r) =>
      `| ${r.scenario} | ${r.server} | ${fmt(r.p50Ms)} | ${fmt(r.p90Ms)} | ${fmt(r.p99Ms)} | ${fmt(r.p999Ms)} | ${roundRange(spread(r.roundP99sMs as number[]))} | ${fmt(r.maxMs)} | ${fmt(r.deliveredPerSecond, 0)} | ${fmt((r.deliveredShare as number) * 100, 1)}% | ${fmt((r.serverCpuShare as number) * 100, 0)}% | ${fmt(r.peakRssMiB, 0)} | ${fmt(r.p99VsBare)}x | ${fmt(r.p99VsReference)}x | ${perRoundRatio(r.roundP99VsReference as Spread)} |`,
  ),
].join('\n');
console.log(
  `\nRelay benchmark: ${ROUNDS} interleaved rounds, each ${MEASURE_MS / 1000} s measured after ${WARMUP_MS / 1000} s warm-up; latencies pooled over the rounds, CPU the median, max and delivered the worst round\n\n${table}\n`,
);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  `${RESULTS}/relay.json`,
  `${JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, warmupMs: WARMUP_MS, measureMs: MEASURE_MS, rows }, null, 2)}\n`,
);
console.log(`Wrote ${RESULTS}relay.json`);
await clusterServices.stop();
