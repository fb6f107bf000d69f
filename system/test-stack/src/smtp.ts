import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server in-process (plain SMTP on loopback, no TLS or authentication): every message it
 * accepts is parsed with mailparser and kept with the envelope's recipients. It can be stopped and
 * started again on the same port, as an outage of the mail server. The Notification API's tests
 * and the end-to-end suite's mailbox both read what it received.
 */
export async function startTestSmtpServer(options: { port?: number } = {}) {
  const received: { recipients: string[]; mail: ParsedMail }[] = [];
  const make = () =>
    new SMTPServer({
      authOptional: true,
      // nodemailer would otherwise upgrade to TLS and refuse the server's certificate.
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      size: 5 * 1024 * 1024,
      // A stop must not wait for the sender's pooled connections to go idle.
      closeTimeout: 50,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
            received.push({ recipients, mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  let server = make();
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    /** Every message received so far, oldest first. */
    get received(): ParsedMail[] {
      return received.map((entry) => entry.mail);
    },
    /** The messages delivered to `address` (the envelope's recipients), oldest first. */
    to: (address: string): ParsedMail[] =>
      received.filter((entry) => entry.recipients.includes(address.toLowerCase())).map((entry) => entry.mail),
    async stop(): Promise<void> {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start(): Promise<void> {
      server = make();
      server.listen(port, "127.0.0.1");
      await once(server.server, "listening");
    },
  };
}

/** A running test SMTP server. */
export type TestSmtpServer = Awaited<ReturnType<typeof startTestSmtpServer>>;
