/** The API's bodies, one file per section of the API under api/. */
export * from "./api/common.js";
export * from "./api/people.js";
export * from "./api/insights.js";
export * from "./api/context.js";
export * from "./api/timeline.js";
export * from "./api/growth.js";
export * from "./api/operations.js";
export * from "./api/integrations.js";
export * from "./api/history.js";
export * from "./api/panels.js";
