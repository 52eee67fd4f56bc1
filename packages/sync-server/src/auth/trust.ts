import type { IncomingMessage } from 'node:http';
import { DEVICE_KEY_PATTERN, deviceKeyHash } from '@roundtable/shared';
import type { Librarian } from './librarian';
import type { Tables } from './tables';

/**
 * What a device proved when its socket opened: fixed for the connection, decided by the
 * server from credentials it issued. Presence (the name a device shows) plays no part.
 */
export interface Credentials {
  /** The enrolled table whose `rt_table` cookie the upgrade carried. */
  readonly tableId: string | null;
  /** The device opened in the table layout (enough to act as the table before any PIN). */
  readonly asksForTable: boolean;
  /** Hash of the librarian session the upgrade's cookie carried. */
  readonly librarianSession: string | null;
  /** SHA-256 of the device's secret key: it speaks for the tablet whose record carries it. */
  readonly keyHash: string | null;
  /** The librarian acting over HTTP (the boards and routines APIs), not a device. */
  readonly viaHttp?: true;
}

export const NO_CREDENTIALS: Credentials = {
  tableId: null,
  asksForTable: false,
  librarianSession: null,
  keyHash: null,
};

/** The librarian's HTTP calls that write to a board (their cookie was checked by the API). */
export const LIBRARIAN_OVER_HTTP: Credentials = { ...NO_CREDENTIALS, viaHttp: true };

/**
 * Who may do what, from credentials: speaking for a board's seats (the table) and running
 * the class (the librarian). Asked on every use, so a revoked table, a signed-out librarian
 * or a PIN set meanwhile counts at once.
 */
export class Trust {
  constructor(
    private readonly librarian: Librarian,
    private readonly tables: Tables,
  ) {}

  /** The credentials an upgrade request carries. */
  credentialsOf(req: IncomingMessage, searchParams: URLSearchParams): Credentials {
    const cookie = req.headers.cookie;
    const key = searchParams.get('device');
    return {
      tableId: this.tables.tableOf(cookie)?.id ?? null,
      asksForTable: searchParams.get('layout') === 'table',
      librarianSession: this.librarian.sessionOf(cookie),
      // The secret key itself is never logged or stored: only its hash is compared.
      keyHash: key && DEVICE_KEY_PATTERN.test(key) ? deviceKeyHash(key) : null,
    };
  }

  /** Reads what a request's cookies name into memory (cluster mode keeps sessions in PostgreSQL). */
  prime(req: IncomingMessage): Promise<void> {
    return this.librarian.prime(req.headers.cookie);
  }

  /** Before any PIN exists (a fresh install's first lesson) every table device is the table. */
  unprotected(): boolean {
    return !this.librarian.pinSet();
  }

  /** Only an enrolled table (or, unprotected, any table device) speaks for the seats. */
  speaksForSeats(credentials: Credentials): boolean {
    if (credentials.tableId !== null && this.tables.isEnrolled(credentials.tableId)) return true;
    return credentials.asksForTable && this.unprotected();
  }

  /** The signed-in librarian runs the class; before any PIN, the table does. */
  facilitates(credentials: Credentials): boolean {
    if (credentials.viaHttp) return true;
    const session = credentials.librarianSession;
    if (session !== null && this.librarian.sessionActive(session)) return true;
    return credentials.asksForTable && this.unprotected();
  }

  /** The librarian acted through this socket: a shared screen's idle lock starts over. */
  facilitated(credentials: Credentials): void {
    if (credentials.librarianSession) this.librarian.used(credentials.librarianSession);
  }
}
