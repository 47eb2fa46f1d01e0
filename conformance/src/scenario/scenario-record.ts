// What a real scenario run proved, kept in a file in the stack's data directory so that the next
// run (after a restart of the stack) can check that none of it was lost. It holds that run's
// customer key, so it is written readable by the owner only, like dev-credentials.json.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";

export const RECORD_FILE_NAME = "conformance-scenario.json";

export interface ScenarioRecord {
  version: 1;
  run_id: string;
  recorded_at: string;
  service_id: string;
  customer: { id: string; api_key: string; address: string; balance_micro: string };
  provider: { id: string; address: string; balance_micro: string; rating_count: number };
  job: { job_id: string; receipt_id: string; receipt_hash: string };
  settlement: { tx_hash: string; block_height: number; block_hash: string };
}

export function readScenarioRecord(file: string): ScenarioRecord | undefined {
  if (!existsSync(file)) return undefined;
  const record = JSON.parse(readFileSync(file, "utf8")) as ScenarioRecord;
  if (record.version !== 1) throw new Error(`${file}: unknown record version ${record.version}`);
  return record;
}

export function writeScenarioRecord(file: string, record: ScenarioRecord): void {
  writeFileSync(file, JSON.stringify(record, null, 2) + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
}
