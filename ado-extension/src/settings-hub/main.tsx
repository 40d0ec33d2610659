import "azure-devops-ui/Core/override.css";
import "../common/style.css";
import { createRoot } from "../common/render";
import { SettingsHub } from "./SettingsHub";
import { startExtension } from "../common/host";

void startExtension().then(() => createRoot(<SettingsHub />));
