import { createHmac, timingSafeEqual } from "node:crypto";
import express, { type Request, type RequestHandler, type Response } from "express";
import { z } from "zod";
import { ApiError } from "../../http/errors.js";
import type { AppServices } from "../../http/services.js";
import type { DeliveryRecorder } from "../../jobs/deliveries.js";
import { BitbucketTokenConnectionRow } from "./models.js";
import { verifiedInstallationValues } from "./installations.js";
import { bitbucketEventEntry } from "./events.js";
import { BitbucketEventJob } from "./jobs.js";

// Deliveries from Bitbucket, by either connection: verified, recorded, then acknowledged.

const REQUEST_ID = /^[A-Za-z0-9{}._:-]{1,100}$/;

/**
 * Records a verified delivery as a `bitbucket.event` job and acknowledges it: events we do not
 * use get 202 and are dropped; a redelivery (same X-Request-UUID) is recorded once.
 */
export async function recordBitbucketEvent(
  recorder: DeliveryRecorder,
  req: Request,
  res: Response,
  body: unknown,
  from: { source: string; via: { installationId: string } | { connectionId: string }; workspaceId: string | null },
  /** The body's text, when it is the request's whole body: stored as sent (DeliveryRecorder). */
  bodyText?: string,
) {
  const eventKey = req.get("x-event-key") ?? "";
  if (!bitbucketEventEntry(eventKey)) {
    res.status(202).json({ received: true, ignored: true });
    return;
  }
  const requestId = req.get("x-request-uuid");
  if (!requestId) throw new ApiError(400, "missing_request_id", "The X-Request-UUID header is missing", "headers.X-Request-UUID");
  // Bitbucket sends a UUID; anything else would not fit the delivery's dedupe key.
  if (!REQUEST_ID.test(requestId)) throw new ApiError(400, "invalid_request_id", "The X-Request-UUID header is not a request id", "headers.X-Request-UUID");
  const parsed = z.record(z.string(), z.unknown()).safeParse(body);
  if (!parsed.success) throw new ApiError(400, "invalid_event", "The webhook body is not a JSON object", "body");
  const { duplicate } = await recorder.record({
    source: from.source,
    deliveryId: requestId,
    job: BitbucketEventJob,
    payload: { ...from.via, eventKey, body: parsed.data },
    verbatim: bodyText === undefined ? undefined : { field: "body", json: bodyText },
    workspaceId: from.workspaceId,
    // Bitbucket's payloads carry the whole pull request and comment: applying one calls nothing.
    callsHost: false,
  });
  res.status(202).json({ received: true, duplicate });
}

/**
 * Connect app webhooks arrive wrapped, `{"event": "pullrequest:updated", "data": {pullrequest,
 * repository, actor, …}}`, unlike repository webhooks made with a token, which carry the payload
 * itself (as open-source Connect apps running on Bitbucket Cloud read them).
 */
const ConnectEnvelope = z.object({ event: z.string().optional(), data: z.record(z.string(), z.unknown()) });

/**
 * Webhooks: verified (JWT with qsh), recorded, then acknowledged. Bitbucket retries only on
 * 5xx, at once, so a redelivery (same X-Request-UUID) is recorded once.
 */
export function connectWebhook(services: AppServices, recorder: DeliveryRecorder): RequestHandler[] {
  const handler: RequestHandler = async (req, res, next) => {
    try {
      const { installation } = await verifiedInstallationValues(services, req);
      const envelope = ConnectEnvelope.safeParse(req.body);
      if (!envelope.success && bitbucketEventEntry(req.get("x-event-key") ?? ""))
        throw new ApiError(400, "invalid_event", "A Connect webhook carries its payload as {event, data}: data is missing or not an object", "body.data");
      await recordBitbucketEvent(recorder, req, res, envelope.data?.data ?? null, {
        source: `bitbucket:${installation.id}`,
        via: { installationId: installation.id },
        workspaceId: installation.workspaceId,
      });
    } catch (err) {
      next(err);
    }
  };
  return [express.json({ limit: "1mb" }), handler];
}

const refused = () => new ApiError(401, "invalid_signature", "Wrong or missing X-Hub-Signature for this webhook");

/** Compares `sha256=<hex>` with the HMAC of the raw body, in constant time. */
export function signatureMatches(secret: string, rawBody: Buffer, header: string | undefined) {
  const expected = `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
  return Boolean(header) && header!.length === expected.length && timingSafeEqual(Buffer.from(header!), Buffer.from(expected));
}

/** POST /api/webhooks/bitbucket/:connectionId — verified by signature, recorded, then acknowledged. */
export function tokenWebhook(services: AppServices, recorder: DeliveryRecorder): RequestHandler[] {
  const connections = services.storage.recent(BitbucketTokenConnectionRow, "id");
  return [
    express.raw({ type: "*/*", limit: "1mb" }),
    async (req, res, next) => {
      try {
        const id = z.uuid().safeParse(req.params.connectionId);
        const connection = id.success ? await connections.peek(id.data) : null;
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (!connection || !signatureMatches(services.secrets.open(connection.webhookSecretSealed), raw, req.get("x-hub-signature"))) throw refused();
        const text = raw.toString("utf8");
        let body: unknown = null;
        try {
          body = JSON.parse(text);
        } catch {
          // recorded as "not a JSON object" below
        }
        const from = { source: `bitbucket-token:${connection.id}`, via: { connectionId: connection.id }, workspaceId: connection.workspaceId };
        await recordBitbucketEvent(recorder, req, res, body, from, text);
      } catch (err) {
        next(err);
      }
    },
  ];
}
