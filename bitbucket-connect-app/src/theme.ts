import { setGlobalTheme } from "@atlaskit/tokens/set-global-theme";

/**
 * Atlaskit's light or dark palette as the viewer prefers, following a change. Only the palette
 * in use loads ("auto" would fetch light and dark at start).
 */
export function followColorScheme() {
  const prefersDark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => void setGlobalTheme({ colorMode: prefersDark.matches ? "dark" : "light" });
  apply();
  prefersDark.addEventListener("change", apply);
}
