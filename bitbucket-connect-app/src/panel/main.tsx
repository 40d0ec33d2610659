import "@atlaskit/css-reset";
import "../page.css";
import { createRoot } from "react-dom/client";
import { setGlobalTheme } from "@atlaskit/tokens/set-global-theme";
import { PullRequestPanel } from "./PullRequestPanel";

// Only the palette in use loads ("auto" would fetch light and dark at start); a change of the
// viewer's preference loads the other then.
const prefersDark = window.matchMedia("(prefers-color-scheme: dark)");
const applyTheme = () => void setGlobalTheme({ colorMode: prefersDark.matches ? "dark" : "light" });
applyTheme();
prefersDark.addEventListener("change", applyTheme);
createRoot(document.getElementById("root")!).render(<PullRequestPanel />);
