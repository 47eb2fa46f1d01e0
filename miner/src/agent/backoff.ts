// The agent's retry delays and pauses are the SDK's (one backoff policy, one sleep for every
// package); this module keeps the agent's own import path for them.
export { createBackoff, sleep, type Backoff } from "@aitbc/sdk";
