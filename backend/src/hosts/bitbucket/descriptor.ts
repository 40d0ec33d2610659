import fs from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";
import { BITBUCKET_EVENTS } from "./events.js";

const TEMPLATE = path.resolve(import.meta.dirname, "../../../../atlassian-connect.json");

/**
 * Serves the Connect descriptor with baseUrl pointing at this deployment: Bitbucket reads
 * it at install time, so it must name the public URL hosts can reach, and this deployment's
 * app key (keys are global in Atlassian's registry). Its webhooks are the event table's.
 */
export function connectDescriptor(publicUrl: URL, appKey: string): RequestHandler {
  const origin = publicUrl.toString().replace(/\/$/, "");
  const body = fs.readFileSync(TEMPLATE, "utf8").replaceAll("{{PUBLIC_URL}}", origin);
  const template = JSON.parse(body) as { modules: Record<string, unknown> };
  const webhooks = Object.keys(BITBUCKET_EVENTS).map((event) => ({ event, url: "/webhooks" }));
  const descriptor = { ...template, key: appKey, modules: { webhooks, ...template.modules } };
  return (_req, res) => {
    res.json(descriptor);
  };
}
