import { pino, type Logger } from "pino";

export type { Logger };

/** The one logger factory: JSON lines, with the service name on every line. */
export function createLogger(service: string, level: string): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token", "*.refreshToken"],
      remove: true,
    },
  });
}
