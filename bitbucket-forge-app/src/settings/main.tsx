import "@atlaskit/css-reset";
import "@groundwork/bitbucket-connect-app/src/page.css";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { BitbucketConfigureData } from "@groundwork/shared-types";
import { describeFailure } from "@groundwork/shared-types/pullRequestPanel";
import SectionMessage from "@atlaskit/section-message";
import Spinner from "@atlaskit/spinner";
import { followColorScheme } from "@groundwork/bitbucket-connect-app/src/theme";
import { ConfigurePage } from "@groundwork/bitbucket-connect-app/src/configure/ConfigurePage";
import { remote } from "../forge";

/** Workspace settings → Groundwork (bitbucket:workspaceSettingsMenuPage): Groundwork says whether this person may connect the workspace. */
function Settings() {
  const [data, setData] = useState<BitbucketConfigureData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    remote<unknown>("POST", "/configure").then(
      (body) => setData(BitbucketConfigureData.parse(body)),
      (err: unknown) => setError(describeFailure(err).message),
    );
  }, []);
  if (error)
    return (
      <SectionMessage appearance="error" title="Groundwork could not be reached">
        <p role="alert">{error}</p>
      </SectionMessage>
    );
  return data ? <ConfigurePage data={data} resize={() => undefined} /> : <Spinner label="Loading Groundwork" />;
}

followColorScheme();
createRoot(document.getElementById("root")!).render(<Settings />);
