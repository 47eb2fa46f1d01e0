// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

// The operations of spec/openapi/node.yaml, for registerRoutes() in @aitbc/server-lib.
import type { RouteHandlers, RouteTable } from "@aitbc/server-lib";
import type { NodeTypes as T } from "@aitbc/sdk";

/** Each operation's request (hey-api's `…Data`) and responses (`…Responses`). */
export interface NodeOperations {
  getHealth: { data: T.GetHealthData; responses: T.GetHealthResponses };
  getChain: { data: T.GetChainData; responses: T.GetChainResponses };
  getLatestBlock: { data: T.GetLatestBlockData; responses: T.GetLatestBlockResponses };
  getBlock: { data: T.GetBlockData; responses: T.GetBlockResponses };
  listBlocks: { data: T.ListBlocksData; responses: T.ListBlocksResponses };
  getTransaction: { data: T.GetTransactionData; responses: T.GetTransactionResponses };
  submitTransaction: { data: T.SubmitTransactionData; responses: T.SubmitTransactionResponses };
  listTransactions: { data: T.ListTransactionsData; responses: T.ListTransactionsResponses };
  getAccount: { data: T.GetAccountData; responses: T.GetAccountResponses };
  getEscrow: { data: T.GetEscrowData; responses: T.GetEscrowResponses };
  getDeposit: { data: T.GetDepositData; responses: T.GetDepositResponses };
  getSettlement: { data: T.GetSettlementData; responses: T.GetSettlementResponses };
  getBond: { data: T.GetBondData; responses: T.GetBondResponses };
  getVerificationPool: { data: T.GetVerificationPoolData; responses: T.GetVerificationPoolResponses };
  getSyncStatus: { data: T.GetSyncStatusData; responses: T.GetSyncStatusResponses };
  listEquivocations: { data: T.ListEquivocationsData; responses: T.ListEquivocationsResponses };
  requestFaucet: { data: T.RequestFaucetData; responses: T.RequestFaucetResponses };
}

export const nodeRouteTable: RouteTable<NodeOperations> = {
  getHealth: { method: "get", path: "/api/v1/health" },
  getChain: { method: "get", path: "/api/v1/chain" },
  getLatestBlock: { method: "get", path: "/api/v1/block/latest" },
  getBlock: { method: "get", path: "/api/v1/block/:height" },
  listBlocks: { method: "get", path: "/api/v1/blocks" },
  getTransaction: { method: "post", path: "/api/v1/transaction/get" },
  submitTransaction: { method: "post", path: "/api/v1/transaction/submit" },
  listTransactions: { method: "get", path: "/api/v1/transactions" },
  getAccount: { method: "get", path: "/api/v1/account/:address" },
  getEscrow: { method: "get", path: "/api/v1/escrow/:job_id" },
  getDeposit: { method: "get", path: "/api/v1/deposits/:address" },
  getSettlement: { method: "get", path: "/api/v1/settlements/:batch_id" },
  getBond: { method: "get", path: "/api/v1/bonds/:address" },
  getVerificationPool: { method: "get", path: "/api/v1/verification-pool" },
  getSyncStatus: { method: "get", path: "/api/v1/sync/status" },
  listEquivocations: { method: "get", path: "/api/v1/evidence/equivocations" },
  requestFaucet: { method: "post", path: "/api/v1/faucet" },
};

/** Handlers of some of the operations (all of them by default), for one route module. */
export type NodeHandlers<K extends keyof NodeOperations = keyof NodeOperations> = Pick<
  RouteHandlers<NodeOperations>,
  K
>;
