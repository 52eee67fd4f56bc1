import type { Credentials } from '../auth/trust';

/**
 * Whoever asks a room for something: a device's connection, or the librarian over HTTP. The
 * room decides from the credentials alone, so an HTTP call needs no socket to pose as.
 */
export interface Caller {
  readonly credentials: Credentials;
}
