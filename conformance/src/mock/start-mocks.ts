// Prism mocks of every bundled OpenAPI document, on free ports or the local stack's default ports.
// They start in parallel; if one fails, the ones already running are stopped before the error is
// thrown.
import { DEFAULT_PORTS } from "@aitbc/sdk";
import { listOpenApiFiles } from "../spec/documents.js";
import { freePort, isPortFree } from "./free-port.js";
import { startPrism, type PrismProcess } from "./prism-process.js";

/** The local stack's default port of each mocked service, so a client needs no other URL. */
export const DEFAULT_MOCK_PORTS: Readonly<Record<string, number>> = {
  coordinator: DEFAULT_PORTS.coordinator,
  node: DEFAULT_PORTS.nodes[0]!,
  wallet: DEFAULT_PORTS.wallet,
  exchange: DEFAULT_PORTS.exchange,
};
/** The earlier name of DEFAULT_MOCK_PORTS, kept for existing callers. */
export const SEED_PORTS = DEFAULT_MOCK_PORTS;

export interface MockSet {
  mocks: PrismProcess[];
  /** Base URL by document name. */
  urls: Record<string, string>;
  stop(): Promise<void>;
}

export interface StartMocksOptions {
  bundledDir?: string;
  /** Explicit spec files instead of every bundled document (name → file). */
  specFiles?: Record<string, string>;
  /** Listen on the local stack's default ports (DEFAULT_MOCK_PORTS) instead of free ones. */
  defaultPorts?: boolean;
  /** The earlier name of `defaultPorts`, kept for existing callers. */
  seedPorts?: boolean;
  host?: string;
  onLine?: (name: string, line: string) => void;
}

function nameOf(file: string): string {
  return file.replace(/^.*\//, "").replace(/\.openapi\.json$/, "");
}

export async function startMocks(options: StartMocksOptions = {}): Promise<MockSet> {
  const host = options.host ?? "127.0.0.1";
  const files =
    options.specFiles ??
    Object.fromEntries(listOpenApiFiles(options.bundledDir).map((f) => [nameOf(f), f]));
  const ports: Record<string, number> = {};
  for (const name of Object.keys(files)) {
    if (options.defaultPorts || options.seedPorts) {
      const port = DEFAULT_MOCK_PORTS[name];
      if (port === undefined) throw new Error(`no default port for ${name}`);
      if (!(await isPortFree(port, host)))
        throw new Error(
          `port ${port} (${name}) is in use: stop what runs there (npm start?) first`,
        );
      ports[name] = port;
    } else {
      ports[name] = await freePort(host);
    }
  }
  const settled = await Promise.allSettled(
    Object.entries(files).map(([name, specFile]) =>
      startPrism({
        name,
        specFile,
        port: ports[name]!,
        host,
        onLine: options.onLine && ((line) => options.onLine!(name, line)),
      }),
    ),
  );
  const mocks = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const stop = async () => {
    await Promise.all(mocks.map((m) => m.stop()));
  };
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return { mocks, urls: Object.fromEntries(mocks.map((m) => [m.name, m.url])), stop };
}
