import { monitorEventLoopDelay } from 'node:perf_hooks';

type Labels = Record<string, string>;

const labelText = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length
    ? `{${entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}`
    : '';
};

/** A small Prometheus registry: counters, gauges read on scrape, and one latency histogram. */
export class Metrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();
  private readonly gauges = new Map<string, { help: string; read: () => number }>();
  private readonly storeBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25];
  private readonly storeCounts = new Array<number>(this.storeBuckets.length + 1).fill(0);
  private storeSum = 0;
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loopDelay.enable();
  }

  count(name: string, help: string, labels: Labels = {}, by = 1): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = { help, values: new Map() };
      this.counters.set(name, counter);
    }
    const key = labelText(labels);
    counter.values.set(key, (counter.values.get(key) ?? 0) + by);
  }

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.set(name, { help, read });
  }

  observeStoreSeconds(seconds: number): void {
    this.storeSum += seconds;
    const bucket = this.storeBuckets.findIndex((le) => seconds <= le);
    this.storeCounts[bucket === -1 ? this.storeBuckets.length : bucket]!++;
  }

  /** The Prometheus text exposition format. */
  render(): string {
    const lines: string[] = [];
    for (const [name, { help, values }] of this.counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`);
    }
    for (const [name, { help, read }] of this.gauges) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${read()}`);
    }
    const h = 'roundtable_store_append_seconds';
    lines.push(`# HELP ${h} Time to append one update to storage.`, `# TYPE ${h} histogram`);
    let cumulative = 0;
    this.storeBuckets.forEach((le, i) => {
      cumulative += this.storeCounts[i]!;
      lines.push(`${h}_bucket{le="${le}"} ${cumulative}`);
    });
    cumulative += this.storeCounts[this.storeBuckets.length]!;
    lines.push(
      `${h}_bucket{le="+Inf"} ${cumulative}`,
      `${h}_sum ${this.storeSum}`,
      `${h}_count ${cumulative}`,
    );
    const lag = 'roundtable_event_loop_lag_seconds';
    lines.push(
      `# HELP ${lag} Event loop delay (p99 and max since start).`,
      `# TYPE ${lag} gauge`,
      `${lag}{quantile="0.99"} ${this.loopDelay.percentile(99) / 1e9}`,
      `${lag}{quantile="1"} ${this.loopDelay.max / 1e9}`,
    );
    return `${lines.join('\n')}\n`;
  }

  stop(): void {
    this.loopDelay.disable();
  }
}
