import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { escapeHtml } from "@groundwork/backend/http/html";

export interface CaughtMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  at: Date;
}

/**
 * A local SMTP server that keeps what Groundwork sends, and a page that shows it: `npm start`
 * points SMTP_URL here so a new user can follow verification and reset links, and tests read
 * the messages to follow them too.
 */
export async function startMailSandbox(httpPort = 0) {
  const messages: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
          messages.push({ to, from: parsed.from?.text ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "", at: new Date() });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => smtp.listen(0, "127.0.0.1", resolve).once("error", reject));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  const page = http.createServer((req, res) => {
    if (req.url === "/messages.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(messages));
      return;
    }
    const list = [...messages]
      .reverse()
      .map(
        (m) => `<article><h2>${escapeHtml(m.subject)}</h2><p><small>To ${escapeHtml(m.to)} · ${m.at.toLocaleString()}</small></p>
<pre>${escapeHtml(m.text).replace(/https?:\/\/\S+/g, (link) => `<a href="${link}">${link}</a>`)}</pre></article>`,
      )
      .join("");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html><head><meta charset="utf-8"><title>Mail sandbox</title>
<style>body{font-family:system-ui;max-width:760px;margin:2rem auto;padding:0 1rem}article{border-bottom:1px solid #ddd;padding:.5rem 0}pre{white-space:pre-wrap}</style></head>
<body><h1>Mail sandbox</h1><p>What Groundwork would have emailed (verification and password-reset links), newest first.</p>
${list || "<p>No mail yet.</p>"}</body></html>`);
  });
  await new Promise<void>((resolve, reject) => page.listen(httpPort, "127.0.0.1", resolve).once("error", reject));
  const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;

  return {
    smtpUrl,
    url,
    messages,
    /** The first link in the newest message to `to`. */
    linkTo(to: string) {
      const mail = [...messages].reverse().find((m) => m.to.toLowerCase().includes(to.toLowerCase()));
      return mail ? (/https?:\/\/\S+/.exec(mail.text)?.[0] ?? null) : null;
    },
    async stop() {
      page.closeAllConnections();
      await new Promise<void>((resolve) => page.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
