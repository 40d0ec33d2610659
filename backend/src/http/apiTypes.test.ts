import fs from "node:fs";
import { expect, it } from "vitest";
import { API_TYPES_FILE, apiTypes } from "../../scripts/apiTypes.js";

it("keeps the typed client's types (shared-types/src/openapi.ts) as the routes describe the API", async () => {
  const committed = fs.readFileSync(API_TYPES_FILE, "utf8");
  expect(committed === (await apiTypes()), "shared-types/src/openapi.ts is out of date with the routes: run npm run api:types").toBe(true);
});
