// The provider's side of `aitbc services`: register, update, deactivate and list its own
// services. Definitions come from a JSON or YAML file with the fields of the API's body.
import { paginate, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";
import { UsageError } from "../output/explain-error.js";
import type { Output } from "../output/output.js";
import { readServiceFile } from "./service-file.js";
import { priceText } from "../output/price.js";

export const PROVIDER_ACTIONS = ["register", "update", "deactivate", "mine"] as const;
export type ProviderAction = (typeof PROVIDER_ACTIONS)[number];

export function isProviderAction(word: string | undefined): word is ProviderAction {
  return (PROVIDER_ACTIONS as readonly string[]).includes(word ?? "");
}

export async function runProviderAction(
  action: ProviderAction,
  args: string[],
  client: AitbcClient,
  out: Output,
): Promise<unknown> {
  const want = (n: number, usage: string) => {
    if (args.length !== n) throw new UsageError(`Usage: aitbc services ${usage}`);
  };
  switch (action) {
    case "register": {
      want(1, "register FILE (JSON or YAML with service_id, name, type, specs, pricing, …)");
      const body = readServiceFile(args[0]!) as CoordinatorTypes.ServiceRegistration;
      const service = await client.coordinator.registerService({ body });
      out.line(`✅ Service ${service.service_id} registered (${service.status}).`);
      out.line(`→ Customers find it with: aitbc services ${service.service_id}`);
      return service;
    }
    case "update": {
      want(2, "update SERVICE_ID FILE (only the fields to change)");
      const body = readServiceFile(args[1]!) as CoordinatorTypes.ServiceUpdate;
      const service = await client.coordinator.updateService({
        path: { service_id: args[0]! },
        body,
      });
      out.line(`✅ Service ${service.service_id} updated.`);
      return service;
    }
    case "deactivate": {
      want(1, "deactivate SERVICE_ID");
      const service = await client.coordinator.deactivateService({
        path: { service_id: args[0]! },
      });
      out.line(`✅ Service ${service.service_id} deactivated: no new jobs are matched to it.`);
      return service;
    }
    case "mine": {
      want(0, "mine");
      const me = await client.coordinator.getMe();
      const services: CoordinatorTypes.Service[] = [];
      for await (const s of paginate(client.coordinator, "listServices", {
        provider_id: me.id,
        status: "all",
        limit: 100,
      }))
        services.push(s);
      out.line(
        services.length === 0
          ? "You have no services yet: aitbc services register service.yaml"
          : out.table(
              ["service", "status", "price", "models now", "miners"],
              services.map((s) => [
                s.service_id,
                s.status,
                priceText(s.pricing),
                s.models.join(", ") || "-",
                s.online_miners,
              ]),
            ),
      );
      return { provider_id: me.id, services };
    }
  }
}
