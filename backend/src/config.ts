import { createPrivateKey, X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { InsightModelSettings } from "./workspace/insights/model.js";

/**
 * Every setting Groundwork reads, validated once at start-up. The README's configuration
 * table is written from this list; keep them together.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z
    .url({ message: "must be an absolute http(s) URL such as https://groundwork.example.com" })
    .refine((u) => /^https?:\/\//.test(u), { message: "must start with http:// or https://" })
    .optional(),
  DATABASE_URL: z
    .string()
    .refine((u) => /^(postgres|postgresql):\/\/[^\s]+$/.test(u) || /^sqlite:.+/.test(u), {
      message: "must be postgres://user@host:5432/db or sqlite:/path/to/file.db",
    })
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: "must be a lower-case SQL identifier" })
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(16),
  WORKER_ENABLED: z.enum(["true", "false"]).default("true"),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** How long a job waits for a host's answer before giving up on it (and trying again later). */
  HOST_TIMEOUT_S: z.coerce.number().int().min(1).max(120).default(15),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  INVITE_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  WEB_DIST_DIR: z.string().optional(),
  ENCRYPTION_KEY: z
    .string()
    .refine((k) => Buffer.from(k, "base64").length === 32, { message: "must be 32 random bytes, base64-encoded (openssl rand -base64 32)" })
    .optional(),
  ADO_BASE_URL: z.url({ message: "must be an absolute URL" }).default("https://dev.azure.com"),
  ADO_IDENTITY_URL: z.url({ message: "must be an absolute URL" }).default("https://vssps.dev.azure.com"),
  ADO_PROFILE_URL: z.url({ message: "must be an absolute URL" }).default("https://app.vssps.visualstudio.com"),
  // A Microsoft Entra ID app registration lets owners connect Azure DevOps by signing in instead of pasting a PAT.
  ENTRA_TENANT: z
    .string()
    .regex(/^[a-zA-Z0-9.-]{1,100}$/, { message: "must be the directory (tenant) id, a verified domain, or organizations" })
    .default("organizations"),
  ENTRA_CLIENT_ID: z.uuid({ message: "must be the app registration's Application (client) ID" }).optional(),
  ENTRA_CLIENT_SECRET: z.string().min(16, { message: "must be a client secret's Value (Certificates & secrets)" }).optional(),
  // Instead of a secret: a PEM file with the private key and the certificate uploaded to the app registration.
  ENTRA_CLIENT_CERTIFICATE_FILE: z.string().min(1).optional(),
  ENTRA_AUTHORITY_URL: z.url({ message: "must be an absolute URL" }).default("https://login.microsoftonline.com"),
  ADO_EXTENSION_SECRET: z.string().min(16, { message: "must be the extension's certificate from the Marketplace publisher page" }).optional(),
  ADO_EXTENSION_AUDIENCE: z.string().optional(),
  ADO_EXTENSION_ORIGINS: z.string().default("https://*.gallerycdn.vsassets.io,https://*.gallery.vsassets.io"),
  BITBUCKET_API_URL: z.url({ message: "must be an absolute URL" }).default("https://api.bitbucket.org"),
  BITBUCKET_ALLOWED_BASE_URLS: z.string().default("https://bitbucket.org"),
  BITBUCKET_SITE_URL: z.url({ message: "must be an absolute URL" }).default("https://bitbucket.org"),
  BITBUCKET_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  // An OAuth consumer (Workspace settings → OAuth consumers) lets members link their Bitbucket account without the Connect app.
  BITBUCKET_OAUTH_KEY: z.string().min(8, { message: "must be the OAuth consumer's Key" }).optional(),
  BITBUCKET_OAUTH_SECRET: z.string().min(16, { message: "must be the OAuth consumer's Secret" }).optional(),
  // Connect app keys are global in Atlassian's registry: each self-hosted deployment needs its own.
  BITBUCKET_APP_KEY: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{1,64}$/, { message: "must be 1–64 letters, digits, dots, dashes or underscores (an Atlassian Connect app key)" })
    .default("groundwork"),
  // The Forge app (bitbucket-forge-app/): its id from `forge register` (the audience of every invocation token) and where Atlassian publishes its signing keys.
  FORGE_APP_ID: z
    .string()
    .regex(/^ari:cloud:ecosystem::app\/[0-9a-f-]{36}$/, { message: "must be the Forge app's id, ari:cloud:ecosystem::app/<uuid> (manifest.yml's app.id)" })
    .optional(),
  FORGE_JWKS_URL: z.url({ message: "must be an absolute URL" }).default("https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json"),
  // Off by default: X-Forwarded-For is anyone's to forge unless a proxy we trust sets it.
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|\d{1,2}|[0-9a-fA-F:.,/\s]+|loopback|linklocal|uniquelocal)$/, {
      message: "must be false, true, a hop count, loopback/linklocal/uniquelocal, or proxy addresses (comma-separated, CIDR allowed)",
    })
    .default("false"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, { message: "must be an smtp:// or smtps:// URL (smtps://user:password@mail.example.com:465)" })
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  // Any OpenAI-compatible chat-completions endpoint (a hosted API or a self-hosted server): insights are better with one.
  INSIGHTS_MODEL_URL: z
    .url({ message: "must be the endpoint's base URL, such as https://api.openai.com/v1" })
    .refine((u) => /^https?:\/\//.test(u), { message: "must start with http:// or https://" })
    .optional(),
  INSIGHTS_MODEL: z.string().min(1).max(200).optional(),
  INSIGHTS_MODEL_KEY: z.string().min(1).optional(),
  INSIGHTS_MODEL_TIMEOUT_S: z.coerce.number().int().min(1).max(300).default(20),
});

