import { ApiError } from "../http/errors.js";
import type { JobType } from "./jobType.js";
import type { JobQueue } from "./queue.js";

/** A webhook delivery as a host adapter describes it after authenticating the request: the job it becomes. */
export interface InboundDelivery<P = unknown> {
  source: string;
  deliveryId: string;
  job: JobType<P>;
  payload: P;
  workspaceId?: string | null;
  /** false when the payload carries everything the event applies: see EnqueueOptions.callsHost. */
  callsHost?: boolean;
  /**
   * The payload's field that holds the request's JSON body, with the body's text: stored as the
   * host sent it instead of serialised again (its parse proved the two the same value): in
   * `npm run bench`, serialising a 4 KB event again was 3% of a delivery's CPU and a tenth of
   * what it allocated.
   */
  verbatim?: { field: keyof P & string; json: string };
}

function storedPayload<P>({ payload, verbatim }: InboundDelivery<P>) {
  if (!verbatim) return JSON.stringify(payload ?? null);
  const rest = JSON.stringify({ ...payload, [verbatim.field]: undefined });
  return `${rest.slice(0, -1)}${rest === "{}" ? "" : ","}${JSON.stringify(verbatim.field)}:${verbatim.json}}`;
}

interface Waiting {
  delivery: InboundDelivery;
  payloadJson: string;
  resolve(result: { duplicate: boolean }): void;
  reject(err: unknown): void;
}

/**
 * Records deliveries as queued jobs before they are acknowledged, with group commit:
 * deliveries that arrive while a write is in flight go out together in the next single
 * INSERT. An idle recorder writes at once, so a lone delivery waits for nothing but its
 * own commit. The dedupe key (source + delivery id) makes a redelivery a no-op.
 */
export class DeliveryRecorder {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly maxBatch = 200,
  ) {}

  record<P>(delivery: InboundDelivery<P>) {
    // A body that cannot be stored is refused on its own, before it can join (and fail) a batch.
    let payloadJson: string;
    try {
      payloadJson = storedPayload(delivery);
    } catch {
      return Promise.reject(new ApiError(400, "invalid_event", "The delivery's body cannot be stored (it is nested too deeply)", "body"));
    }
    return new Promise<{ duplicate: boolean }>((resolve, reject) => {
      this.waiting.push({ delivery: delivery as InboundDelivery, payloadJson, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        await this.write(batch);
      } catch {
        // One bad delivery must not fail its neighbours: write them one by one, each answering for itself.
        for (const w of batch) await this.write([w]).catch((err: unknown) => w.reject(err));
      }
    }
    this.writing = false;
  }

  private async write(batch: Waiting[]) {
    const ids = await this.queue.enqueueMany(
      batch.map(({ delivery: d, payloadJson }) => ({
        kind: d.job.kind,
        payloadJson,
        dedupeKey: `${d.source}:${d.deliveryId}`,
        workspaceId: d.workspaceId ?? null,
        callsHost: d.callsHost,
      })),
    );
    batch.forEach((w, i) => w.resolve({ duplicate: ids[i] === null }));
  }
}
