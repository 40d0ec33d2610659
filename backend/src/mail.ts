import nodemailer from "nodemailer";
import type { Config } from "./config.js";

/** A message Groundwork sends: verification and password-reset links. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Mail over SMTP (nodemailer), when SMTP_URL is set; otherwise none, and the flows that would
 * mail a link fall back to ones an owner hands over (reset links, as for invites).
 */
export function createMailer(config: Config): Mailer | null {
  if (!config.mail) return null;
  const transport = nodemailer.createTransport(config.mail.smtpUrl);
  const from = config.mail.from;
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
