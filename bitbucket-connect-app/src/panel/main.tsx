import "@atlaskit/css-reset";
import "../page.css";
import { createRoot } from "react-dom/client";
import { followColorScheme } from "../theme";
import { PullRequestPanel } from "./PullRequestPanel";
import { connectHost } from "./connect";

followColorScheme();
createRoot(document.getElementById("root")!).render(<PullRequestPanel host={connectHost} />);
