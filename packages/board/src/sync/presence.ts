import type { Awareness } from 'y-protocols/awareness';

/** Who a device is, as it tells the others through awareness. */
export interface PresenceUser {
  kind: 'table' | 'tablet';
  /** The device's participant id (a tablet) or device id (a table). */
  id: string;
  name: string;
  color: string;
}

const isPresenceUser = (value: unknown): value is PresenceUser => {
  const user = value as PresenceUser | null;
  return (
    typeof user === 'object' &&
    user !== null &&
    (user.kind === 'table' || user.kind === 'tablet') &&
    typeof user.id === 'string' &&
    typeof user.name === 'string' &&
    typeof user.color === 'string'
  );
};

export function publishPresence(awareness: Awareness, user: PresenceUser): void {
  awareness.setLocalStateField('user', user);
}

/** Every device on the board now, this one included. Malformed states are skipped. */
export function onlineUsers(awareness: Awareness): PresenceUser[] {
  const users: PresenceUser[] = [];
  for (const state of awareness.getStates().values()) {
    if (isPresenceUser(state?.user)) users.push(state.user);
  }
  return users;
}
