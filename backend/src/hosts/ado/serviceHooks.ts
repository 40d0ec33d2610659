import type { AdoServiceHooksResult } from "@groundwork/shared-types";
import { ApiError } from "../../http/errors.js";
import type { AdoConnectionRow, AdoHookSubscription } from "./models.js";
import { AdoError, type AdoClient, type AdoSubscriptionRequest } from "./client.js";
import { ADO_EVENTS } from "./events.js";

/** The user name ADO sends with the secret; any name works, this one says who the hook is for. */
export const HOOK_USERNAME = "groundwork";

/** The service-hook events the connection's services need, from the event table. */
export const subscribedEvents = (services: AdoConnectionRow["services"]) =>
  Object.entries(ADO_EVENTS)
    .filter(([, entry]) => entry.services.some((service) => services[service]))
    .map(([eventType, { label, resourceVersion }]) => ({ eventType, label, resourceVersion }));

function subscription(projectId: string, event: { eventType: string; resourceVersion: string }, url: string, secret: string): AdoSubscriptionRequest {
  return {
    publisherId: "tfs",
    eventType: event.eventType,
    resourceVersion: event.resourceVersion,
    consumerId: "webHooks",
    consumerActionId: "httpRequest",
    publisherInputs: { projectId },
    consumerInputs: {
      url,
      basicAuthUsername: HOOK_USERNAME,
      basicAuthPassword: secret,
      resourceDetailsToSend: "all",
      messagesToSend: "none",
      detailedMessagesToSend: "none",
    },
  };
}

/** ADO delivers only to public HTTPS addresses (service-hooks/services/webhooks.md). */
export function assertDeliverable(webhookUrl: string) {
  const url = new URL(webhookUrl);
  const local = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[::1\]|0\.0\.0\.0)/.test(url.hostname);
  if (url.protocol !== "https:" || local)
    throw new ApiError(
      422,
      "webhook_url_not_public",
      `Azure DevOps only delivers service hooks to a public HTTPS address, and this Groundwork answers at ${url.origin}. Set PUBLIC_URL to its public https:// address and try again, or keep using Sync.`,
    );
}

const REFUSED =
  "Creating service hooks needs a token of a Project Collection Administrator (or a project administrator) with the Service Hooks (Read & Write) scope. Follow the manual steps below, or reconnect with such a token and try again.";

/**
 * Creates the subscriptions the enabled services need in every linked project, skipping
 * ones that already deliver to this webhook URL. Refusals are collected, not thrown, so the
 * owner sees which projects need the manual steps.
 */
export async function createServiceHooks(client: AdoClient, connection: AdoConnectionRow, url: string, secret: string) {
  const projects = await client.projects();
  const linked = new Set(connection.repositories.map((r) => r.project.toLowerCase()));
  const targets = projects.filter((p) => linked.has(p.name.toLowerCase()));
  const existing = await client.subscriptions().catch((err: unknown) => {
    if (err instanceof AdoError && (err.kind === "auth" || err.kind === "forbidden")) return [];
    throw err;
  });
  const made: AdoHookSubscription[] = [...(connection.hookSubscriptions ?? [])];
  const result: AdoServiceHooksResult = { created: 0, existing: 0, failed: [], message: "" };
  for (const project of targets)
    for (const event of subscribedEvents(connection.services)) {
      const present = existing.some((s) => s.eventType === event.eventType && s.publisherInputs?.projectId === project.id && s.consumerInputs?.url === url);
      if (present) {
        result.existing++;
        continue;
      }
      try {
        const created = await client.createSubscription(subscription(project.id, event, url, secret));
        made.push({ id: created.id, projectId: project.id, project: project.name, eventType: event.eventType });
        result.created++;
      } catch (err) {
        if (!(err instanceof AdoError) || err.kind === "unreachable" || err.kind === "server" || err.kind === "rate_limited") {
          await connection.update({ hookSubscriptions: made });
          throw err;
        }
        result.failed.push({ project: project.name, eventType: event.eventType, message: err.message });
      }
    }
  await connection.update({ hookSubscriptions: made });
  const total = result.created + result.existing;
  result.message =
    result.failed.length === 0
      ? `${total} service hook${total === 1 ? "" : "s"} deliver${total === 1 ? "s" : ""} to Groundwork across ${targets.length} project${targets.length === 1 ? "" : "s"}.`
      : `Azure DevOps refused ${result.failed.length} of ${result.failed.length + total} service hooks (${result.failed[0]!.message}). ${REFUSED}`;
  return result;
}

/** Gives the subscriptions Groundwork created the new secret, so rotating it does not break them. */
export async function resecretServiceHooks(client: AdoClient, connection: AdoConnectionRow, url: string, secret: string) {
  let failed = 0;
  for (const s of connection.hookSubscriptions ?? []) {
    const event = subscribedEvents({ pullRequests: true, workItems: true, comments: true, statuses: true }).find((e) => e.eventType === s.eventType);
    if (!event) continue;
    await client.replaceSubscription(s.id, subscription(s.projectId, event, url, secret)).catch(() => failed++);
  }
  return failed;
}

/** Deletes the subscriptions Groundwork created; one already gone counts as deleted. */
export async function deleteServiceHooks(client: AdoClient, connection: AdoConnectionRow) {
  let deleted = 0;
  let failed = 0;
  for (const s of connection.hookSubscriptions ?? []) {
    try {
      await client.deleteSubscription(s.id);
      deleted++;
    } catch (err) {
      if (err instanceof AdoError && err.kind === "not_found") deleted++;
      else failed++;
    }
  }
  return { deleted, failed };
}
