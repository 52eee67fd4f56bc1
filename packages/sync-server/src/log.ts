/** One JSON object per line on stdout: easy to read, grep and parse (the e2e harness does). */
export function log(event: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}
