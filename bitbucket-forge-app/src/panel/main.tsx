import "@atlaskit/css-reset";
import "@groundwork/bitbucket-connect-app/src/page.css";
import { createRoot } from "react-dom/client";
import { followColorScheme } from "@groundwork/bitbucket-connect-app/src/theme";
import { PullRequestPanel } from "@groundwork/bitbucket-connect-app/src/panel/PullRequestPanel";
import { forgeHost } from "../forge";

// The pull request card (bitbucket:repoPullRequestCard): the Connect app's panel, through Forge.
followColorScheme();
createRoot(document.getElementById("root")!).render(<PullRequestPanel host={forgeHost} />);
