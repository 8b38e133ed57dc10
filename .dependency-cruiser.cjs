// The direction of dependencies (../shared/ARCHITECTURE.md, "Layout"), checked on every import:
//
//   entry points (taskpane, commands, cli, preview) → app → hosts → report → domain → ingest → model
//
// Domain may read ingest's record types (type-only imports); nothing imports upward, adapters do not
// import each other (what more than one needs is in hosts/ooxml), entry points never import each
// other, and there are no cycles. `npm run lint:deps` runs it; test/lint/boundaries.test.ts shows
// that a wrong import fails it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "A cycle has no direction: split the shared part into the lower module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "model-imports-nothing",
      severity: "error",
      comment: "src/model is the shared vocabulary at the bottom: it imports only itself.",
      from: { path: "^src/model/" },
      to: { path: "^src/", pathNot: "^src/model/" },
    },
    {
      name: "ingest-only-model",
      severity: "error",
      comment: "ingest turns cells into records: it knows the vocabulary, not the rules (domain) or the words (report).",
      from: { path: "^src/ingest/" },
      to: { path: "^src/", pathNot: "^src/(ingest|model)/" },
    },
    {
      name: "domain-below-report",
      severity: "error",
      comment: "domain computes results from records: it may read model and ingest, nothing above.",
      from: { path: "^src/domain/" },
      to: { path: "^src/", pathNot: "^src/(domain|ingest|model)/" },
    },
    {
      name: "domain-reads-ingest-types",
      severity: "error",
      comment: "domain reads ingest's record types; reading cells is ingest's job (call it from app/pipeline.ts).",
      from: { path: "^src/domain/" },
      to: { path: "^src/ingest/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "report-below-hosts",
      severity: "error",
      comment: "report lays results out as plans: it knows nothing of hosts, the UI layer or entry points.",
      from: { path: "^src/report/" },
      to: { path: "^src/", pathNot: "^src/(report|domain|ingest|model)/" },
    },
    {
      name: "hosts-below-app",
      severity: "error",
      comment: "An adapter renders plans for a host; the run and the words of the UIs are above it.",
      from: { path: "^src/hosts/" },
      to: { path: "^src/(app|taskpane|commands|cli|preview)/" },
    },
    {
      name: "ooxml-shared-by-adapters",
      severity: "error",
      comment: "hosts/ooxml holds what several adapters share; it depends on none of them.",
      from: { path: "^src/hosts/ooxml/" },
      to: { path: "^src/hosts/(office|xlsx|csv|slides)/" },
    },
    {
      name: "adapters-apart",
      severity: "error",
      comment: "One adapter never imports another: move what both need to hosts/ooxml (or hosts/port.ts).",
      from: { path: "^src/hosts/(office|xlsx|csv|slides)/" },
      to: { path: "^src/hosts/(office|xlsx|csv|slides)/", pathNot: "^src/hosts/$1/" },
    },
    {
      name: "app-below-entry-points",
      severity: "error",
      comment: "app is what every entry point shares; it never reaches into one of them.",
      from: { path: "^src/app/" },
      to: { path: "^src/(taskpane|commands|cli|preview)/" },
    },
    {
      name: "entry-points-apart",
      severity: "error",
      comment: "Entry points are thin and never import each other: share through src/app.",
      from: { path: "^src/(taskpane|commands|cli|preview)/" },
      to: { path: "^src/(taskpane|commands|cli|preview)/", pathNot: "^src/$1/" },
    },
    {
      name: "pure-pipeline",
      severity: "error",
      comment: "model, ingest, domain and report are pure TypeScript: no packages, no Node built-ins (no file system, no DOM).",
      from: { path: "^src/(model|ingest|domain|report)/" },
      to: { dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown", "core"] },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment: "An import that does not resolve is a typo or a deleted module.",
      from: {},
      to: { couldNotResolve: true, pathNot: "^office-js$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".cjs", ".json"] },
    // The layers' graph at folder level: `npm run graph`.
    reporterOptions: { text: { highlightFocused: false } },
  },
};
