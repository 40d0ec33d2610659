import "@atlaskit/css-reset";
import "../page.css";
import { createRoot } from "react-dom/client";
import { BitbucketConfigureData } from "@groundwork/shared-types";
import { followColorScheme } from "../theme";
import { resize } from "../panel/connect";
import { ConfigurePage } from "./ConfigurePage";

followColorScheme();
const data = BitbucketConfigureData.parse(JSON.parse(document.getElementById("gw-configure")!.textContent ?? "null"));
createRoot(document.getElementById("root")!).render(<ConfigurePage data={data} resize={resize} />);
