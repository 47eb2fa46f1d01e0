// The import rules of docs/architecture.md, checked by `npm run lint:layers` (part of `npm test`).
// A package is a top-level folder (or servers/<svc>); its public entry is dist/index.js (and
// dist/testing/index.js where package.json exports it), reached through its @aitbc/* name.
/* global module */
const PACKAGE = "^(servers/[^/]+|sdk|miner|cli|conformance|stack|examples|e2e|spec)/";
const PUBLIC_ENTRY =
  "^(servers/[^/]+|sdk|miner|cli|conformance|stack|e2e)/dist/(testing/)?index\\.(js|d\\.ts)$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-not-to-data",
      comment:
        "Domain code declares the store interfaces it needs; data/ implements them. Import the interface from domain/, not the repository.",
      severity: "error",
      from: { path: "^servers/[^/]+/src/domain/" },
      to: { path: "^servers/[^/]+/src/data/" },
    },
    {
      name: "domain-not-to-http",
      comment:
        "Domain code never sees requests or responses: routes call the domain, not the other way round.",
      severity: "error",
      from: { path: "^servers/[^/]+/src/domain/" },
      to: { path: "^servers/[^/]+/src/http/" },
    },
    {
      name: "domain-not-to-express-or-knex",
      comment: "Domain code is plain TypeScript: only http/ uses express and only data/ uses knex.",
      severity: "error",
      from: { path: "^servers/[^/]+/src/domain/" },
      to: { path: "(^|/)node_modules/(express|knex|@types/express)/" },
    },
    {
      name: "data-not-to-http",
      comment: "Repositories serve the domain; they know nothing of routes.",
      severity: "error",
      from: { path: "^servers/[^/]+/src/data/" },
      to: { path: "^servers/[^/]+/src/http/" },
    },
    {
      name: "no-other-server-internals",
      comment:
        "Servers talk to each other over HTTP/WS through the SDK; shared code comes from a package's public entry (@aitbc/server-lib), never another server's src/.",
      severity: "error",
      from: { path: "^servers/([^/]+)/" },
      to: { path: "^servers/[^/]+/src/", pathNot: "^servers/$1/" },
    },
    {
      name: "no-other-package-internals",
      comment:
        "Use another package through its @aitbc/* name (its public entry), not through a path into its folder.",
      severity: "error",
      from: { path: PACKAGE },
      to: { path: PACKAGE, pathNot: ["^$1/", PUBLIC_ENTRY] },
    },
    {
      name: "sdk-imports-nothing-of-ours",
      comment:
        "The SDK stands alone: it imports its generated code and npm packages, no other package of ours.",
      severity: "error",
      from: { path: "^sdk/" },
      to: {
        path: [
          "(^|/)node_modules/@aitbc/",
          "^(servers|miner|cli|conformance|stack|examples|e2e|spec)/",
        ],
      },
    },
    {
      name: "clients-use-the-sdk",
      comment:
        "The miner, CLI, examples and conformance reach the servers over HTTP/WS through the SDK, never through their code.",
      severity: "error",
      from: { path: "^(miner|cli|examples|conformance)/" },
      to: { path: "^servers/" },
    },
    {
      name: "no-circular",
      comment:
        "Modules of a package must not import each other in a circle: split out what both need.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Other packages' built entries are leaves of the graph: reached through @aitbc/* names, not walked.
    doNotFollow: { path: ["(^|/)node_modules/", "(^|/)dist/"] },
    exclude: { path: "(^|/)(test|gen)/|\\.gen\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
