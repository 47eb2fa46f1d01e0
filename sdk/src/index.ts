// Public surface of @aitbc/sdk. The generated clients live in ./gen (never edited by hand).
export {
  createAitbcClient,
  DEFAULT_URLS,
  type AitbcClient,
  type ServiceUrls,
  type AitbcClientOptions,
} from "./client.js";
export {
  DEFAULT_PORTS,
  DEFAULT_PORT_BASE,
  defaultPorts,
  defaultUrls,
  type DefaultPorts,
  type DefaultUrls,
} from "./ports.js";
export * from "./errors.js";
export {
  PROBLEM_CODES,
  TX_REJECT_REASONS,
  type ProblemCode,
  type TxRejectReason,
} from "./gen/problem-codes.gen.js";
export * from "./money.js";
export { Decimal } from "./decimal.js";
export {
  createRequestSender,
  newIdempotencyKey,
  type RequestSenderOptions,
} from "./http/request-sender.js";
export { toBase64Url, fromBase64Url } from "./crypto/base64url.js";
export { canonicalize, canonicalBytes, CanonicalizationError } from "./crypto/jcs.js";
export { sha256Hex, contentDigest, utf8, bytesToHex } from "./crypto/hash.js";
export {
  generateKeyPair,
  keyPairFromSecret,
  sign,
  verify,
  exportKeyPair,
  importSecretKey,
  type KeyPair,
} from "./crypto/ed25519.js";
export * from "./chain/index.js";
export * from "./jobs/index.js";
export * from "./timing/index.js";
export * from "./receipts/receipt.js";
export * from "./receipts/merkle.js";
export * from "./receipts/inclusion.js";
export * from "./receipts/output-agreement.js";
export * from "./pricing/token-cost.js";
export * from "./pricing/price-label.js";
export * from "./tokens/tiny-tokenizer.js";

export { CoordinatorApi } from "./gen/coordinator/sdk.gen.js";
export { NodeApi } from "./gen/node/sdk.gen.js";
export { WalletApi } from "./gen/wallet/sdk.gen.js";
export { ExchangeApi } from "./gen/exchange/sdk.gen.js";
export type * as CoordinatorTypes from "./gen/coordinator/types.gen.js";
export type * as NodeTypes from "./gen/node/types.gen.js";
export type * as WalletTypes from "./gen/wallet/types.gen.js";
export type * as ExchangeTypes from "./gen/exchange/types.gen.js";
export {
  paginate,
  type ListPage,
  type PageItem,
  type PaginateOptions,
  type ListOperation,
  type ListQuery,
  type ListResult,
} from "./paging/paginate.js";
