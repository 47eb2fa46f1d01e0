// Waiting: one sleep, one backoff policy and one polling loop for the SDK and its users.
export { sleep } from "./sleep.js";
export { backoffDelay, createBackoff, type Backoff, type BackoffPolicy } from "./backoff.js";
export { pollUntil, PollTimeoutError, type PollOptions } from "./poll-until.js";
