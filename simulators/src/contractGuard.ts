import { afterAll, afterEach } from "vitest";
import { FakeHost } from "./fakeHost.js";

/**
 * Fails the test whose requests broke a fake host's contract (an unknown route, a wrong
 * api-version, a body missing a required field): the real host would refuse them too.
 */
function reportViolations() {
  const found = [...FakeHost.live].flatMap((host) => host.takeViolations().map((v) => `  - ${host.name}: ${v}`));
  if (found.length) throw new Error(`Requests that the real host would refuse (its published contract):\n${found.join("\n")}`);
}

afterEach(reportViolations);
afterAll(reportViolations);
