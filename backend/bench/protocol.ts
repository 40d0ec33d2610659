import fs from "node:fs";
import path from "node:path";

/** What a benchmark target (target.ts, a child process) and the driver (ingest.bench.ts) tell each other. */
export const PULL_REQUESTS = 600;

export type TargetInfo = {
  url: string;
  ado?: { path: string; password: string };
  bitbucketToken?: { path: string; secret: string };
  connect?: { clientKey: string; sharedSecret: string };
};

export type TargetReport = { peakRssMb: number; statusAt: Record<number, number[]>; statusPosts: Record<number, number>; pendingJobs: number };

/** A workspace grown to `items` pieces of feedback, and the list reads to time in it. */
export type ListsRequest = { lists: number };
export type ListsInfo = { cookie: string; paths: string[] };

/** The documented pullrequest:updated payload, its repository moved to the bench's acme/widgets. */
export const bitbucketEvent = () =>
  fs
    .readFileSync(path.join(import.meta.dirname, "../src/hosts/bitbucket/fixtures/pullrequest_updated.json"), "utf8")
    .replaceAll("brydzewski/foo", "acme/widgets");
