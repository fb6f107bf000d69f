import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** A PGlite database served on a local port, so Prisma and pg talk to it like any PostgreSQL. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded default database: PGlite with its data under `dataDir`, served on
 * 127.0.0.1:`port` (0 picks a free port). Used only when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
}): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  // The extensions the migrations create: exclusion constraints (btree_gist), case-blind emails
  // (citext), distance search (cube, earthdistance), typo-tolerant and accent-blind search.
  const db = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { btree_gist, citext, cube, earthdistance, pg_trgm, unaccent },
  });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 32,
  });
  keepExtendedQueriesWhole(server);
  await server.start();
  // getServerConn() answers "host:port" once listening.
  const port = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Extended-protocol messages that leave a query unfinished until the client's Sync. */
const MID_QUERY = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

/**
 * PGlite is one backend session; pglite-socket queues the protocol messages of all its connections
 * and runs them one message at a time, keeping a connection's turn only while it is inside a
 * transaction. Outside one, another connection's Parse could land between a connection's Parse and
 * its Bind and replace the unnamed statement ("bind message supplies 3 parameters, but prepared
 * statement requires 1"), which under load failed plain requests with 500s. The queue reads
 * `db.isInTransaction()` to keep a connection's turn, so it is handed a view of the database that
 * also says yes from a connection's Parse to its Sync: an extended query then runs whole.
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: { db: PGlite } }).queryQueue;
  const db = queue.db;
  let midQuery = false;
  queue.db = new Proxy(db, {
    get(target, property, receiver) {
      if (property === "isInTransaction") return () => midQuery || target.isInTransaction();
      if (property === "execProtocolRawStream")
        return (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          midQuery = MID_QUERY.has(message[0] ?? 0);
          return target.execProtocolRawStream(message, options);
        };
      if (property === "exec")
        // The queue's ROLLBACK for a connection that went away ends its unfinished query too.
        return (query: string) => {
          midQuery = false;
          return target.exec(query);
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
