import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LiveInk } from '../src/controller/gestures/draw';
import { publishLiveInk, remoteLiveInk } from '../src/sync/live-ink-presence';

/** What another device sees of `inks` after the awareness update travels to it. */
function seenElsewhere(inks: LiveInk[]): LiveInk[] {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  publishLiveInk(mine, inks);
  applyAwarenessUpdate(theirs, encodeAwarenessUpdate(mine, [mine.clientID]), 'wire');
  return remoteLiveInk(theirs);
}

describe('live ink between devices', () => {
  it('keeps a finger without pressure, so others thin it by speed as the finished stroke is', () => {
    const [ink] = seenElsewhere([
      {
        tool: 'pen',
        color: '#1971c2',
        width: 4,
        points: [
          { x: 10, y: 20 },
          { x: 30, y: 25 },
        ],
        by: { name: 'Amara', color: '#1971c2' },
      },
    ]);
    expect(ink!.points).toEqual([
      { x: 10, y: 20 },
      { x: 30, y: 25 },
    ]);
    expect(ink!.by).toEqual({ name: 'Amara', color: '#1971c2' });
  });

  it("keeps a pen's pressure", () => {
    const [ink] = seenElsewhere([
      {
        tool: 'pen',
        color: '#1f2a44',
        width: 4,
        points: [
          { x: 0, y: 0, pressure: 0.25 },
          { x: 8, y: 4, pressure: 0.75 },
        ],
      },
    ]);
    expect(ink!.points.map((p) => p.pressure)).toEqual([
      expect.closeTo(0.25, 2),
      expect.closeTo(0.75, 2),
    ]);
  });
});
