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
  private readonly changedListeners = new Set<() => void>();

  constructor(private readonly store: TableStore) {}

  /** Reads every enrolled table (at start, and when another process enrolled or revoked one). */
  async load(): Promise<void> {
    const all = await this.store.all();
    this.bySecret.clear();
    this.byId.clear();
    for (const { secretHash: hash, ...table } of all) this.remember(table, hash);
  }

  private remember(table: EnrolledTable, hash: string): void {
    this.bySecret.set(hash, table);
    this.byId.set(table.id, table);
  }

  /** Makes a new table; the secret goes into its cookie and is never stored. */
  async enroll(name: string, now = Date.now()): Promise<{ table: EnrolledTable; secret: string }> {
    const table = { id: createId(12), name, createdAt: now };
    const secret = newSecret();
    const hash = secretHash(secret);
    await this.store.add(table, hash);
    this.remember(table, hash);
    for (const listener of this.changedListeners) listener();
    return { table, secret };
  }

  list(): EnrolledTable[] {
    return [...this.byId.values()];
  }

  /** Forgets a table: its screen is a plain device from its next request on. */
  async revoke(id: string): Promise<boolean> {
    const table = this.byId.get(id);
    if (!table || !(await this.store.remove(id))) return false;
    this.forget(id);
    for (const listener of this.changedListeners) listener();
    return true;
  }

  /** Drops a table from memory (revoked here, or by another process). */
  forget(id: string): void {
    const table = this.byId.get(id);
    if (!table) return;
    this.byId.delete(id);
    for (const [hash, known] of this.bySecret) if (known === table) this.bySecret.delete(hash);
  }

  /** A table was enrolled or revoked here (cluster mode tells the other processes). */
  onChanged(listener: () => void): void {
    this.changedListeners.add(listener);
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
