import type { z } from 'zod';

/**
 * One step in a record type's history. Version 1 is a type's first layout; migration N turns
 * a version N-1 record into a version N record. Migrations are pure: they never touch the doc.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(record: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** A record type: its TypeScript type (via the schema), runtime validator and migrations. */
export interface RecordType<T> {
  readonly name: string;
  readonly schema: z.ZodType<T>;
  readonly migrations: readonly Migration[];
  /** The version records of this type are written in today. */
  readonly version: number;
}

export function defineRecordType<T>(
  name: string,
  schema: z.ZodType<T>,
  migrations: readonly Migration[] = [],
): RecordType<T> {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 2) {
      throw new Error(`${name}: migration "${migration.name}" must be numbered ${i + 2}`);
    }
  });
  return { name, schema, migrations, version: migrations.length + 1 };
}
