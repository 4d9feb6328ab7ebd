import type { Pool } from 'pg';

/** One schema change; numbers are never reused or edited once released. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

/*
 * Numbered migrations, applied in order on start and recorded in jixiao_migrations. Keys are
 * COLLATE "C" so that range scans order by bytes, exactly as LevelDB does; everything the server
 * persists is one row of jixiao_kv (the README's decision log says why one table).
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'key-value table',
    sql: `CREATE TABLE jixiao_kv (key text COLLATE "C" PRIMARY KEY, value bytea NOT NULL)`,
  },
];

// Any constant: serialises instances that start at the same moment on an empty database.
const MIGRATION_LOCK = 7_013_061_301;

/** Creates or upgrades the schema in one transaction; returns the versions it applied. */
export async function migrateSchema(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS jixiao_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM jixiao_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO jixiao_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    client.release();
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