export interface Config {
  port: number;
  host: string;
  publicUrl: URL;
  database: { dialect: "sqlite"; storage: string } | { dialect: "postgres"; url: string; schema?: string };
  dataDir: string;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  worker: { enabled: boolean; concurrency: number; maxAttempts: number };
  /** How long background work waits for a host's answer. */
  hostTimeoutMs: number;
  sessionTtlMs: number;
  inviteTtlMs: number;
  webDistDir: string;
  encryptionKey?: string;
  /** Where Azure DevOps organisations live; tests and the sandbox point it at the fake host. */
  adoBaseUrl: string;
  /** Where Azure DevOps serves identities (vssps.dev.azure.com). */
  adoIdentityUrl: string;
  /** Where Azure DevOps serves profiles and the organisations a user belongs to (app.vssps.visualstudio.com). */
  adoProfileUrl: string;
  /** The Microsoft Entra ID app registration owners sign in through to connect Azure DevOps; unset, only PATs. */
  entra?: EntraApp;
  /**
   * The Azure DevOps extension: the certificate its app tokens are signed with (HS256), the
   * audience to require if set, and the origins its files are served from (`*` matches one label).
   */
  adoExtension: { secret?: string; audience?: string; origins: string[] };
  /**
   * Bitbucket Cloud: where its REST API is called (never the URL an install request names), and
   * the host base URLs a Connect install may come from.
   */
  bitbucket: {
    apiUrl: string;
    allowedBaseUrls: string[];
    appKey: string;
    /** Where Bitbucket's own pages are (bitbucket.org): its OAuth consent page and token endpoint. */
    siteUrl: string;
    /** The calls an hour Bitbucket allows the credentials (1,000 unless scaled for larger workspaces): history imports spend at most 90% of it. */
    requestsPerHour: number;
    /** The OAuth consumer members sign in to Bitbucket through to link their account; unset, they cannot on the access-token path. */
    oauth?: { key: string; secret: string };
  };
  /** Groundwork's Forge app for Bitbucket: its id (unset, Forge calls are refused) and the JWKS its invocation tokens are signed with. */
  forge: { appId?: string; jwksUrl: string };
  /**
   * The language model insights may use (any OpenAI-compatible chat-completions endpoint), where
   * a workspace owner turns it on; unset, Groundwork's own extractor draws every insight.
   */
  insightModel?: InsightModelSettings;
  /** Where mail goes (SMTP) and whom it is from; unset, Groundwork sends none. */
  mail?: { smtpUrl: string; from: string };
  /** Which proxies' X-Forwarded-For to believe (Express's "trust proxy"): false, a hop count, or addresses. */
  trustProxy: boolean | number | string;
  /** Where the local host sandboxes answer when `npm start` runs them beside the app (simulators/); unset otherwise. */
  sandbox: {
    ado?: { baseUrl: string; identityUrl: string; profileUrl: string };
    entra?: EntraApp;
    bitbucketUrl?: string;
    bitbucketOAuth?: { key: string; secret: string };
  };
}

