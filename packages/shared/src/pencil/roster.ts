/** How long someone who dropped off (Wi-Fi, a reload, a sleeping tablet) still counts as here. */
export const ABSENCE_GRACE_MS = 30_000;

/**
 * Who counts as here for the talking pencil: everyone connected now, and everyone who was
 * within the grace period, so a blink of the network never hands a turn away.
 */
export class Roster {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly graceMs = ABSENCE_GRACE_MS) {}

  /** `id` counts as just seen (a board reopened after a restart gives its holder the grace). */
  greet(id: string, now: number): void {
    this.lastSeen.set(id, now);
  }

  /**
   * Of `candidates` (in turn order), those connected now or gone for less than the grace;
   * `connected` are marked as seen at `now`.
   */
  here(candidates: readonly string[], connected: ReadonlySet<string>, now: number): string[] {
    for (const id of connected) this.lastSeen.set(id, now);
    return candidates.filter((id) => {
      const seen = this.lastSeen.get(id);
      return seen !== undefined && now - seen < this.graceMs;
    });
  }

  /** Since when `id` has been away (null while connected or never seen). */
  awaySince(id: string, connected: ReadonlySet<string>): number | null {
    if (connected.has(id)) return null;
    return this.lastSeen.get(id) ?? null;
  }

  /** When the next absent candidate's grace runs out after `now`, or null if nobody's will. */
  nextExpiry(
    candidates: readonly string[],
    connected: ReadonlySet<string>,
    now: number,
  ): number | null {
    let next: number | null = null;
    for (const id of candidates) {
      const since = this.awaySince(id, connected);
      if (since === null) continue;
      const ends = since + this.graceMs;
      if (ends > now && (next === null || ends < next)) next = ends;
    }
    return next;
  }
}
