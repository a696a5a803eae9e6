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
      async send(message) {
        await transporter.sendMail({ from: config.from, ...message });
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
    async send(message) {
      await db.insert(mailMessage).values({ id: randomUUID(), ...message, transport: "outbox" });
      config.echo?.(`[outbox] to ${message.to}: ${message.subject}\n${message.text}`);
    },
    outbox: (limit = 50) =>
      db.select().from(mailMessage).orderBy(desc(mailMessage.createdAt)).limit(limit),
  };
}
