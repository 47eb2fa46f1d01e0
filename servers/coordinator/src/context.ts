// Wires the coordinator's parts together: repositories, domain services and background workers.
// buildApp() turns a context into HTTP routes; start.ts adds the WebSocket stream and listens.
import type { Knex, Logger, SecretSealer } from "@aitbc/server-lib";
import type { CoordinatorConfig } from "./config.js";
import { AccountsRepo } from "./data/accounts-repo.js";
import { ServicesRepo } from "./data/services-repo.js";
import { MinersRepo } from "./data/miners-repo.js";
import { JobsRepo } from "./data/jobs-repo.js";
import { JobAdminQueriesRepo } from "./data/job-admin-queries.js";
import { ReputationQueriesRepo } from "./data/reputation-queries.js";
import { JobEventsRepo } from "./data/job-events-repo.js";
import { ReceiptsRepo } from "./data/receipts-repo.js";
import { ThroughputRepo } from "./data/throughput-repo.js";
import { ReviewsRepo } from "./data/reviews-repo.js";
import { KeysRepo } from "./data/keys-repo.js";
import { ApiKeysRepo } from "./data/api-keys-repo.js";
import { OutboxRepo } from "./data/outbox-repo.js";
import { SettlementBatchesRepo } from "./data/settlement-batches-repo.js";
import { DepositsRepo } from "./data/deposits-repo.js";
import { knexIdempotency, knexTransactions } from "./data/knex-transactions.js";
import { ApiKeys } from "./domain/accounts/api-keys.js";
import type { AddressProvider } from "./domain/accounts/address-provider.js";
import { AccountService } from "./domain/accounts/account-service.js";
import { MinerPresence } from "./domain/miners/presence.js";
import { ServiceViews } from "./domain/services/service-view.js";
import { ServiceCatalog } from "./domain/services/service-catalog.js";
import { ReviewService } from "./domain/reviews/review-service.js";
import { Matcher } from "./domain/jobs/matcher.js";
import { JobTransitions } from "./domain/jobs/job-transitions.js";
import { JobService } from "./domain/jobs/job-service.js";
import { JobSweeper } from "./domain/jobs/job-sweeper.js";
import { MinerService } from "./domain/miners/miner-service.js";
import { ClaimService } from "./domain/miners/claim-service.js";
import { WorkReports } from "./domain/miners/work-reports.js";
import { ThroughputMonitor } from "./domain/hardware/throughput-monitor.js";
import { JobRelease } from "./domain/miners/job-release.js";
import { ReceiptKeyRing } from "./domain/receipts/receipt-keys.js";
import { OutboxWorker } from "./domain/settlement/outbox-worker.js";
import type { SettlementPort } from "./domain/settlement/settlement-port.js";
import { BatchWorker } from "./domain/settlement/batch-worker.js";
import type { BatchChainPort } from "./domain/settlement/batch-chain-port.js";
import type { DepositReader } from "./domain/deposits/deposit-reader.js";
import { DepositLedger } from "./domain/deposits/deposit-ledger.js";
import { BatchRequeue } from "./domain/admin/batch-requeue.js";
import type { SignalBus } from "./domain/events/signal-bus.js";
import { VerificationRepo } from "./data/verification-repo.js";
import { SpotChecks } from "./domain/verification/spot-checks.js";
import { VerificationWorker } from "./domain/verification/verification-worker.js";
import { SlashWorker } from "./domain/verification/slash-worker.js";
import { DisputeService } from "./domain/verification/dispute-service.js";
import type { SlashChainPort } from "./domain/verification/slash-chain-port.js";
import type { VerifierPayouts } from "./domain/verification/verifier-payouts.js";
import type { BondReader } from "./domain/bonds/bond-reader.js";
import { BondBook } from "./domain/bonds/bond-book.js";

