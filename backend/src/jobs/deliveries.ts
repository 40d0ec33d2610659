import type { RequestHandler } from "express";
import type { JobQueue } from "./queue.js";

/** A webhook delivery as a host adapter describes it after authenticating the request. */
export interface InboundDelivery {
  source: string;
  deliveryId: string;
  kind: string;
  payload: unknown;
  workspaceId?: string | null;
}

/**
 * Records a delivery as a queued job in one statement; the dedupe key (source + delivery id)
 * makes a redelivery a no-op. Work happens later in the worker, never before the ack.
 */
export async function recordDelivery(queue: JobQueue, d: InboundDelivery) {
  const { duplicate } = await queue.enqueue(d.kind, d.payload, {
    dedupeKey: `${d.source}:${d.deliveryId}`,
    workspaceId: d.workspaceId ?? null,
  });
  return { duplicate };
}

/**
 * The record-then-acknowledge endpoint host adapters mount: `describe` authenticates and
 * names the delivery (throwing an ApiError to refuse it); we answer 202 once it is stored.
 */
export function deliveryEndpoint(
  queue: JobQueue,
  describe: (req: Parameters<RequestHandler>[0]) => InboundDelivery | Promise<InboundDelivery>,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const delivery = await describe(req);
      const { duplicate } = await recordDelivery(queue, delivery);
      res.status(202).json({ received: true, duplicate });
    } catch (err) {
      next(err);
    }
  };
}
