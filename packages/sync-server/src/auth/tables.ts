import { createId } from '@roundtable/shared';
import { cookieValue } from './cookies';
import { newSecret, secretHash } from './secrets';
import type { EnrolledTable, TableStore } from './table-store';

export const TABLE_COOKIE = 'rt_table';
/** A table stays enrolled until the librarian revokes it; the cookie lasts ten years. */
export const TABLE_COOKIE_SECONDS = 10 * 365 * 24 * 60 * 60;

/**
 * The screens the librarian made tables. Only a socket that opens with a table's secret
 * (its `rt_table` cookie) speaks for that board's seats. Kept in memory as well, since every
 * seat's stroke asks.
 */
export class Tables {
  private readonly bySecret = new Map<string, EnrolledTable>();
  private readonly byId = new Map<string, EnrolledTable>();
  private readonly revokedListeners = new Set<(id: string) => void>();

  constructor(private readonly store: TableStore) {
    for (const { secretHash: hash, ...table } of store.all()) this.remember(table, hash);
  }

  private remember(table: EnrolledTable, hash: string): void {
    this.bySecret.set(hash, table);
    this.byId.set(table.id, table);
  }

  /** Makes a new table; the secret goes into its cookie and is never stored. */
  enroll(name: string, now = Date.now()): { table: EnrolledTable; secret: string } {
    const table = { id: createId(12), name, createdAt: now };
    const secret = newSecret();
    const hash = secretHash(secret);
    this.store.add(table, hash);
    this.remember(table, hash);
    return { table, secret };
  }

  list(): EnrolledTable[] {
    return [...this.byId.values()];
  }

  /** Forgets a table: its screen is a plain device from its next request on. */
  revoke(id: string): boolean {
    const table = this.byId.get(id);
    if (!table || !this.store.remove(id)) return false;
    this.byId.delete(id);
    for (const [hash, known] of this.bySecret) if (known === table) this.bySecret.delete(hash);
    for (const listener of this.revokedListeners) listener(id);
    return true;
  }

  onRevoked(listener: (id: string) => void): void {
    this.revokedListeners.add(listener);
  }

  /** The enrolled table a request's cookies prove it is, if any. */
  tableOf(cookieHeader: string | undefined): EnrolledTable | null {
    const secret = cookieValue(cookieHeader, TABLE_COOKIE);
    return secret ? (this.bySecret.get(secretHash(secret)) ?? null) : null;
  }

  isEnrolled(id: string): boolean {
    return this.byId.has(id);
  }
}
