import "@atlaskit/css-reset";
import { createRoot } from "react-dom/client";
import { setGlobalTheme } from "@atlaskit/tokens/set-global-theme";
import { PullRequestPanel } from "./PullRequestPanel";

// Themes load on demand, following the viewer's light/dark preference.
void setGlobalTheme({ colorMode: "auto" });
createRoot(document.getElementById("root")!).render(<PullRequestPanel />);
