import { type ClockSample, estimateClockOffset, type ServerTimeReply } from '@roundtable/shared';
import { useEffect, useState } from 'react';

let offset: Promise<number> | null = null;

/** How far the server's clock is ahead of ours, measured once per page from three round trips. */
export function serverClockOffset(): Promise<number> {
  offset ??= (async () => {
    const samples: ClockSample[] = [];
    for (let i = 0; i < 3; i++) {
      const sentAt = Date.now();
      try {
        const { now } = (await (await fetch('/api/time')).json()) as ServerTimeReply;
        samples.push({ sentAt, receivedAt: Date.now(), serverNow: now });
      } catch {
        // Offline: our own clock is the best we have.
      }
    }
    return estimateClockOffset(samples);
  })();
  return offset;
}

/**
 * The server's time, ticking four times a second while `ticking`: every device counts down
 * to the same stored deadline by the same clock, so all show the same time left.
 */
export function useServerNow(ticking: boolean): number {
  const [skew, setSkew] = useState(0);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    let live = true;
    void serverClockOffset().then((value) => live && setSkew(value));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [ticking]);
  return now + skew;
}
