import fs from "node:fs";
import path from "node:path";
import type { HostName } from "@groundwork/shared-types/contextUrl";

/**
 * The hosts' documented payloads, each folder's SOURCES.md naming where every one comes from:
 * what the fake hosts and sandboxes send, and what the backend's tests feed its routes.
 */
const folder = (host: HostName) => path.join(import.meta.dirname, host, "fixtures");

// Parsed afresh on every call: callers change the payload they are given.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a sample is JSON as the host sends it, read field by field
export const hostSample = (host: HostName, name: string): any => JSON.parse(fs.readFileSync(path.join(folder(host), name), "utf8"));

/** The webhook payloads of a host (its REST responses, named `rest.*`, and a Forge app's events, `forge.*`, left out). */
export const hostEventSamples = (host: HostName) =>
  fs
    .readdirSync(folder(host))
    .filter((f) => f.endsWith(".json") && !f.startsWith("rest.") && !f.startsWith("forge."))
    .sort();
