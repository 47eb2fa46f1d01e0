import type { CoordinatorContext } from "../../context.js";
import { providerReputation } from "../../domain/reviews/reputation.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function providerRoutes(
  ctx: CoordinatorContext,
): CoordinatorHandlers<"getProviderReputation"> {
  return {
    async getProviderReputation({ path }) {
      return { status: 200, body: await providerReputation(ctx.repos, path.provider_id) };
    },
  };
}
