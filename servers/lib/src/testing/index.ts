// Test support shared by the servers' suites: `@aitbc/server-lib/testing`. Never imported by src/.
export * from "./coordinator-double.js";
export * from "./failure.js";
export * from "./poll-until.js";
export * from "./killable-child.js";
