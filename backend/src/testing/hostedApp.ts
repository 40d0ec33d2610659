import { BitbucketConfigureData } from "@groundwork/shared-types";
import type { Config } from "../config.js";
import { adoHostsOf } from "@groundwork/simulators/ado/fakeAdo";
import { signAsBitbucket } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import type { FakeHost } from "@groundwork/simulators/fakeHost";
import type { ApiClient } from "./testApp.js";

/** Settings that point Groundwork at a fake Azure DevOps organisation and a fake Bitbucket. */
export const fakeHostsConfig = (ado: FakeHost, bitbucket: FakeHost, appKey = "groundwork", requestsPerHour = 1000): Partial<Config> => ({
  adoBaseUrl: adoHostsOf(ado).baseUrl,
  adoIdentityUrl: adoHostsOf(ado).identityUrl,
  bitbucket: { apiUrl: bitbucket.url, siteUrl: bitbucket.url, allowedBaseUrls: ["https://bitbucket.org"], appKey, requestsPerHour },
});

/**
 * Binds a Connect installation to the owner's workspace as a person would: Bitbucket opens the
 * configure page for its administrator (the signing helper's default user), and the owner posts the code.
 */
export async function bindThroughConfigure(appUrl: string, owner: ApiClient, install: { clientKey: string; sharedSecret: string }) {
  const page = await (await fetch(`${appUrl}/bitbucket/configure?jwt=${signAsBitbucket(install.clientKey, install.sharedSecret, "GET", "/configure")}`)).text();
  const code = bindCodeOf(page)!;
  const bound = await owner.post("/api/integrations/bitbucket/bind", { code });
  if (bound.status !== 201) throw new Error(`binding failed: ${bound.status} ${JSON.stringify(bound.body)}`);
  return code;
}

/** What the server wrote into the configure page for its script to show (BitbucketConfigureData). */
export function configureDataOf(html: string) {
  const json = /<script type="application\/json" id="gw-configure">([^<]*)<\/script>/.exec(html)?.[1];
  return json ? BitbucketConfigureData.parse(JSON.parse(json)) : null;
}

/** The bind code in the configure page's link, if it offers one. */
export function bindCodeOf(html: string) {
  const data = configureDataOf(html);
  return data?.kind === "connect" ? new URL(data.bindUrl).searchParams.get("code") : null;
}
