import { hostname } from "node:os";
import type { Transaction } from "sequelize";
import type { Logger } from "../log.js";
import { inBackground } from "../storage/writeLock.js";
import type { JobHandler } from "./jobType.js";
import { LeaseLost, PermanentFailure, type ClaimedJob, type JobQueue } from "./queue.js";

export interface JobContext {
  job: ClaimedJob;
  log: Logger;
  /**
   * Runs the job's database effects in one transaction that also marks the job done,
   * so a job's effects commit exactly once even if a worker dies and the job is re-run.
   */
  finish(effects: (tx: Transaction) => Promise<void>): Promise<void>;
}

export interface WorkerOptions {
  concurrency: number;
  /** Jobs of one lane (one host for one workspace) at once, half the slots unless set: a hanging host holds no more. */
  perLane?: number;
  pollMs?: number;
  workerId?: string;
  log: Logger;
  /**
   * True while the process is busy answering requests (a burst of deliveries): the worker then
   * runs one job at a time, and before each waits for the burst to pass, looking every
   * `busyCheckMs`, for `busyPauseMs` at most, so acknowledgements come first and the backlog
   * drains after. (One at a time without the pause still took a quarter of the process while a
   * burst was being acknowledged, through its writes as much as its CPU.) A burst of a few
   * milliseconds holds jobs up for one look, not a whole pause.
   */
  busy?: () => boolean;
  busyPauseMs?: number;
  busyCheckMs?: number;
}

/** Runs queued jobs with their registered handlers until stopped. */
export class Worker {
  readonly id: string;
  private running = false;
  private inFlight = new Set<Promise<void>>();
  private inFlightByLane = new Map<string, number>();
  private wake: (() => void) | null = null;
  /** Ends a pause that only stopping may end. */
  private halt: (() => void) | null = null;
  /** Something finished or was enqueued while the loop was not waiting: it must not wait for the next poll. */
  private nudged = false;
  private loop: Promise<void> | null = null;
  /** The earliest time a job enqueued here comes due, and the timer that wakes the loop then. */
  private dueTimer: { at: number; timer: NodeJS.Timeout } | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly handlers: Map<string, JobHandler>;

  constructor(
    private readonly queue: JobQueue,
    handlers: JobHandler[],
    private readonly options: WorkerOptions,
  ) {
    this.handlers = new Map(handlers.map((h) => [h.type.kind, h]));
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.queue.onEnqueue((dueAt) => this.wakeAt(dueAt));
    // Everything the worker does, jobs included, writes after whatever requests are waiting to.
    this.loop = inBackground(() => this.run());
  }

