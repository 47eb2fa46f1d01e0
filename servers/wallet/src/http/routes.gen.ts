// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

// The operations of spec/openapi/wallet.yaml, for registerRoutes() in @aitbc/server-lib.
import type { RouteHandlers, RouteTable } from "@aitbc/server-lib";
import type { WalletTypes as T } from "@aitbc/sdk";

/** Each operation's request (hey-api's `…Data`) and responses (`…Responses`). */
export interface WalletOperations {
  getHealth: { data: T.GetHealthData; responses: T.GetHealthResponses };
  getBalance: { data: T.GetBalanceData; responses: T.GetBalanceResponses };
  createTransfer: { data: T.CreateTransferData; responses: T.CreateTransferResponses };
  listTransactions: { data: T.ListTransactionsData; responses: T.ListTransactionsResponses };
  createAccount: { data: T.CreateAccountData; responses: T.CreateAccountResponses };
  lockEscrow: { data: T.LockEscrowData; responses: T.LockEscrowResponses };
  getDeposit: { data: T.GetDepositData; responses: T.GetDepositResponses };
  lockDeposit: { data: T.LockDepositData; responses: T.LockDepositResponses };
  withdrawDeposit: { data: T.WithdrawDepositData; responses: T.WithdrawDepositResponses };
  releaseDeposit: { data: T.ReleaseDepositData; responses: T.ReleaseDepositResponses };
  getWalletBond: { data: T.GetWalletBondData; responses: T.GetWalletBondResponses };
  lockBond: { data: T.LockBondData; responses: T.LockBondResponses };
  unlockBond: { data: T.UnlockBondData; responses: T.UnlockBondResponses };
  releaseBond: { data: T.ReleaseBondData; responses: T.ReleaseBondResponses };
}

export const walletRouteTable: RouteTable<WalletOperations> = {
  getHealth: { method: "get", path: "/api/v1/health" },
  getBalance: { method: "get", path: "/api/v1/wallet/balance" },
  createTransfer: { method: "post", path: "/api/v1/wallet/transfer" },
  listTransactions: { method: "get", path: "/api/v1/wallet/transactions" },
  createAccount: { method: "post", path: "/api/v1/wallet/accounts" },
  lockEscrow: { method: "post", path: "/api/v1/wallet/escrow/lock" },
  getDeposit: { method: "get", path: "/api/v1/wallet/deposit" },
  lockDeposit: { method: "post", path: "/api/v1/wallet/deposit/lock" },
  withdrawDeposit: { method: "post", path: "/api/v1/wallet/deposit/withdraw" },
  releaseDeposit: { method: "post", path: "/api/v1/wallet/deposit/release" },
  getWalletBond: { method: "get", path: "/api/v1/wallet/bond" },
  lockBond: { method: "post", path: "/api/v1/wallet/bond/lock" },
  unlockBond: { method: "post", path: "/api/v1/wallet/bond/unlock" },
  releaseBond: { method: "post", path: "/api/v1/wallet/bond/release" },
};

/** Handlers of some of the operations (all of them by default), for one route module. */
export type WalletHandlers<K extends keyof WalletOperations = keyof WalletOperations> = Pick<
  RouteHandlers<WalletOperations>,
  K
>;
