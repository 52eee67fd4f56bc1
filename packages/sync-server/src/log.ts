/** Tests set ROUNDTABLE_LOG=off to keep their output readable; the server always logs. */
const enabled = process.env.ROUNDTABLE_LOG !== 'off';

/** One JSON object per line on stdout: easy to read, grep and parse (the e2e harness does). */
export function log(event: string, fields: Record<string, unknown> = {}): void {
  if (!enabled) return;
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}
