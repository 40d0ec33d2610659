/**
 * What may import what (`npm run lint` checks it): no cycles anywhere; shared-types stands
 * alone; the UIs never reach into the backend; the job queue and storage know nothing of hosts
 * or the workspace features built on them; the core reaches hosts only through the adapter
 * interface (the registry comes in as services.hosts); the backend's production code never
 * reaches the simulators (fake hosts, sandboxes) or the test helpers.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "A cycle makes load order matter and hides which module owns what. Types may refer to each other (an adapter's context names the services that hold the adapters); they are gone at run time.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "shared-types-stand-alone",
      severity: "error",
      comment: "shared-types is imported by every package, so it imports none of them.",
      from: { path: "^shared-types/" },
      to: { path: "^(backend|web|ado-extension|bitbucket-connect-app|bitbucket-forge-app)/" },
    },
    {
      name: "uis-call-the-api",
      severity: "error",
      comment: "The web UI and the host panels reach the backend over HTTP only.",
      from: { path: "^(web|ado-extension|bitbucket-connect-app|bitbucket-forge-app/src)/" },
      to: { path: "^backend/" },
    },
    {
      name: "queue-and-storage-know-no-host",
      severity: "error",
      comment: "The queue and storage serve every host and feature; they import neither.",
      from: { path: "^backend/src/(jobs|storage)/", pathNot: "\\.test\\.ts$" },
      to: { path: "^backend/src/(hosts|workspace)/" },
    },
    {
      name: "core-reaches-hosts-through-the-adapter",
      severity: "error",
      comment: "The core (http, workspace, jobs, storage) never names a host: a host is a folder under hosts/ that exports an adapter to the registry.",
      from: { path: "^backend/src/(http|workspace|jobs|storage)/", pathNot: "\\.test\\.ts$" },
      to: { path: "^backend/src/hosts/", pathNot: "^backend/src/hosts/adapter\\.ts$" },
    },
    {
      name: "production-runs-no-simulator",
      severity: "error",
      comment:
        "Fake hosts, sandboxes and test helpers serve tests, the bench and `npm start` (simulators/src/start.ts); what ships in production is backend/src without them.",
      from: { path: "^backend/src/", pathNot: "(\\.test\\.ts$|^backend/src/testing/)" },
      to: { path: "^(simulators/|backend/src/testing/)" },
    },
  ],
  options: {
    tsConfig: { fileName: "tsconfig.base.json" },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
    // The packages import each other by name (@groundwork/backend/run): resolved through their exports to the files, so the rules above see them.
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "default"], extensions: [".ts", ".tsx", ".js", ".json"] },
  },
};
