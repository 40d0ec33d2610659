import "azure-devops-ui/Core/override.css";
import "../common/style.css";
import { createRoot } from "../common/render";
import { PullRequestPanel } from "./PullRequestPanel";
import { startExtension } from "../common/host";

void startExtension().then(() => createRoot(<PullRequestPanel />));
