import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { createLogger } from "./log.js";

it("redacts credentials wherever they appear in a log line", () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger("info", sink);
  log.info(
    {
      req: { headers: { authorization: "Basic c2VjcmV0", cookie: "gw_session=abc", "x-csrf-token": "tok" } },
      connection: { pat: "ado-pat-value", sharedSecret: "connect-secret" },
      password: "hunter2",
    },
    "request",
  );
  const line = lines.join("");
  for (const secret of ["c2VjcmV0", "gw_session=abc", 'tok"', "ado-pat-value", "connect-secret", "hunter2"]) expect(line).not.toContain(secret);
  expect(line).toContain("[redacted]");
});
