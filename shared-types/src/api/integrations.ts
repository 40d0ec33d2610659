import { z } from "zod";
import { Id, Timestamp } from "./common.js";

/** Connecting Azure DevOps and Bitbucket Cloud: tests, connections, webhooks, installations, and the overview. */

// Azure DevOps
export const AdoServices = z.object({
  pullRequests: z.boolean().default(true),
  workItems: z.boolean().default(true),
  comments: z.boolean().default(true),
  statuses: z.boolean().default(true),
});
export type AdoServices = z.infer<typeof AdoServices>;
/** The fields a PAT connection is made of (the connect form's, too). */
export const AdoPatFields = z.object({
  orgUrl: z.string().trim().min(1, { message: "enter your organisation URL, e.g. https://dev.azure.com/contoso" }).max(300),
  pat: z.string().trim().min(20, { message: "paste a personal access token" }).max(200),
});
/** Tested or connected with a PAT, or with a finished "Sign in with Microsoft" (its id): exactly one of them. */
const AdoCredentialFields = AdoPatFields.extend({
  pat: AdoPatFields.shape.pat.optional(),
  signInId: Id.optional().describe("A finished sign-in with Microsoft (POST /api/integrations/ado/entra/start), instead of a PAT"),
});
const oneCredential = (body: { pat?: string; signInId?: string }, ctx: z.RefinementCtx) => {
  if ((body.pat === undefined) === (body.signInId === undefined))
    ctx.addIssue({ code: "custom", path: ["pat"], message: "paste a personal access token, or sign in with Microsoft (not both)" });
};
export const AdoTestConnectionRequest = AdoCredentialFields.superRefine(oneCredential);
export const AdoConnectionTest = z.object({
  organization: z.string(),
  url: z.string(),
  user: z.string().nullable(),
  projects: z.array(z.object({ id: z.string(), name: z.string(), repositories: z.array(z.object({ id: z.string(), name: z.string() })) })),
});
export type AdoConnectionTest = z.infer<typeof AdoConnectionTest>;
export const AdoConnectRequest = AdoCredentialFields.extend({
  name: z.string().trim().min(1).max(120).optional(),
  repositoryIds: z.array(z.string().min(1).max(100)).optional().describe("Repositories to link; all when omitted"),
  services: AdoServices.optional(),
}).superRefine(oneCredential);
export const AdoEntraStart = z.object({ authorizeUrl: z.string().describe("Microsoft's sign-in page: send the browser there") });
export const AdoEntraCallback = z.object({
  code: z.string().max(8000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
export type AdoEntraCallback = z.infer<typeof AdoEntraCallback>;
/** A finished sign-in with Microsoft: who signed in and the organisations they belong to, to choose one to connect. */
export const AdoEntraSignIn = z.object({
  id: Id,
  account: z.string(),
  organizations: z.array(z.object({ name: z.string(), url: z.string() })),
  expiresAt: Timestamp,
});
export type AdoEntraSignIn = z.infer<typeof AdoEntraSignIn>;
export const AdoConnection = z.object({
  id: Id,
  organization: z.string(),
  url: z.string(),
  name: z.string(),
  services: AdoServices,
  repositories: z.array(z.object({ id: z.string(), name: z.string(), project: z.string() })),
  status: z.enum(["active", "auth_failed"]),
  lastError: z.string().nullable(),
  credential: z.enum(["pat", "entra"]).describe("A personal access token, or a sign-in with Microsoft Entra ID"),
  signedInAs: z.string().nullable().describe("Who signed in with Microsoft, for an Entra credential"),
  lastDeliveryAt: Timestamp.nullable(),
  webhookUrl: z.string(),
  serviceHooks: z
    .array(z.object({ project: z.string(), eventType: z.string() }))
    .describe("The service-hook subscriptions Groundwork created in the organisation"),
  neededServiceHooks: z
    .array(z.object({ eventType: z.string(), label: z.string() }))
    .describe("The service-hook events the connection's services need, as Azure DevOps names them when creating a subscription"),
  createdAt: Timestamp,
});
export type AdoConnection = z.infer<typeof AdoConnection>;
export const AdoWebhookSecret = z.object({
  webhookUrl: z.string(),
  webhookSecret: z.string().describe("Shown once: use it as the Basic auth password of the service hooks"),
  warning: z.string().optional(),
});
export type AdoWebhookSecret = z.infer<typeof AdoWebhookSecret>;
/** A sync of every linked item: how many fetches were queued. */
export const AdoSyncResult = z.object({ queued: z.number().int() });
export type AdoSyncResult = z.infer<typeof AdoSyncResult>;

export const AdoServiceHooksResult = z.object({
  created: z.number().int(),
  existing: z.number().int().describe("Already delivering to this webhook URL: left as they are"),
  failed: z.array(z.object({ project: z.string(), eventType: z.string(), message: z.string() })),
  message: z.string().describe("What happened, and what to do if anything failed"),
});
export type AdoServiceHooksResult = z.infer<typeof AdoServiceHooksResult>;
export const AdoDisconnectQuery = z.object({
  deleteServiceHooks: z.enum(["true", "false"]).default("false").describe("Also delete the service hooks Groundwork created"),
});
export const AdoConnected = z.object({
  connection: AdoConnection,
  webhook: AdoWebhookSecret.nullable().describe("The new webhook secret, shown once; null on a reconnect, which keeps the existing secret"),
});
export type AdoConnected = z.infer<typeof AdoConnected>;

// Bitbucket Cloud
export const BitbucketInstallation = z.object({
  id: Id,
  app: z.enum(["connect", "forge"]).describe("Which of Groundwork's Bitbucket apps is installed: the Connect app or the Forge app"),
  workspace: z.string().describe("The Bitbucket workspace (its slug, or its uuid when the slug is unknown)"),
  status: z.enum(["active", "uninstalled", "auth_failed"]),
  lastError: z.string().nullable(),
  lastDeliveryAt: Timestamp.nullable(),
  installedAt: Timestamp,
});
export type BitbucketInstallation = z.infer<typeof BitbucketInstallation>;
export const BitbucketTokenTest = z.object({
  workspace: z.string().trim().min(1, { message: "enter the Bitbucket workspace, e.g. acme in bitbucket.org/acme" }).max(100),
  token: z.string().trim().min(20, { message: "paste a workspace or repository access token" }).max(500),
});
export const BitbucketTokenTestResult = z.object({
  workspace: z.string(),
  repositories: z.array(z.object({ slug: z.string(), name: z.string() })),
});
export type BitbucketTokenTestResult = z.infer<typeof BitbucketTokenTestResult>;
export const BitbucketTokenConnect = BitbucketTokenTest.extend({
  repositories: z.array(z.string().min(1).max(100)).optional().describe("Repository slugs to follow; all when omitted"),
});
export const BitbucketTokenConnection = z.object({
  id: Id,
  workspace: z.string(),
  repositories: z.array(z.object({ slug: z.string(), webhook: z.boolean().describe("Whether Groundwork's webhook is on it") })),
  status: z.enum(["active", "auth_failed"]),
  lastError: z.string().nullable(),
  lastDeliveryAt: Timestamp.nullable(),
  webhookUrl: z.string(),
});
export type BitbucketTokenConnection = z.infer<typeof BitbucketTokenConnection>;
/** Whether the caller can link their Bitbucket account by signing in to Bitbucket (the access-token path), and to which account they have. */
export const BitbucketAccountLinkStatus = z.object({
  workspace: z.string().nullable().describe("The Bitbucket workspace the access token connects"),
  available: z.boolean(),
  reason: z.string().nullable().describe("Why it is not available, and what to do instead"),
  linked: z.object({ id: Id, account: z.string().nullable() }).nullable(),
});
export type BitbucketAccountLinkStatus = z.infer<typeof BitbucketAccountLinkStatus>;
export const BitbucketAccountLinkStart = z.object({ authorizeUrl: z.string().describe("Bitbucket's consent page: send the browser there") });
export const BitbucketOAuthCallback = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
export type BitbucketOAuthCallback = z.infer<typeof BitbucketOAuthCallback>;
export const BitbucketBindRequest = z.object({ code: z.string().trim().min(20).max(2000) });
export const BitbucketBindPreview = z.object({ workspace: z.string(), alreadyBoundHere: z.boolean() });
export type BitbucketBindPreview = z.infer<typeof BitbucketBindPreview>;

export const IntegrationsOverview = z.object({
  ado: z.object({
    connected: z.boolean(),
    connection: AdoConnection.nullable(),
    signInWithMicrosoft: z.boolean().describe("Whether this server can connect Azure DevOps by signing in with Microsoft Entra ID"),
  }),
  bitbucket: z.object({
    connected: z.boolean(),
    descriptorUrl: z.string().describe("Where Bitbucket reads the Connect app's descriptor, to install it"),
    forgeApp: z.boolean().describe("Whether this server takes calls from Groundwork's Forge app (FORGE_APP_ID is set)"),
    installations: z.array(BitbucketInstallation),
    tokenConnection: BitbucketTokenConnection.nullable(),
  }),
});
export type IntegrationsOverview = z.infer<typeof IntegrationsOverview>;
