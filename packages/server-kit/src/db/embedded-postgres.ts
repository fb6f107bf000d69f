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
