/**
 * Flags the server's Node runs with (`pnpm start` passes them; keep package.json's start
 * script in step, a test checks it).
 *
 * A small young generation (2 MiB semi-spaces instead of up to 16): everything the relay
 * applies stays in a board's document, so each scavenge copies every update since the
 * last one, and with V8's default each pause took about 4 ms at 8 devices drawing — long
 * enough to set the fan-out p99. With 2 MiB, pauses are about 1 ms, more often.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
