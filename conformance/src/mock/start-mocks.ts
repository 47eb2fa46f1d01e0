// Prism mocks of every bundled OpenAPI document, on free ports or the seed's ports. They start in
// parallel; if one fails, the ones already running are stopped before the error is thrown.
import { listOpenApiFiles } from "../spec/documents.js";
import { freePort, isPortFree } from "./free-port.js";
import { startPrism, type PrismProcess } from "./prism-process.js";

/** The documented default ports of the local stack (coordinator 18000, node 19000, …). */
export const SEED_PORTS: Record<string, number> = {
  coordinator: 18000,
  node: 19000,
  wallet: 20000,
  exchange: 23000,
};

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
    if (options.seedPorts) {
      const port = SEED_PORTS[name];
      if (port === undefined) throw new Error(`no seed port for ${name}`);
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
