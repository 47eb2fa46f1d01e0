// The public entry of @aitbc/exchange, used by the dev stack and by tests.
export { startExchange, type RunningExchange } from "./start.js";
export { buildApp, type ExchangeDeps } from "./app.js";
export { loadExchangeConfig, DEFAULT_BITCOIN_API_URL, type ExchangeConfig } from "./config.js";
export { startFakeEsplora, type FakeEsplora } from "./fake-bitcoin/fake-esplora-server.js";
export { esploraNetwork } from "./domain/bitcoin/esplora-network.js";
export type { BitcoinNetwork, BitcoinPayment } from "./domain/bitcoin/bitcoin-network.js";
