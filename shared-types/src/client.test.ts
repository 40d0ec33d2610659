import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiFailure, data, groundworkClient } from "./client.js";

/** A stand-in server answering as Groundwork does: JSON bodies, errors as {error: {code, message, field}}. */
let server: http.Server;
let baseUrl: string;
const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === "/api/auth/session") return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ csrfToken: "t" }));
      if (req.url === "/api/auth/logout") return res.writeHead(204).end();
      if (req.url === "/api/feedback")
        return res
          .writeHead(400, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { code: "validation_failed", message: "body: must not be empty", field: "body.body" } }));
      res.writeHead(502, { "content-type": "text/html" }).end("<html>Bad gateway</html>");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe("the typed API client", () => {
  it("sends each request's headers as they are when it is sent, and hands back the data", async () => {
    let token = "first";
    const api = groundworkClient({ baseUrl, headers: (method) => (method === "GET" ? { authorization: `Bearer ${token}` } : { "x-csrf-token": token }) });
    expect(await data(api.GET("/api/auth/session"))).toEqual({ csrfToken: "t" });
    token = "second";
    expect(await data(api.POST("/api/auth/logout"))).toBeUndefined();
    expect(seen.slice(-2).map((r) => [r.method, r.headers.authorization ?? r.headers["x-csrf-token"]])).toEqual([
      ["GET", "Bearer first"],
      ["POST", "second"],
    ]);
  });

  it("throws Groundwork's refusal with its status, code and field, and names the status when the body is not Groundwork's", async () => {
    const api = groundworkClient({ baseUrl });
    const refused = await data(api.POST("/api/feedback", { body: { subjectId: "00000000-0000-4000-8000-000000000001", body: "" } })).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiFailure);
    expect(refused).toMatchObject({ status: 400, code: "validation_failed", field: "body.body", message: "body: must not be empty" });
    const proxy = await data(api.GET("/api/integrations")).catch((e) => e);
    expect(proxy).toMatchObject({ status: 502, code: "unexpected", message: "Groundwork answered 502" });
  });

  it("says Groundwork could not be reached when the request never gets an answer", async () => {
    const api = groundworkClient({ baseUrl: "http://127.0.0.1:1" });
    await expect(data(api.GET("/api/auth/session"))).rejects.toMatchObject({ status: 0, code: "unreachable" });
  });
});
