// Starts the dev stack (one validator, no exchange and no pages) in a temp dir on free ports, the
// way `npm start` runs it, and hands its URLs and dev keys to the test files.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStack, type DevCredentials, type StackUrls } from "@aitbc/stack";

export interface OutsiderStack {
  urls: StackUrls;
  credentials: DevCredentials;
}

declare module "vitest" {
  export interface ProvidedContext {
    outsiderStack: OutsiderStack;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "aitbc-getting-started-"));
  const logLevel = process.env.AITBC_LOG_LEVEL ?? "warn";
  const stack = await startStack({
    dataDir,
    ports: "free",
    validators: 1,
    exchange: false,
    web: false,
    logLevel,
    env: { ...process.env, AITBC_LOG_LEVEL: logLevel },
  });
  project.provide("outsiderStack", { urls: stack.urls, credentials: stack.credentials });
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
