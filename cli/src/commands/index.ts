// Every verb of the CLI, in the order `aitbc --help` lists them (scripts/aitbc-cli.sh runs the same).
import type { Command } from "./command.js";
import {
  adminJobsCommand,
  adminMinersCommand,
  adminRequeueBatchCommand,
  adminStatsCommand,
} from "./admin.js";
import { browserCommand } from "./browser.js";
import { buyCommand } from "./buy.js";
import { cancelCommand } from "./cancel.js";
import { completionCommand } from "./completion.js";
import { depositCommand } from "./deposit.js";
import { disputeCommand } from "./dispute.js";
import { bondCommand } from "./bond.js";
import { earningsCommand } from "./earnings.js";
import { jobsCommand } from "./jobs.js";
import { keysCommand } from "./keys.js";
import { rateCommand } from "./rate.js";
import { whoamiCommand } from "./whoami.js";
import { healthCommand } from "./health.js";
import { receiptsCommand } from "./receipts.js";
import { resultsCommand } from "./results.js";
import { servicesCommand } from "./services.js";
import { statusCommand } from "./status.js";
import { submitCommand } from "./submit.js";
import { walletCommand } from "./wallet.js";

export const COMMANDS: readonly Command[] = [
  healthCommand,
  servicesCommand,
  submitCommand,
  statusCommand,
  resultsCommand,
  jobsCommand,
  cancelCommand,
  rateCommand,
  disputeCommand,
  receiptsCommand,
  browserCommand,
  walletCommand,
  depositCommand,
  buyCommand,
  whoamiCommand,
  keysCommand,
  earningsCommand,
  bondCommand,
  completionCommand(() => COMMANDS),
  adminMinersCommand,
  adminJobsCommand,
  adminStatsCommand,
  adminRequeueBatchCommand,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
