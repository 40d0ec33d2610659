import { hostSample } from "@groundwork/simulators/samples";

/** What a benchmark target (target.ts, a child process) and the driver (ingest.bench.ts) tell each other. */
export const PULL_REQUESTS = 600;

export type TargetInfo = {
  url: string;
  ado?: { path: string; password: string };
  bitbucketToken?: { path: string; secret: string };
  connect?: { clientKey: string; sharedSecret: string };
};

/** When each PR's status reached the fake host, and how many posts each got. */
export type StatusPosts = { statusAt: Record<number, number[]>; statusPosts: Record<number, number> };
/** Peak RSS, and what V8's heap (reserved, in use) and buffers outside it held at that moment. */
export type PeakMemory = { rssMb: number; heapMb: number; heapUsedMb: number; externalMb: number };
/** The target's event-loop delay since the last ask: how long a request could wait before Groundwork even read it. */
export type LoopDelay = { p99Ms: number };
export type TargetReport = StatusPosts & { peak: PeakMemory; pendingJobs: number };

/** What the fake hosts' process (hosts.ts) and a Groundwork target (target.ts) tell each other. */
export type HostsInfo = {
  ado: { baseUrl: string; identityUrl: string };
  bitbucketUrl: string;
  adoPat: string;
  bitbucketToken: string;
  install: { clientKey: string; sharedSecret: string; principal: { uuid: string; username: string } };
  adoRepository: { project: string; name: string };
};
export type HostsRequest = { ask: "install"; appUrl: string } | { ask: "hookSecret" | "statuses" | "forget" | "stop" };

/** A workspace grown to `items` pieces of feedback, and the list reads to time in it. */
export type ListsRequest = { lists: number };
export type ListsInfo = { cookie: string; paths: string[] };

/** The documented pullrequest:updated payload, its repository moved to the bench's acme/widgets. */
export const bitbucketEvent = () => JSON.stringify(hostSample("bitbucket", "pullrequest_updated.json")).replaceAll("brydzewski/foo", "acme/widgets");
