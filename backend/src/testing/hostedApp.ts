import type { Config } from "../config.js";
import { adoHostsOf } from "@groundwork/simulators/ado/fakeAdo";
import { signAsBitbucket } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import type { FakeHost } from "@groundwork/simulators/fakeHost";
import type { ApiClient } from "./testApp.js";

/** Settings that point Groundwork at a fake Azure DevOps organisation and a fake Bitbucket. */
export const fakeHostsConfig = (ado: FakeHost, bitbucket: FakeHost, appKey = "groundwork"): Partial<Config> => ({
  adoBaseUrl: adoHostsOf(ado).baseUrl,
  adoIdentityUrl: adoHostsOf(ado).identityUrl,
  bitbucket: { apiUrl: bitbucket.url, siteUrl: bitbucket.url, allowedBaseUrls: ["https://bitbucket.org"], appKey },
});

/**
 * Binds a Connect installation to the owner's workspace as a person would: Bitbucket opens the
 * configure page for its administrator (the signing helper's default user), and the owner posts the code.
 */
export async function bindThroughConfigure(appUrl: string, owner: ApiClient, install: { clientKey: string; sharedSecret: string }) {
  const page = await (await fetch(`${appUrl}/bitbucket/configure?jwt=${signAsBitbucket(install.clientKey, install.sharedSecret, "GET", "/configure")}`)).text();
  const code = new URL(/href="([^"]+)"/.exec(page)![1]!.replaceAll("&#38;", "&")).searchParams.get("code")!;
  const bound = await owner.post("/api/integrations/bitbucket/bind", { code });
  if (bound.status !== 201) throw new Error(`binding failed: ${bound.status} ${JSON.stringify(bound.body)}`);
  return code;
}
