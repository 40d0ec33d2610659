import { ApiFailure, data, groundworkClient, type GroundworkClient } from "@groundwork/shared-types/client";

export { ApiFailure, data };

let csrfToken = "";
/** The session's CSRF token, which every change must carry (the session and sign-in answers hand it out). */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** Groundwork's API as the web UI calls it: with the session cookie, and the CSRF token on every change. */
export const api: GroundworkClient = groundworkClient({
  credentials: "same-origin",
  headers: (method) => (method !== "GET" && csrfToken ? { "x-csrf-token": csrfToken } : {}),
});
