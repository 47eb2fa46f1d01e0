// `npm run reset`: deletes the dev stack's data dir (chain, accounts, keys, logs).
import { defaultDataDir } from "./files/stack-paths.js";
import { showPath } from "./report/terminal.js";
import { resetStack } from "./reset-stack.js";

try {
  const result = resetStack(defaultDataDir());
  console.log(
    result.removed
      ? `Removed ${showPath(result.dataDir)}: the next npm start makes a new dev chain, keys and accounts.`
      : `Nothing to reset: ${showPath(result.dataDir)} does not exist.`,
  );
} catch (err) {
  console.error(`✖ ${(err as Error).message}`);
  process.exit(1);
}