  /** Stops claiming and waits for the jobs in hand to finish. */
  async stop() {
    this.running = false;
    this.unsubscribe?.();
    if (this.dueTimer) clearTimeout(this.dueTimer.timer);
    // Not just wake(): a loop that is claiming right now must not go on to wait a whole poll.
    this.nudge();
    this.halt?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run() {
    const pollMs = this.options.pollMs ?? 500;
    while (this.running) {
      if (this.options.busy?.() && this.options.busyPauseMs) await this.yieldToBurst();
      this.nudged = false;
      let claimed: ClaimedJob[] = [];
      try {
        claimed = await this.claimWithinLimits();
      } catch (err) {
        this.options.log.error({ err }, "claiming jobs failed");
      }
      if ((claimed.length === 0 || this.inFlight.size >= this.options.concurrency) && !this.nudged) await this.pause(pollMs);
    }
  }

  /** Waits while the process is busy, for `busyPauseMs` at most. Enqueued deliveries do not cut this short (they are the burst); stopping does. */
  private async yieldToBurst() {
    const { busy, busyPauseMs = 0, busyCheckMs = busyPauseMs } = this.options;
    const until = performance.now() + busyPauseMs;
    do await this.pause(Math.min(busyCheckMs, until - performance.now()), "stop");
    while (this.running && busy?.() && performance.now() < until);
  }

  /** Waits `ms`, or less if the worker stops or (unless only "stop" may end it) a job finishes or is enqueued. */
  private async pause(ms: number, endedBy: "stop" | "any" = "any") {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      if (endedBy === "any") this.wake = done;
      else this.halt = done;
    });
    this.wake = null;
    this.halt = null;
  }

  /** A coalesced PR status comes due a moment after it is enqueued: claim it then, not at the next poll. */
  private wakeAt(dueAt: number) {
    const delay = dueAt - this.queue.options.now();
    if (delay <= 0) return this.nudge();
    if (this.dueTimer && this.dueTimer.at <= dueAt) return;
    if (this.dueTimer) clearTimeout(this.dueTimer.timer);
    const timer = setTimeout(() => {
      this.dueTimer = null;
      this.nudge();
    }, delay);
    timer.unref();
    this.dueTimer = { at: dueAt, timer };
  }

  private nudge() {
    if (this.wake) this.wake();
    else this.nudged = true;
  }

  /**
   * Fills free slots in one claim, taking no more of a lane than it has room for (one job for a
   * lane probing its host after a hold); should a lane's limit drop while claiming (a hold just
   * began), the extra jobs go back.
   */
  private async claimWithinLimits() {
    const claimed: ClaimedJob[] = [];
    const free = (this.options.busy?.() ? 1 : this.options.concurrency) - this.inFlight.size;
    if (free <= 0) return claimed;
    const perLane = this.options.perLane ?? Math.max(1, Math.floor(this.options.concurrency / 2));
    const holds = await this.queue.laneHolds();
    const limitOf = (lane: string) => (holds.has(lane) ? 1 : perLane);
    const room = new Map([...holds.keys(), ...this.inFlightByLane.keys()].map((lane) => [lane, limitOf(lane) - (this.inFlightByLane.get(lane) ?? 0)]));
    const extra: ClaimedJob[] = [];
    // Sorted out before anything is awaited: a job finishing meanwhile would free its lane's
    // place for a job of this claim, and a probe that just failed would let a second one run.
    for (const job of await this.queue.claim(this.id, free, room, perLane)) {
      if (job.lane && (this.inFlightByLane.get(job.lane) ?? 0) >= limitOf(job.lane)) extra.push(job);
      else {
        claimed.push(job);
        if (job.lane) this.inFlightByLane.set(job.lane, (this.inFlightByLane.get(job.lane) ?? 0) + 1);
      }
    }
    for (const job of claimed) {
      const run = () => this.execute(job, job.lane !== null && holds.has(job.lane));
      const p = (this.handlers.get(job.kind)?.type.deferred ? inBackground(run, true) : run()).finally(() => {
        this.inFlight.delete(p);
        if (job.lane) {
          const left = this.inFlightByLane.get(job.lane)! - 1;
          if (left) this.inFlightByLane.set(job.lane, left);
          else this.inFlightByLane.delete(job.lane);
        }
        this.nudge();
      });
      this.inFlight.add(p);
    }
    for (const job of extra) await this.queue.release(job);
    return claimed;
  }

  private async execute(job: ClaimedJob, probing: boolean) {
    const log = this.options.log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const handler = this.handlers.get(job.kind);
    const heartbeat = setInterval(
      () => void this.queue.extendLease(job).catch((err) => log.warn({ err }, "extending the lease failed")),
      Math.max(50, Math.floor(this.queue.options.leaseMs / 3)),
    );
    let finished = false;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      const payload = handler.type.payload.safeParse(job.payload);
      if (!payload.success) {
        const issue = payload.error.issues[0]!;
        throw new PermanentFailure(`the payload is not a ${job.kind} job's: ${issue.path.join(".") || "(the payload)"} ${issue.message}`);
      }
      await handler.run(payload.data, {
        job,
        log,
        finish: async (effects) => {
          await this.queue.sequelize.transaction(async (tx) => {
            await effects(tx);
            if (!(await this.queue.complete(job, tx))) throw new LeaseLost(`job ${job.id}: lease lost`);
          });
          finished = true;
        },
      });
      if (!finished && !(await this.queue.complete(job))) log.warn("job finished after its lease was taken over");
      // A job the host had turned away got through after the hold: the host is back, the lane
      // runs at full speed again. (Jobs of the lane that never called the host prove nothing.)
      if (probing && job.throttles > 0) await this.queue.clearHold(job.lane!);
    } catch (err) {
      if (err instanceof LeaseLost) {
        log.warn("lease lost; another worker owns the job now");
        return;
      }
      log.warn({ err }, "job failed");
      await this.queue.fail(job, err).catch((e) => log.error({ err: e }, "recording the failure failed"));
    } finally {
      clearInterval(heartbeat);
    }
  }
}
