/**
 * Writes shared-types/src/openapi.ts — the API's paths, parameters, bodies and responses as its
 * OpenAPI document describes them — which the one typed client (shared-types/src/client.ts) is
 * built on. Run it after changing a route: `npm run api:types`. `apiTypes.test.ts` fails while
 * the committed file differs from what this writes.
 */
import fs from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { apiDocument } from "../src/http/app.js";
import { HOSTS } from "../src/hosts/index.js";

export const API_TYPES_FILE = path.resolve(import.meta.dirname, "../../shared-types/src/openapi.ts");

export async function apiTypes() {
  const document = apiDocument(HOSTS, "http://localhost:3000");
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return `// Generated from Groundwork's OpenAPI document by backend/scripts/apiTypes.ts (npm run api:types): do not edit.\n\n${astToString(ast)}`;
}

if (process.argv[1] === import.meta.filename) fs.writeFileSync(API_TYPES_FILE, await apiTypes());
