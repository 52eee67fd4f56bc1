import { type PresenceUser, presenceUserOf } from '@roundtable/shared';
import type { Awareness } from 'y-protocols/awareness';

/** Tells the others who this device is (its name tag): display only, the server decides rights. */
export function publishPresence(awareness: Awareness, user: PresenceUser): void {
  awareness.setLocalStateField('user', user);
}

/** Every device on the board now, this one included. Malformed states are skipped. */
export function onlineUsers(awareness: Awareness): PresenceUser[] {
  const users: PresenceUser[] = [];
  for (const state of awareness.getStates().values()) {
    const user = presenceUserOf(state);
    if (user) users.push(user);
  }
  return users;
}
