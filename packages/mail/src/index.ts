// The one mail module. Development writes to an outbox (the database table, echoed to the
// terminal and shown at a development-only page); production sends by SMTP.
import { randomUUID } from "node:crypto";
import { type Database, mailMessage } from "@homeward/db";
import { desc } from "drizzle-orm";
import nodemailer from "nodemailer";

export type MailTransportConfig =
  | { kind: "outbox"; echo?: (line: string) => void }
  | { kind: "smtp"; url: string; from: string };

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A sender name in place of the configured one (discreet mode's neutral name). */
  fromName?: string;
}

/** The configured sender's address, under another display name. */
export function withSenderName(from: string, name: string): { name: string; address: string } {
  const address = from.match(/<([^<>]+)>\s*$/)?.[1] ?? from.trim();
  return { name, address };
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Newest first; development only (the outbox page and end-to-end tests read it). */
  outbox(limit?: number): Promise<(typeof mailMessage.$inferSelect)[]>;
}

export function createMailer(db: Database, config: MailTransportConfig): Mailer {
  if (config.kind === "smtp") {
    const transporter = nodemailer.createTransport(config.url);
    return {
      async send({ fromName, ...message }) {
        const from = fromName ? withSenderName(config.from, fromName) : config.from;
        await transporter.sendMail({ from, ...message });
        // Keep a record that something was sent, never its body: it may hold a sign-in code.
        await db.insert(mailMessage).values({
          id: randomUUID(),
          to: message.to,
          subject: message.subject,
          text: "",
          transport: "smtp",
          sentAt: new Date(),
        });
      },
      outbox: async () => [],
    };
  }
  return {
    async send({ fromName: _fromName, ...message }) {
      await db.insert(mailMessage).values({ id: randomUUID(), ...message, transport: "outbox" });
      config.echo?.(`[outbox] to ${message.to}: ${message.subject}\n${message.text}`);
    },
    outbox: (limit = 50) =>
      db.select().from(mailMessage).orderBy(desc(mailMessage.createdAt)).limit(limit),
  };
}
