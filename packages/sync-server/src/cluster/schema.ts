import type { Pool } from 'pg';

/** Any number: the key of the advisory lock that serialises schema creation. */
const SCHEMA_LOCK = 7_246_318_001;

/**
 * Creates tables that may not exist yet. Processes of a cluster start at once, and
 * concurrent `CREATE TABLE IF NOT EXISTS` can still collide in PostgreSQL's catalogue
 * (a duplicate key in pg_type): one transaction-level advisory lock makes them take turns.
 */
export async function ensureSchema(pool: Pool, sql: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
