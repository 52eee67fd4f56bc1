import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LiveInk } from '../src/controller/gestures/draw';
import { publishLiveInk, remoteLiveInk } from '../src/sync/live-ink-presence';

/** Two devices' awareness, and a way to send this one's state to the other. */
function twoDevices() {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  const send = () =>
    applyAwarenessUpdate(theirs, encodeAwarenessUpdate(mine, [mine.clientID]), 'wire');
  return { mine, theirs, send };
}

/** What another device sees of `inks` after the awareness update travels to it. */
function seenElsewhere(inks: LiveInk[]): LiveInk[] {
  const { mine, theirs, send } = twoDevices();
  publishLiveInk(mine, inks);
  send();
  return [...remoteLiveInk(theirs).values()];
}

const stroke = (x: number): LiveInk => ({
  tool: 'pen',
  color: '#2f9e44',
  width: 6,
  points: [
    { x, y: 0 },
    { x: x + 10, y: 5 },
  ],
});

describe('live ink between devices', () => {
  it('keeps a finger without pressure, so others thin it by speed as the finished stroke is', () => {
    const [ink] = seenElsewhere([{ ...stroke(10), by: { name: 'Amara', color: '#1971c2' } }]);
    expect(ink!.points).toEqual(stroke(10).points);
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

  it("decodes a peer's ink once per update it sends, not once per frame drawn here", () => {
    const { mine, theirs, send } = twoDevices();
    publishLiveInk(mine, [stroke(0)]);
    send();
    const [first] = remoteLiveInk(theirs).values();
    // Frames drawn here before the peer sends again reuse what was decoded.
    expect([...remoteLiveInk(theirs).values()][0]).toBe(first);
    publishLiveInk(mine, [stroke(40)]);
    send();
    const [next] = remoteLiveInk(theirs).values();
    expect(next).not.toBe(first);
    expect(next!.points[0]).toEqual({ x: 40, y: 0 });
  });

  it("skips what is not ink in a peer's state", () => {
    const { mine, theirs, send } = twoDevices();
    mine.setLocalStateField('ink', [null, 7, 'x', { points: '!!not base64' }]);
    send();
    expect(remoteLiveInk(theirs).size).toBe(0);
  });
});
