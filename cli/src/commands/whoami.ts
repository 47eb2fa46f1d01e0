// `aitbc whoami`: which account the CLI's key belongs to, and where that key came from.
import { noPositionals } from "../args.js";
import { formatFields } from "../output/table.js";
import type { Command } from "./command.js";

export const whoamiCommand: Command = {
  name: "whoami",
  summary: "show the account behind the API key in use",
  synopsis: "whoami",
  usage: "whoami",
  identity: "customer",
  options: {},
  async run({ client, out, positionals, config }) {
    noPositionals(positionals);
    const me = await client.coordinator.getMe();
    out.line(
      formatFields([
        ["Account", `${me.id} (${me.name})`],
        ["Role", me.platform_admin ? `${me.role}, platform admin` : me.role],
        ["Tenant", me.tenant_id],
        ["Address", me.address ?? "none (the platform admin key has no chain account)"],
        ["Key from", config.source.apiKey],
      ]),
    );
    return me;
  },
};
