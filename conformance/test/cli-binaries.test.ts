// The built command-line entry points as a user runs them: exit codes, output lines, and that
// mock-run leaves no Prism process behind, whether the run passes or fails.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FIXTURE_FILE,
  json,
  operationOf,
  PROBLEM_400,
  startServer,
  widgetsDocument,
} from "./helpers.js";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
let work: string;

interface RunResult {
  code: number;
  out: string;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], cwd = work): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(DIST, script), ...args],
      { cwd, timeout: 90_000 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({
          code: typeof code === "number" ? code : 1,
          out: stdout + stderr,
          stdout,
          stderr,
        });
      },
    );
  });
}

function specDir(name: string, mutate?: Parameters<typeof widgetsDocument>[0]): string {
  const dir = join(work, name);
  mkdirSync(dir);
  if (mutate)
    writeFileSync(
      join(dir, "coordinator.openapi.json"),
      JSON.stringify(widgetsDocument(mutate).doc),
    );
  else copyFileSync(FIXTURE_FILE, join(dir, "coordinator.openapi.json"));
  return dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "aitbc-bin-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("aitbc-conformance", () => {
  it("prints its usage with --help and exits 0", async () => {
    const { code, out } = await run("cli.js", ["--help"]);
    expect(code).toBe(0);
    expect(out).toContain("Usage: aitbc-conformance");
  });

  it("exits 2 and says what to do when it has no URLs", async () => {
    const { code, out } = await run("cli.js", []);
    expect(code).toBe(2);
    expect(out).toContain("no service URLs");
  });

  it("exits 0 for a conforming service and 1 for a broken one", async () => {
    const dir = specDir("spec-a");
    let broken = false;
    const server = await startServer((req, body, res) => {
      if (req.method === "POST") {
        const parsed = JSON.parse(body) as Record<string, unknown>;
        if (
          Object.keys(parsed).sort().join(",") !== "name,size" ||
          typeof parsed.name !== "string" ||
          typeof parsed.size !== "number"
        )
          return json(res, 400, PROBLEM_400, "application/problem+json");
        return json(res, 201, { id: "w-9", ...parsed });
      }
      if (!/^\/v1\/widgets\/w-[0-9]+$/.test(req.url ?? ""))
        return json(res, 400, PROBLEM_400, "application/problem+json");
      json(res, 200, broken ? { id: "w-1" } : { id: "w-1", name: "gear", size: 3 });
    });
    try {
      const ok = await run("cli.js", [
        "--spec-dir",
        dir,
        "--coordinator",
        server.url,
        "--api-key",
        "k",
      ]);
      expect(ok.out).toContain("(implementation: answers unknown paths itself)");
      expect(ok.out).toMatch(
        /^PASS {2}contract {2}coordinator {2}POST \/v1\/widgets \(createWidget\) {2}→ 201/m,
      );
      expect(ok.out).toContain("6 passed, 0 failed, 0 skipped");
      expect(ok.code).toBe(0);
      broken = true;
      const bad = await run("cli.js", [
        "--spec-dir",
        dir,
        "--coordinator",
        server.url,
        "--api-key",
        "k",
      ]);
      expect(bad.out).toMatch(
        /^FAIL {2}contract {2}coordinator {2}GET \/v1\/widgets\/\{widget_id\} \(getWidget\) {2}→ 200 application\/json body does not match the schema/m,
      );
      expect(bad.code).toBe(1);

      const asJson = await run("cli.js", [
        ...["--spec-dir", dir, "--coordinator", server.url, "--api-key", "k"],
        ...["--reporter", "json"],
      ]);
      expect(asJson.code).toBe(1);
      const report = JSON.parse(asJson.stdout) as {
        passed: boolean;
        summary: { pass: number; fail: number };
        checks: { outcome: string; subject: string; detail: string }[];
      };
      expect(report.passed).toBe(false);
      expect(report.summary.fail).toBeGreaterThan(0);
      expect(report.checks).toContainEqual(
        expect.objectContaining({
          outcome: "fail",
          subject: "GET /v1/widgets/{widget_id} (getWidget)",
        }),
      );
      // The live lines still reach the user, on stderr, so stdout stays one JSON document.
      expect(asJson.stderr).toMatch(/^FAIL {2}contract/m);

      const xmlFile = join(work, "report.xml");
      const asJunit = await run("cli.js", [
        ...["--spec-dir", dir, "--coordinator", server.url, "--api-key", "k"],
        ...["--reporter", "junit", "--output", xmlFile],
      ]);
      expect(asJunit.code).toBe(1);
      const xml = readFileSync(xmlFile, "utf8");
      expect(xml).toMatch(/^<\?xml version="1.0"/);
      expect(xml).toMatch(
        /<testsuites name="aitbc-conformance contract" tests="6" failures="[1-9]/,
      );
      expect(xml).toContain(
        '<testcase classname="contract.coordinator" name="GET /v1/widgets/{widget_id} (getWidget)">',
      );
      expect(xml).toMatch(/<failure message="200 application\/json body does not match the schema/);
    } finally {
      await server.close();
    }
  });
});

describe("mock-run (npm run conformance:mock)", () => {
  const pidsIn = (out: string) => [...out.matchAll(/\(pid (\d+)\)/g)].map((m) => Number(m[1]));
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it("passes good mocks, fails a mock that breaks its schema, and stops Prism either way", async () => {
    const good = await run("mock-run.js", ["--spec-dir", specDir("mock-good")]);
    expect(good.out).toContain("0 failed");
    expect(good.code).toBe(0);
    const bad = await run("mock-run.js", [
      "--spec-dir",
      specDir("mock-bad", (doc) => {
        const get = operationOf(doc, "/v1/widgets/{widget_id}", "get");
        get.responses["200"]!.content!["application/json"]!.example = {
          id: "w-1",
          name: "gear",
          size: "big",
        };
      }),
    ]);
    expect(bad.out).toMatch(/FAIL .*getWidget.*\/size must be integer/);
    expect(bad.code).toBe(1);
    const pids = [...pidsIn(good.out), ...pidsIn(bad.out)];
    expect(pids).toHaveLength(2);
    expect(pids.filter(alive)).toEqual([]);
  });
});