export interface EntraApp {
  /** login.microsoftonline.com: the authority the tenant's endpoints live under. */
  authorityUrl: string;
  tenant: string;
  clientId: string;
  /** How Groundwork proves it is the app: a client secret, or a certificate's private key (a signed client assertion). */
  credential: { secret: string } | { certificate: { privateKeyPem: string; certificatePem: string } };
}

/** A PEM file's private key and certificate, both needed to sign client assertions Entra ID can match to the upload. */
function readCertificateFile(file: string): { privateKeyPem: string; certificatePem: string } {
  const problem = (what: string) => new ConfigError([`ENTRA_CLIENT_CERTIFICATE_FILE: ${what}`]);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw problem(`cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const block = (label: RegExp) => new RegExp(`-----BEGIN ${label.source}-----[\\s\\S]+?-----END ${label.source}-----`).exec(text)?.[0];
  const privateKeyPem = block(/(?:RSA )?PRIVATE KEY/);
  const certificatePem = block(/CERTIFICATE/);
  if (!privateKeyPem || !certificatePem) throw problem("must hold the private key and the certificate, both PEM-encoded");
  try {
    createPrivateKey(privateKeyPem);
    new X509Certificate(certificatePem);
  } catch {
    throw problem("holds a private key or certificate that cannot be read (an unencrypted PEM key is needed)");
  }
  return { privateKeyPem, certificatePem };
}

/** A setting names something Groundwork cannot use (a folder it cannot write, say): said plainly, without a stack. */
export class StartupError extends Error {}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value (DATABASE_URL= in a .env file) means "not set", as it does for most tools.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0]);
        const value = env[name];
        // Never echo DATABASE_URL: it may carry a password.
        const shown = value === undefined || /URL|SECRET|KEY|PASSWORD/.test(name) ? "" : ` (got "${value}")`;
        return `${name}: ${i.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  if (Boolean(e.INSIGHTS_MODEL_URL) !== Boolean(e.INSIGHTS_MODEL))
    throw new ConfigError(["INSIGHTS_MODEL_URL and INSIGHTS_MODEL: set both (the endpoint's base URL and the model's name) or neither"]);
  if (Boolean(e.BITBUCKET_OAUTH_KEY) !== Boolean(e.BITBUCKET_OAUTH_SECRET))
    throw new ConfigError(["BITBUCKET_OAUTH_KEY and BITBUCKET_OAUTH_SECRET: set both (the OAuth consumer's Key and Secret) or neither"]);
  if (
    Boolean(e.ENTRA_CLIENT_ID) !== Boolean(e.ENTRA_CLIENT_SECRET || e.ENTRA_CLIENT_CERTIFICATE_FILE) ||
    (e.ENTRA_CLIENT_SECRET && e.ENTRA_CLIENT_CERTIFICATE_FILE)
  )
    throw new ConfigError([
      "ENTRA_CLIENT_ID with ENTRA_CLIENT_SECRET or ENTRA_CLIENT_CERTIFICATE_FILE: set the app registration's client id and one credential, or none of them",
    ]);
  const port = e.PORT;
  const dataDir = path.resolve(e.DATA_DIR);
  const dbUrl = e.DATABASE_URL;
  const database: Config["database"] =
    dbUrl && !dbUrl.startsWith("sqlite:")
      ? { dialect: "postgres", url: dbUrl, ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) }
      : { dialect: "sqlite", storage: dbUrl ? dbUrl.slice("sqlite:".length) : path.join(dataDir, "groundwork.db") };
  return {
    port,
    host: e.HOST,
    publicUrl: new URL(e.PUBLIC_URL ?? `http://localhost:${port}`),
    database,
    dataDir,
    logLevel: e.LOG_LEVEL,
    worker: { enabled: e.WORKER_ENABLED === "true", concurrency: e.WORKER_CONCURRENCY, maxAttempts: e.JOB_MAX_ATTEMPTS },
    hostTimeoutMs: e.HOST_TIMEOUT_S * 1000,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    inviteTtlMs: e.INVITE_TTL_HOURS * 3600_000,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(import.meta.dirname, "../../web/dist")),
    ...(e.ENCRYPTION_KEY ? { encryptionKey: e.ENCRYPTION_KEY } : {}),
    adoBaseUrl: e.ADO_BASE_URL.replace(/\/$/, ""),
    adoIdentityUrl: e.ADO_IDENTITY_URL.replace(/\/$/, ""),
    adoProfileUrl: e.ADO_PROFILE_URL.replace(/\/$/, ""),
    ...(e.ENTRA_CLIENT_ID
      ? {
          entra: {
            authorityUrl: e.ENTRA_AUTHORITY_URL.replace(/\/$/, ""),
            tenant: e.ENTRA_TENANT,
            clientId: e.ENTRA_CLIENT_ID,
            credential: e.ENTRA_CLIENT_SECRET
              ? { secret: e.ENTRA_CLIENT_SECRET }
              : { certificate: readCertificateFile(path.resolve(e.ENTRA_CLIENT_CERTIFICATE_FILE!)) },
          },
        }
      : {}),
    adoExtension: {
      ...(e.ADO_EXTENSION_SECRET ? { secret: e.ADO_EXTENSION_SECRET } : {}),
      ...(e.ADO_EXTENSION_AUDIENCE ? { audience: e.ADO_EXTENSION_AUDIENCE } : {}),
      origins: e.ADO_EXTENSION_ORIGINS.split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    },
    bitbucket: {
      apiUrl: e.BITBUCKET_API_URL.replace(/\/$/, ""),
      allowedBaseUrls: e.BITBUCKET_ALLOWED_BASE_URLS.split(",")
        .map((u) => u.trim().replace(/\/$/, ""))
        .filter(Boolean),
      appKey: e.BITBUCKET_APP_KEY,
      siteUrl: e.BITBUCKET_SITE_URL.replace(/\/$/, ""),
      requestsPerHour: e.BITBUCKET_REQUESTS_PER_HOUR,
      ...(e.BITBUCKET_OAUTH_KEY && e.BITBUCKET_OAUTH_SECRET ? { oauth: { key: e.BITBUCKET_OAUTH_KEY, secret: e.BITBUCKET_OAUTH_SECRET } } : {}),
    },
    forge: { ...(e.FORGE_APP_ID ? { appId: e.FORGE_APP_ID } : {}), jwksUrl: e.FORGE_JWKS_URL },
    trustProxy: e.TRUST_PROXY === "false" ? false : e.TRUST_PROXY === "true" ? true : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    ...(e.INSIGHTS_MODEL_URL && e.INSIGHTS_MODEL
      ? {
          insightModel: {
            baseUrl: e.INSIGHTS_MODEL_URL.replace(/\/$/, ""),
            model: e.INSIGHTS_MODEL,
            ...(e.INSIGHTS_MODEL_KEY ? { apiKey: e.INSIGHTS_MODEL_KEY } : {}),
            timeoutMs: e.INSIGHTS_MODEL_TIMEOUT_S * 1000,
          },
        }
      : {}),
    ...(e.SMTP_URL
      ? { mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? `Groundwork <no-reply@${new URL(e.PUBLIC_URL ?? "http://localhost").hostname}>` } }
      : {}),
    sandbox: {},
  };
}
