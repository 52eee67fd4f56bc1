/**
 * One look at the server's clock: the device's time when it asked and when the answer came,
 * and the server's time in the answer.
 */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

/**
 * How far the server's clock is ahead of this device's, in ms (add it to Date.now()).
 * The sample with the shortest round trip is the most trustworthy; the server's time is taken
 * to be from the middle of that trip (Cristian's algorithm).
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    const trip = sample.receivedAt - sample.sentAt;
    if (trip < 0) continue;
    if (!best || trip < best.receivedAt - best.sentAt) best = sample;
  }
  if (!best) return 0;
  return Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2);
}
