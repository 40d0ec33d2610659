import type { Config } from "../config.js";
import type { JobQueue } from "../jobs/queue.js";
import type { Logger } from "../log.js";
import type { Mailer } from "../mail.js";
import type { SecretBox } from "../storage/encryption.js";
import type { Storage } from "../storage/index.js";
import type { HostAdapter } from "../hosts/adapter.js";
import type { RequestLoad } from "./load.js";

/** What a request handler may use; built once in main.ts (or a test) and passed down. */
export interface AppServices {
  config: Config;
  storage: Storage;
  queue: JobQueue;
  log: Logger;
  /** Encrypts host credentials at rest. */
  secrets: SecretBox;
  /** Sends mail, when SMTP is configured. */
  mail: Mailer | null;
  /** The requests in flight, which the worker yields to. */
  load: RequestLoad;
  /** The hosts Groundwork connects to (hosts/index.ts): the core reaches a host only through these. */
  hosts: HostAdapter[];
}
