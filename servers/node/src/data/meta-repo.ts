import type { Knex } from "@aitbc/server-lib";

export class MetaRepo {
  constructor(private readonly db: Knex) {}

  async get(key: string): Promise<string | undefined> {
    const row = (await this.db("chain_meta").where({ key }).first()) as
      { value: string } | undefined;
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db("chain_meta").insert({ key, value }).onConflict("key").merge();
  }
}
