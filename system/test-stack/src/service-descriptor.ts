import type { listen } from "@sharehood/server-kit";

type ListenOptions = Parameters<typeof listen>[1];

/** What the stack needs of a service built in-process: something to serve, and a way to stop it. */
export interface InProcessApi {
  app: Parameters<typeof listen>[0];
  /** What the server serves when it is not the app itself (the Inventory API's fast path). */
  listener?: ListenOptions["listener"];
  logger: ListenOptions["logger"];
  markShuttingDown(): void;
  dispose(): Promise<void>;
}

/**
 * How a service plugs into the test stack. Each app exports one from a light entry
 * (`@sharehood/<app>/service`) that loads none of the app until `configure` or `create` is called,
 * so this package depends on no app, and a suite that only runs bundles loads no app code.
 */
export interface ServiceDescriptor<Config = unknown, Api extends InProcessApi = InProcessApi> {
  /** The service's name, as in its logs: `user-api`. */
  name: string;
  /** Its npm workspace, which `npm run build -w` bundles: `@sharehood/user-api`. */
  workspace: string;
  /** Its Prisma folder (schema and migrations), for migrating a fresh database. */
  prismaDir: string;
  /** The absolute path of its production bundle (`dist/main.js`). */
  bundle: string;
  /** Validates an environment into the service's config. */
  configure(env: Record<string, string>): Promise<Config>;
  /** Builds the service in-process from its config. */
  create(config: Config): Promise<Api>;
}
