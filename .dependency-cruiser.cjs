/**
 * What may import what (`npm run lint` checks it): no cycles anywhere; shared-types stands
 * alone; the UIs never reach into the backend; the job queue and storage know nothing of hosts
 * or the workspace features built on them.
 */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "A cycle makes load order matter and hides which module owns what.", from: {}, to: { circular: true } },
    {
      name: "shared-types-stand-alone",
      severity: "error",
      comment: "shared-types is imported by every package, so it imports none of them.",
      from: { path: "^shared-types/" },
      to: { path: "^(backend|web|ado-extension|bitbucket-connect-app)/" },
    },
    {
      name: "uis-call-the-api",
      severity: "error",
      comment: "The web UI and the host panels reach the backend over HTTP only.",
      from: { path: "^(web|ado-extension|bitbucket-connect-app)/" },
      to: { path: "^backend/" },
    },
    {
      name: "queue-and-storage-know-no-host",
      severity: "error",
      comment: "The queue and storage serve every host and feature; they import neither.",
      from: { path: "^backend/src/(jobs|storage)/", pathNot: "\\.test\\.ts$" },
      to: { path: "^backend/src/(hosts|workspace)/" },
    },
  ],
  options: {
    tsConfig: { fileName: "tsconfig.base.json" },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
  },
};
