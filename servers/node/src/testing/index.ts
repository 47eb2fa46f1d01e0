// Test support for packages that need a real chain: `@aitbc/node/testing`. Never imported by src/.
export * from "./test-chain.js";