/** What the coordinator is built from: the outside world it is given. */
export interface CoordinatorDeps {
  db: Knex;
  config: CoordinatorConfig;
  logger: Logger;
  settlement: SettlementPort;
  /** Where settlement batches of deposit-funded jobs go; none: they wait, owed. */
  batchChain?: BatchChainPort;
  /** The node's deposits; undefined without a node, and then no job is paid from a deposit. */
  depositReader: DepositReader | undefined;
  addresses: AddressProvider;
  bus: SignalBus;
  /** Seals secrets stored in the database (receipt keys, replayed responses with API keys). */
  sealer: SecretSealer;
  /** Where bond slashes go; none: they wait, recorded as pending. */
  slashChain?: SlashChainPort;
  /** Pays re-runs from the verification pool; none: their pay is recorded as pending. */
  verifierPayouts?: VerifierPayouts;
  /** The node's provider bonds; undefined without a node, and then every provider has none. */
  bondReader?: BondReader;
}

/** The knex repositories, one per table or family of queries. */
export interface CoordinatorRepos {
  accounts: AccountsRepo;
  services: ServicesRepo;
  miners: MinersRepo;
  jobs: JobsRepo;
  jobStats: JobAdminQueriesRepo;
  reputation: ReputationQueriesRepo;
  events: JobEventsRepo;
  receipts: ReceiptsRepo;
  reviews: ReviewsRepo;
  keys: KeysRepo;
  apiKeys: ApiKeysRepo;
  outbox: OutboxRepo;
  batches: SettlementBatchesRepo;
  deposits: DepositsRepo;
  verification: VerificationRepo;
  throughput: ThroughputRepo;
}

/** Everything the routes, the job stream and start/stop use: the coordinator, wired. */
export interface CoordinatorContext {
  db: Knex;
  config: CoordinatorConfig;
  logger: Logger;
  bus: SignalBus;
  repos: CoordinatorRepos;
  presence: MinerPresence;
  keys: ReceiptKeyRing;
  worker: OutboxWorker;
  /** Settles owed deposit reservations in batches. */
  batches: BatchWorker;
  settlement: SettlementPort;
  deposits: DepositLedger;
  sealer: SecretSealer;
  bonds: BondBook;
  apiKeys: ApiKeys;
  accounts: AccountService;
  catalog: ServiceCatalog;
  reviews: ReviewService;
  jobs: JobService;
  miners: MinerService;
  claims: ClaimService;
  reports: WorkReports;
  releases: JobRelease;
  sweeper: JobSweeper;
  /** Pays verification re-runs from the chain's pool; undefined without a node and settlement key. */
  verifierPayouts: VerifierPayouts | undefined;
  /** The operator's requeue of a refused settlement batch's items. */
  batchRequeue: BatchRequeue;
  /** Re-runs completed jobs (spot checks, disputes) and decides them. */
  verifier: VerificationWorker;
  /** Takes the slashes of failed checks to the chain. */
  slashes: SlashWorker;
  disputes: DisputeService;
}

