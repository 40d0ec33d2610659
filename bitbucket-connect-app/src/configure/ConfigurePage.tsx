import { useEffect } from "react";
import type { BitbucketConfigureData } from "@groundwork/shared-types";
import { LinkButton } from "@atlaskit/button/new";
import SectionMessage from "@atlaskit/section-message";

/** The app's configure page (Workspace settings → Groundwork), in the Connect app or the Forge app: connect this Bitbucket workspace to a Groundwork workspace. */
export function ConfigurePage({ data, resize }: { data: BitbucketConfigureData; resize(): void }) {
  useEffect(() => resize());
  if (data.kind === "admin_only")
    return (
      <>
        <h1>Groundwork</h1>
        <SectionMessage appearance="warning" title="Only an administrator can connect this workspace">
          <p role="alert">Only an administrator of the Bitbucket workspace {data.workspace} can connect it to Groundwork.</p>
        </SectionMessage>
      </>
    );
  return (
    <>
      <h1>Groundwork</h1>
      {data.bound ? (
        <SectionMessage appearance="success" title="Connected">
          <p>
            This Bitbucket workspace is connected to a Groundwork workspace. To move it to another one, an owner of the current one releases it first
            (Integrations → Bitbucket).
          </p>
        </SectionMessage>
      ) : (
        <SectionMessage appearance="information" title="One step left">
          <p>Connect this Bitbucket workspace to your Groundwork workspace.</p>
        </SectionMessage>
      )}
      <p>
        A Groundwork workspace owner opens the link below, logs in and confirms. Pull requests then show where they are attached, and get a Groundwork build
        status.
      </p>
      <div>
        <LinkButton appearance="primary" href={data.bindUrl} target="_blank" rel="noopener">
          {`Connect ${data.workspace} to Groundwork`}
        </LinkButton>
      </div>
      <p className="hint">The link works once, for 10 minutes.</p>
    </>
  );
}
