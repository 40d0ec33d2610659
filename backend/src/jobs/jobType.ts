import type { ZodType } from "zod";
import type { JobContext } from "./worker.js";

/**
 * A kind of job and the payload it carries: what is queued and what runs are typed from the same
 * declaration, and the worker checks a payload against it before running (one that does not fit
 * is dead-lettered, naming the field). The kind's prefix ("ado.…") names the lane its jobs share.
 */
export interface JobType<P> {
  readonly kind: string;
  readonly payload: ZodType<P>;
  /**
   * Work nobody is waiting on (an insight): claimed after the jobs that are due with it, and its
   * writes after theirs, so a busy worker keeps deliveries' effects and PR statuses prompt.
   */
  readonly deferred?: boolean;
}

export const jobType = <P>(kind: string, payload: ZodType<P>, { deferred = false } = {}): JobType<P> => ({ kind, payload, deferred });

/** Runs jobs of one type. */
export interface JobHandler<P = unknown> {
  readonly type: JobType<P>;
  run(payload: P, ctx: JobContext): Promise<void>;
}

export const handle = <P>(type: JobType<P>, run: (payload: P, ctx: JobContext) => Promise<void>): JobHandler => ({ type, run }) as unknown as JobHandler;

export type PayloadOf<T> = T extends JobType<infer P> ? P : never;
