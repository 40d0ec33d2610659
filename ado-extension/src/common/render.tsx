import type { ReactElement } from "react";
import { render } from "react-dom";
import { SurfaceBackground, SurfaceContext } from "azure-devops-ui/Surface";

/** React 16 (what azure-devops-ui needs) mounts with render(), not createRoot(). */
export function createRoot(app: ReactElement) {
  render(<SurfaceContext.Provider value={{ background: SurfaceBackground.neutral }}>{app}</SurfaceContext.Provider>, document.getElementById("root"));
}
