// Step 1.3 (`aitbc-cli.sh admin-miners`): the provider's miner is registered and online, and says
// which models it serves; the scenario's job asks for one of them.
import type { ScenarioCase } from "../scenario-case.js";

interface Miner {
  miner_id: string;
  provider_id: string;
  status: string;
  models: Array<{ name: string }>;
}

export const minerOnline: ScenarioCase = {
  id: "1.3b",
  title: "The admin sees the provider's miner online with the models it serves",
  needsRealState: true,
  thenChecks: "an online miner of the provider serves at least one model",
  async given(ctx) {
    ctx.keyOf("admin");
  },
  async when(ctx) {
    const res = await ctx.call("coordinator", "GET", "/v1/admin/miners", { as: "admin" });
    const miners = (res.body as { miners: Miner[] }).miners;
    const model = miners.flatMap((m) => m.models.map((x) => x.name))[0];
    if (model) ctx.remember("model", model);
  },
  async then(ctx) {
    const providerId = ctx.need("providerId");
    const res = await ctx.call("coordinator", "GET", "/v1/admin/miners", {
      as: "admin",
      query: { provider_id: providerId },
    });
    const miners = (res.body as { miners: Miner[] }).miners;
    const online = miners.filter((m) => m.status === "online" && m.models.length > 0);
    ctx.check(
      "an online miner of the provider serves a model",
      online.length > 0,
      online.length
        ? `${online[0]!.miner_id}: ${online[0]!.models.map((m) => m.name).join(", ")}`
        : `${miners.length} miners, none online with a model`,
    );
    if (online[0]) ctx.remember("model", online[0].models[0]!.name);
    ctx.remember(
      "servedModels",
      online.flatMap((m) => m.models.map((x) => x.name)),
    );
  },
};
