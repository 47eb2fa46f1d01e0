// @aitbc/stack: the whole AITBC marketplace on one machine, for `npm start`, tests and CI.
export {
  startStack,
  StackIncompleteError,
  type StartStackOptions,
  type RunningStack,
  type StackStep,
  type ServiceCrash,
  type ServiceStatus,
} from "./start/start-stack.js";
export type { StackUrls, DevCredentials, DevAccount } from "./files/stack-files.js";
export { stackPaths, defaultDataDir, type StackPaths } from "./files/stack-paths.js";
export { planPorts, DEFAULT_PORTS, PORT_VARIABLES, type PortPlan } from "./ports/port-plan.js";
export { PortInUseError } from "./ports/port-check.js";
export { StackRunningError } from "./process/stack-lock.js";
export { ServiceStartError } from "./process/wait-healthy.js";
export { resetStack, type ResetResult } from "./reset-stack.js";
