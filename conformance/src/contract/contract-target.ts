// Where a document's service runs, and whether it is a mock or a real implementation.
import type { TargetMode } from "../mock/detect-target.js";

export interface ContractTarget {
  baseUrl: string;
  mode: TargetMode;
}
