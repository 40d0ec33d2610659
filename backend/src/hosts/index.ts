import type { HostAdapter } from "./adapter.js";
import { adoHost } from "./ado/index.js";
import { bitbucketHost } from "./bitbucket/index.js";

/** The hosts Groundwork connects to: the one list the composition root (server.ts) hands the core as `services.hosts`. */
export const HOSTS: HostAdapter[] = [adoHost, bitbucketHost];
