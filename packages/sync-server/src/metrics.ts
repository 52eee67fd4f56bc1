import { monitorEventLoopDelay } from 'node:perf_hooks';

/** A Prometheus counter, split by one optional label. Increments are a property add. */
class Counter {
  private readonly values = new Map<string, { value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly label?: string,
  ) {}

  /** A handle for one label value, so hot paths do not look it up per increment. */
  labelled(value: string): { value: number } {
    let cell = this.values.get(value);
    if (!cell) {
      cell = { value: 0 };
      this.values.set(value, cell);
    }
    return cell;
  }

  inc(by = 1, labelValue = ''): void {
    this.labelled(labelValue).value += by;
  }

  render(lines: string[]): void {
    lines.push(`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`);
    for (const [labelValue, { value }] of this.values) {
      const labels = this.label ? `{${this.label}="${labelValue}"}` : '';
      lines.push(`${this.name}${labels} ${value}`);
    }
  }
}

class Histogram {
  private readonly counts: number[];
  private sum = 0;
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {
    this.counts = new Array<number>(buckets.length + 1).fill(0);
  }

  observe(value: number): void {
    this.sum += value;
    let i = 0;
    while (i < this.buckets.length && value > this.buckets[i]!) i++;
    this.counts[i]!++;
  }

  render(lines: string[]): void {
    lines.push(`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`);
    let cumulative = 0;
    this.buckets.forEach((le, i) => {
      cumulative += this.counts[i]!;
      lines.push(`${this.name}_bucket{le="${le}"} ${cumulative}`);
    });
    cumulative += this.counts[this.buckets.length]!;
    lines.push(`${this.name}_bucket{le="+Inf"} ${cumulative}`);
    lines.push(`${this.name}_sum ${this.sum}`, `${this.name}_count ${cumulative}`);
  }
}

/** Everything /metrics reports, in the Prometheus text format. */
export class Metrics {
  readonly messagesIn = new Counter(
    'roundtable_messages_in_total',
    'Messages received from clients.',
  );
  readonly bytesIn = new Counter('roundtable_bytes_in_total', 'Bytes received from clients.');
  readonly messagesOut = new Counter('roundtable_messages_out_total', 'Messages sent to clients.');
  readonly bytesOut = new Counter('roundtable_bytes_out_total', 'Bytes sent to clients.');
  readonly refusals = new Counter(
    'roundtable_refusals_total',
    'Connections refused or closed for what a client sent or did.',
    'reason',
  );
  readonly assetUploads = new Counter(
    'roundtable_asset_uploads_total',
    'Images uploaded, by outcome (stored, or why refused).',
    'outcome',
  );
  readonly compactions = new Counter(
    'roundtable_compactions_total',
    'Board logs folded into snapshots.',
  );
  readonly storageErrors = new Counter(
    'roundtable_storage_errors_total',
    'Storage calls that failed (disk full, read-only, damaged file), by operation.',
    'operation',
  );
  readonly storeAppendSeconds = new Histogram(
    'roundtable_store_append_seconds',
    'Time to append one batch of updates (one transaction) to storage.',
    [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25],
  );
  readonly storeBatchUpdates = new Histogram(
    'roundtable_store_batch_updates',
    'Updates stored in one transaction (those accepted in one turn of the event loop).',
    [1, 2, 4, 8, 16, 32, 64],
  );
  private readonly gauges: { name: string; help: string; read: () => number }[] = [];
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loopDelay.enable();
  }

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.push({ name, help, read });
  }

  render(): string {
    const lines: string[] = [];
    for (const counter of [
      this.messagesIn,
      this.bytesIn,
      this.messagesOut,
      this.bytesOut,
      this.refusals,
      this.assetUploads,
      this.compactions,
      this.storageErrors,
    ]) {
      counter.render(lines);
    }
    this.storeAppendSeconds.render(lines);
    this.storeBatchUpdates.render(lines);
    for (const { name, help, read } of this.gauges) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${read()}`);
    }
    const lag = 'roundtable_event_loop_lag_seconds';
    lines.push(
      `# HELP ${lag} Event loop delay: p99 and max since start.`,
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
