// `aitbc services [filters]` and `aitbc services <service_id>`: browse the marketplace.
import { paginate, tokenPriceLabel, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";
import { amountOption, booleanOption, intOption, stringOption } from "../args.js";
import { UsageError } from "../output/explain-error.js";
import { formatFields } from "../output/table.js";
import { priceText } from "../output/price.js";
import type { Command } from "./command.js";
import { isProviderAction, runProviderAction } from "./provider-services.js";

function describe(s: CoordinatorTypes.Service): string {
  return formatFields([
    ["Service", `${s.service_id}: ${s.name}`],
    ["Provider", s.provider_id],
    ["Type", s.type],
    ["Status", `${s.status}${s.available_now ? ", available now" : ", not available now"}`],
    [
      "Price",
      tokenPriceLabel(s.pricing) ??
        `${s.pricing.rate_per_hour} ${s.pricing.currency}/hour (per GPU-second)`,
    ],
    ["GPU", `${s.specs.gpu_type}, ${s.specs.memory}`],
    ["Hardware", `${hardwareLabel(s)}: ${s.hardware.reason}`],
    ...(s.hardware.throughput_shortfall
      ? ([["Throughput", shortfallText(s.hardware.throughput_shortfall)]] as Array<
          [string, string]
        >)
      : []),
    ["Frameworks", s.specs.supported_frameworks?.join(", ")],
    ["Models now", s.models.length ? s.models.join(", ") : "none (no online miner)"],
    ["Online miners", s.online_miners],
    [
      "Rating",
      s.rating_average === null
        ? "no reviews yet"
        : `${s.rating_average} (${s.rating_count} reviews)`,
    ],
    [
      "Window",
      s.availability ? `${s.availability.start_time} → ${s.availability.end_time}` : "always",
    ],
    ...(s.description ? ([["About", s.description]] as Array<[string, string]>) : []),
    ["Bond", bondText(s.bond)],
  ]);
}

/** "verified" or "unverified hardware": whether an online miner of the provider has the claimed GPU. */
function hardwareLabel(s: CoordinatorTypes.Service): string {
  return s.hardware.verified ? "verified" : "unverified hardware";
}

function shortfallText(t: CoordinatorTypes.ThroughputShortfall): string {
  return (
    `shortfall: job ${t.job_id} ran at ${t.tokens_per_s} tokens/s on miner ${t.miner_id}, ` +
    `where a ${t.gpu_class} should reach ${t.expected_tokens_per_s}`
  );
}

/** "Bond 10 AITBC" / "No bond", and whether it meets the marketplace's minimum. */
export function bondText(b: CoordinatorTypes.ServiceBond): string {
  const held = b.amount > 0 ? `${b.amount} AITBC` : "none";
  if (b.required === 0) return held;
  return `${held} (${b.meets_minimum ? "meets" : "below"} the minimum of ${b.required} AITBC${b.meets_minimum ? "" : ": not matched"})`;
}

export const servicesCommand: Command = {
  name: "services",
  summary: "browse services, show one, or (providers) register, update, deactivate and list yours",
  synopsis: "services [filters] | <id> | register …",
  usage:
    "services [--type T] [--min-price N] [--max-price N] [--unit-type U] [--max-price-per-1k-tokens N]\n         [--available-now] [--model M] [--framework F] [--verified-only] [--min-bond N] [--limit N] [--cursor C | --all]\nservices <service_id>\nservices register FILE\nservices update <service_id> FILE\nservices deactivate <service_id>\nservices mine",
  help: `Options:
  --type T          service type, for example gpu_compute
  --min-price N     lowest rate per hour (AITBC)
  --max-price N     highest rate per hour (AITBC); both leave token-priced services out
  --unit-type U     gpu_seconds (priced per hour) or tokens (priced per 1,000 tokens)
  --max-price-per-1k-tokens N
                    token-priced services whose output price per 1k tokens is at most N (AITBC)
  --available-now   only services whose availability window is open now
  --model M         only services an online miner can run M on (for example aitbc-tiny:latest)
  --framework F     only services listing framework F
  --provider ID     only this provider's services
  --verified-only   only services whose claimed GPU and memory an online miner of the provider has
  --min-bond N      only providers with an active bond of at least N AITBC
  --limit N         page size (default 20)
  --cursor C        the page after the one that printed "--cursor C"
  --all             every page, one after the other (--limit sets how many per request)

Providers (these use the provider's key):
  register FILE          a new service from a JSON or YAML file with the API's fields:
                         service_id, name, type, specs {gpu_type, memory, …}, pricing
                         {rate_per_hour, currency: AITBC} or {unit_type: tokens,
                         price_per_1k_output_tokens, price_per_1k_input_tokens (optional),
                         currency: AITBC}, availability (optional)
  update ID FILE         change the fields the file names
  deactivate ID          stop new jobs being matched to the service
  mine                   your services, active or not
  A marketplace with a minimum bond lists a service only once its provider has posted one:
  aitbc bond lock <amount>.

Examples:
  aitbc services --model aitbc-tiny:latest --available-now
  aitbc services register service.yaml`,
  identity: "customer",
  identityFor: (positionals) => (isProviderAction(positionals[0]) ? "provider" : undefined),
  options: {
    type: { type: "string" },
    "min-price": { type: "string" },
    "max-price": { type: "string" },
    "unit-type": { type: "string" },
    "max-price-per-1k-tokens": { type: "string" },
    "available-now": { type: "boolean" },
    model: { type: "string" },
    framework: { type: "string" },
    provider: { type: "string" },
    "verified-only": { type: "boolean" },
    "min-bond": { type: "string" },
    limit: { type: "string" },
    cursor: { type: "string" },
    all: { type: "boolean" },
  },
  async run({ client, out, values, positionals }) {
    const [first, ...rest] = positionals;
    if (isProviderAction(first)) return runProviderAction(first, rest, client, out);
    if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
    if (positionals.length === 1) {
      const service = await client.coordinator.getService({
        path: { service_id: positionals[0]! },
      });
      const reputation = await client.coordinator.getProviderReputation({
        path: { provider_id: service.provider_id },
      });
      out.line(describe(service));
      out.line("");
      out.line(
        formatFields([
          [
            "Provider",
            `${reputation.provider_id}${reputation.name ? ` (${reputation.name})` : ""}`,
          ],
          ["Jobs", `${reputation.jobs_completed} completed, ${reputation.jobs_failed} failed`],
          [
            "Completion",
            reputation.completion_rate === null
              ? "-"
              : `${Math.round(reputation.completion_rate * 100)} %`,
          ],
          [
            "Median time",
            reputation.median_duration_s === null ? "-" : `${reputation.median_duration_s} s`,
          ],
        ]),
      );
      return { service, reputation };
    }
    const minPrice = amountOption(values, "min-price");
    const maxPrice = amountOption(values, "max-price");
    const maxTokenPrice = amountOption(values, "max-price-per-1k-tokens");
    const unitType = stringOption(values, "unit-type");
    if (unitType !== undefined && unitType !== "gpu_seconds" && unitType !== "tokens")
      throw new UsageError(`--unit-type must be gpu_seconds or tokens, got "${unitType}".`);
    const minBond = amountOption(values, "min-bond");
    const query: NonNullable<CoordinatorTypes.ListServicesData["query"]> = {
      limit: intOption(values, "limit", { min: 1, max: 100 }) ?? 20,
      ...(stringOption(values, "type") ? { type: stringOption(values, "type") } : {}),
      ...(minPrice ? { min_price: Number(minPrice) } : {}),
      ...(maxPrice ? { max_price: Number(maxPrice) } : {}),
      ...(unitType ? { unit_type: unitType } : {}),
      ...(maxTokenPrice ? { max_price_per_1k_tokens: Number(maxTokenPrice) } : {}),
      ...(booleanOption(values, "available-now") ? { available_now: true } : {}),
      ...(stringOption(values, "model") ? { model: stringOption(values, "model") } : {}),
      ...(stringOption(values, "framework")
        ? { framework: stringOption(values, "framework") }
        : {}),
      ...(stringOption(values, "provider")
        ? { provider_id: stringOption(values, "provider") }
        : {}),
      ...(booleanOption(values, "verified-only") ? { verified_only: true } : {}),
      ...(minBond ? { min_bond: Number(minBond) } : {}),
    };
    const cursor = stringOption(values, "cursor");
    const all = booleanOption(values, "all");
    if (cursor && all) throw new UsageError("--cursor and --all exclude each other.");
    const page: CoordinatorTypes.ServiceList = all
      ? await everyService(client, query)
      : await client.coordinator.listServices({ query: cursor ? { ...query, cursor } : query });
    out.line(
      page.services.length === 0
        ? "No services match."
        : out.table(
            [
              "service",
              "provider",
              "type",
              "price",
              "models now",
              "miners",
              "available",
              "rating",
              "hardware",
              "bond",
            ],
            page.services.map((s) => [
              s.service_id,
              s.provider_id,
              s.type,
              priceText(s.pricing),
              s.models.join(", ") || "-",
              s.online_miners,
              s.available_now ? "yes" : "no",
              s.rating_average === null ? "-" : `${s.rating_average} (${s.rating_count})`,
              hardwareLabel(s) + (s.hardware.throughput_shortfall ? ", slow" : ""),
              s.bond.amount > 0 ? `${s.bond.amount} AITBC` : "-",
            ]),
          ),
    );
    if (page.page.next_cursor)
      out.line(
        `(more: add --cursor ${page.page.next_cursor} for the next page, or --all for every page)`,
      );
    return page;
  },
};

async function everyService(
  client: AitbcClient,
  query: NonNullable<CoordinatorTypes.ListServicesData["query"]>,
): Promise<CoordinatorTypes.ServiceList> {
  const services: CoordinatorTypes.Service[] = [];
  for await (const service of paginate(client.coordinator, "listServices", query))
    services.push(service);
  return { services, page: { limit: query.limit ?? 20, next_cursor: null } };
}
