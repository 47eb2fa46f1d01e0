import type { Knex } from "knex";

export interface Migration {
  /** Sortable and unique, for example `001-accounts`. */
  name: string;
  up(db: Knex): Promise<void>;
  down?(db: Knex): Promise<void>;
}

/** Runs a service's migrations (kept in code, so they work from dist/ and in tests alike). */
export async function migrate(db: Knex, migrations: readonly Migration[]): Promise<void> {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  await db.migrate.latest({
    migrationSource: {
      getMigrations: async () => [...byName.keys()].sort(),
      getMigrationName: (name: string) => name,
      getMigration: async (name: string) => {
        const m = byName.get(name)!;
        return { up: m.up, down: m.down ?? (async () => undefined) };
      },
    },
  });
}
