// Starts the stack, the exchange with its page and the page servers once for every test file.
import type { TestProject } from "vitest/node";
import { chromiumMissingReason } from "../src/chromium.js";
import { screenshotDir } from "../src/screenshots.js";
import { startTestStack, type ProvidedStack } from "../src/test-stack.js";

declare module "vitest" {
  export interface ProvidedContext {
    stack: ProvidedStack | null;
    screenshots: string;
  }
}

export default async function setup(project: TestProject) {
  const shots = screenshotDir();
  project.provide("screenshots", shots);
  const missing = chromiumMissingReason();
  if (missing) {
    console.warn(`\n[e2e] SKIPPING the browser tests: ${missing}\n`);
    project.provide("stack", null);
    return;
  }
  const started = Date.now();
  const stack = await startTestStack();
  console.log(`[e2e] stack ready in ${Date.now() - started} ms; screenshots go to ${shots}`);
  const { stop, ...provided } = stack;
  project.provide("stack", provided);
  return async () => {
    await stop();
  };
}
