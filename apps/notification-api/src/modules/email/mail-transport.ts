import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Logger } from "@sharehood/server-kit";

/** Where email leaves this service: an SMTP server, or `.eml` files on the embedded default. */
export interface MailTransport {
  /** Says where email goes, for the start-up log. */
  readonly description: string;
  /**
   * Hands one message over; resolves once it is accepted (or written). `fileName` names the `.eml`
   * file in file mode: the same email always gets the same name, so a retry overwrites it.
   */
  send(message: SendMailOptions, fileName: string): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer's pool (a few connections reused for many messages), with timeouts short
 * enough that a dead server fails the job, which is retried later, instead of hanging it.
 */
function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    description: `SMTP ${new URL(url).host}`,
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/** No SMTP server: each message is written, exactly as it would be sent, to `<dir>/<name>.eml`. */
function fileTransport(dir: string, logger: Logger): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: `.eml files in ${dir}`,
    async send(message, fileName) {
      const info = await transporter.sendMail(message);
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${fileName}.eml`);
      await writeFile(file, info.message as Buffer);
      logger.info(
        { file, to: message.to, subject: message.subject },
        "email written to a file (no SMTP_URL)",
      );
    },
    close: () => transporter.close(),
  };
}

/** The transport for this configuration: SMTP when `smtpUrl` is set, else files under `mailDir`. */
export function createMailTransport(options: {
  smtpUrl: string | undefined;
  mailDir: string;
  logger: Logger;
}): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl) : fileTransport(options.mailDir, options.logger);
}