export async function createContext(deps: CoordinatorDeps): Promise<CoordinatorContext> {
  const { db, config, logger, settlement, depositReader, addresses, bus, sealer } = deps;
  const repos: CoordinatorRepos = {
    accounts: new AccountsRepo(db),
    services: new ServicesRepo(db),
    miners: new MinersRepo(db),
    jobs: new JobsRepo(db),
    jobStats: new JobAdminQueriesRepo(db),
    reputation: new ReputationQueriesRepo(db),
    events: new JobEventsRepo(db),
    receipts: new ReceiptsRepo(db),
    reviews: new ReviewsRepo(db),
    keys: new KeysRepo(db),
    apiKeys: new ApiKeysRepo(db),
    outbox: new OutboxRepo(db),
    batches: new SettlementBatchesRepo(db),
    deposits: new DepositsRepo(db),
    verification: new VerificationRepo(db),
    throughput: new ThroughputRepo(db),
  };
  const transactions = knexTransactions(db);
  const presence = new MinerPresence(config.heartbeatIntervalS);
  const keys = await ReceiptKeyRing.load(transactions, repos.keys, sealer, config.receiptSecretKey);
  const apiKeys = new ApiKeys(transactions, repos.apiKeys, repos.accounts);
  const worker = new OutboxWorker(transactions, repos.outbox, repos.jobs, settlement, logger, {
    claimMs: config.settlementClaimMs,
    verificationFeeBps: config.verificationFeeBps,
  });
  const batches = new BatchWorker(transactions, repos.batches, deps.batchChain, logger, {
    minItems: config.settlementBatchMinItems,
    maxItems: config.settlementBatchMaxItems,
    intervalMs: config.settlementBatchIntervalMs,
    claimMs: config.settlementClaimMs,
    verificationFeeBps: config.verificationFeeBps,
  });
  // Whatever may have queued a release or made a reservation owed nudges both workers.
  const kick = () => {
    worker.kick();
    batches.kick();
  };
  const deposits = new DepositLedger(repos.deposits, depositReader, logger);
  const transitions = new JobTransitions(
    transactions,
    repos.jobs,
    repos.events,
    repos.outbox,
    bus,
    kick,
    deposits,
  );
  const bonds = new BondBook(deps.bondReader, repos.accounts, config.minBondMicro, logger);
  const views = new ServiceViews(
    repos.miners,
    repos.reviews,
    presence,
    bonds,
    repos.verification,
    repos.throughput,
  );
  const protocol = {
    heartbeatIntervalS: config.heartbeatIntervalS,
    leaseTtlS: config.leaseTtlS,
    claimWaitMaxS: config.claimWaitMaxS,
    claimRecheckMs: config.claimRecheckMs,
    chainId: config.chainId,
  };
  const minerService = new MinerService(transactions, repos.miners, repos.jobs, protocol);
  const slashes = new SlashWorker(repos.verification, repos.accounts, deps.slashChain, logger, {
    pollIntervalMs: config.sweepIntervalMs,
  });
  const verifier = new VerificationWorker(
    {
      transactions,
      store: repos.verification,
      jobs: repos.jobs,
      events: repos.events,
      transitions,
      receipts: repos.receipts,
      miners: repos.miners,
      presence,
      services: repos.services,
      accounts: repos.accounts,
      bus,
      logger,
      ...(deps.verifierPayouts ? { payouts: deps.verifierPayouts } : {}),
      onSlash: () => slashes.kick(),
    },
    {
      pollIntervalMs: config.sweepIntervalMs,
      disputeFeeMicro: config.disputeFeeMicro,
      slashPenaltyBps: config.slashPenaltyBps,
    },
  );
  const spotChecks = new SpotChecks(repos.verification, config.spotCheckRate, () =>
    verifier.kick(),
  );
  return {
    db,
    config,
    logger,
    bus,
    repos,
    presence,
    keys,
    worker,
    batches,
    settlement,
    deposits,
    sealer,
    bonds,
    apiKeys,
    accounts: new AccountService(transactions, repos.accounts, apiKeys, addresses, logger),
    catalog: new ServiceCatalog(repos.services, views, presence, bonds),
    reviews: new ReviewService(repos.reviews, repos.services, repos.jobs),
    jobs: new JobService(
      knexIdempotency(db),
      repos.jobs,
      repos.receipts,
      repos.outbox,
      new Matcher(repos.services, repos.miners, repos.reviews, presence, bonds),
      transitions,
      settlement,
      deposits,
      kick,
      logger,
    ),
    miners: minerService,
    claims: new ClaimService(
      transactions,
      repos.miners,
      minerService,
      repos.jobs,
      repos.events,
      bus,
      protocol,
    ),
    reports: new WorkReports(
      repos.jobs,
      repos.miners,
      repos.accounts,
      repos.receipts,
      transitions,
      keys,
      worker,
      {
        leaseTtlS: config.leaseTtlS,
        chainId: config.chainId,
        settleWaitMs: config.settleWaitMs,
        meteringToleranceMs: config.meteringToleranceMs,
      },
      new ThroughputMonitor(repos.services, repos.throughput),
      spotChecks,
    ),
    releases: new JobRelease(transitions, logger),
    sweeper: new JobSweeper(
      transactions,
      repos.jobs,
      repos.outbox,
      transitions,
      kick,
      { maxAttempts: config.maxAttempts, intervalMs: config.sweepIntervalMs },
      logger,
    ),
    verifierPayouts: deps.verifierPayouts,
    batchRequeue: new BatchRequeue(transactions, repos.batches, () => batches.kick()),
    verifier,
    slashes,
    disputes: new DisputeService(
      repos.jobs,
      repos.verification,
      transitions,
      { disputeWindowS: config.disputeWindowS },
      () => verifier.kick(),
    ),
  };
}
