import express, { type RequestHandler } from "express";
import { ApiError } from "../../http/errors.js";
import type { AppServices } from "../../http/services.js";
import { DeliveryRecorder } from "../../jobs/deliveries.js";
import type { Attributes } from "sequelize";
import { AdoConnectionRow } from "./models.js";
import { isCompletePullRequest, type AdoPullRequest } from "./client.js";
import { webhookSecretMatches } from "./credentials.js";
import { adoEventEntry, AdoEvent, AdoEventJob } from "./events.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const refused = () =>
  new ApiError(401, "unauthenticated", "Wrong or missing webhook secret: use the secret Groundwork showed as the Basic auth password", undefined, {
    "WWW-Authenticate": 'Basic realm="Groundwork"',
  });

function basicPassword(header: string | undefined) {
  if (!header?.startsWith("Basic ")) return null;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1);
}

/**
 * POST /api/webhooks/ado/:connectionId — ADO sends the secret as the Basic auth password
 * (any user name). Verified before the body is read (a stranger's megabytes are never
 * parsed), recorded as a job, then acknowledged; nothing is stored for a refused request, and
 * a redelivered event id is recorded once.
 */
export function adoWebhook(services: AppServices, recorder: DeliveryRecorder): RequestHandler[] {
  const connections = services.storage.recent(AdoConnectionRow, "id");
  const verify: RequestHandler = async (req, res, next) => {
    try {
      const connectionId = req.params.connectionId ?? "";
      const password = basicPassword(req.get("authorization"));
      const connection = UUID.test(connectionId) && password !== null ? await connections.peek(connectionId) : null;
      if (!connection || !webhookSecretMatches(connection, password!)) throw refused();
      res.locals.adoConnection = connection;
      next();
    } catch (err) {
      next(err);
    }
  };
  const json = express.json({
    limit: "5mb",
    // The event's text as sent, to be stored as it is: when UTF-8 (as Azure DevOps sends it), without a byte order mark.
    verify: (req, _res, body, encoding) => {
      if (encoding === "utf-8") sentText.set(req, body.toString("utf8").replace(/^\uFEFF/, ""));
    },
  });
  return [verify, json, record(recorder)];
}

const sentText = new WeakMap<object, string>();

function record(recorder: DeliveryRecorder): RequestHandler {
  return async (req, res, next) => {
    try {
      const connection = res.locals.adoConnection as Readonly<Attributes<AdoConnectionRow>>;
      const parsed = AdoEvent.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new ApiError(400, "invalid_event", `Not a service hook event: ${issue.path.join(".")} ${issue.message}`, `body.${issue.path.join(".")}`);
      }
      const event = parsed.data;
      if (!adoEventEntry(event.eventType)) {
        res.status(202).json({ received: true, ignored: true });
        return;
      }
      const { duplicate } = await recorder.record({
        source: `ado:${connection.id}`,
        deliveryId: event.id,
        job: AdoEventJob,
        payload: { connectionId: connection.id, event },
        verbatim: sentText.has(req) ? { field: "event", json: sentText.get(req)! } : undefined,
        workspaceId: connection.workspaceId,
        // A pull request event with all its details is applied without calling Azure DevOps,
        // so it goes on while Azure DevOps is held (comments and work items look things up).
        callsHost: !(event.eventType.startsWith("git.pullrequest.") && isCompletePullRequest((event.resource ?? {}) as Partial<AdoPullRequest>)),
      });
      res.status(202).json({ received: true, duplicate });
    } catch (err) {
      next(err);
    }
  };
}
