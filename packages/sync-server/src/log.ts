/** Tests set ROUNDTABLE_LOG=off to keep their output readable; the server always logs. */
const enabled = process.env.ROUNDTABLE_LOG !== 'off';

/** Set while the server warms up on a throwaway instance (warm-up.ts), whose lines are noise. */
let muted = false;
export function muteLog(on: boolean): void {
  muted = on;
}

/** One JSON object per line on stdout: easy to read, grep and parse (the e2e harness does). */
export function log(event: string, fields: Record<string, unknown> = {}): void {
  if (!enabled || muted) return;
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}
