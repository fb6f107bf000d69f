import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngine = bindings.SchemaEngine;
type PrismaPgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

// Node's global, which @types/node 20 does not declare without the DOM lib.
interface WasmGlobal {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmGlobal };

let loaded: Promise<void> | undefined;

// Node cannot import a .wasm module directly, so the bindings are wired to an instance by hand.
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

// Discrete fields rather than a connection string: the adapter opens its shadow database by
// overriding `database`, which a connection string would silently win over.
function poolConfigOf(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname),
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1) || "postgres"),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

/**
 * PrismaPg runs a migration by splitting its script on every ";", inside comments and function
 * bodies too, so a migration with a PL/pgSQL trigger cannot apply. Prisma's native engine sends
 * the script whole, as one simple query, which PostgreSQL runs as one implicit transaction (a
 * migration applies completely or not at all); so does this.
 */
function withWholeScripts(adapter: PrismaPgAdapter): SqlDriverAdapter {
  const driver = adapter.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await driver.query(script);
    } catch (error) {
      const e = error as {
        code?: string;
        severity?: string;
        message: string;
        detail?: string;
        column?: string;
        hint?: string;
      };
      throw new DriverAdapterError({
        kind: "postgres",
        code: e.code ?? "N/A",
        severity: e.severity ?? "N/A",
        message: e.message,
        detail: e.detail,
        column: e.column,
        hint: e.hint,
      });
    }
  };
  return adapter;
}

// PrismaPg drops its shadow database while its own pool still holds a connection, which fails;
// this factory ends the pool first and drops with FORCE. `close` ends every pool it opened: the
// engine does not, and its connection holds the migration advisory lock until the pool's idle
// timeout, so the next migration of the same database in this process would wait 10 s for it.
function adapterFactory(
  databaseUrl: string,
): SqlMigrationAwareDriverAdapterFactory & { close(): Promise<void> } {
  const config = { ...poolConfigOf(databaseUrl), max: 2 };
  const main = new PrismaPg(config);
  const opened: SqlDriverAdapter[] = [];
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    async connect() {
      const adapter = withWholeScripts(await main.connect());
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      const admin = await main.connect();
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = withWholeScripts(await new PrismaPg({ ...config, database }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
    async close() {
      await Promise.all(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

/**
 * Runs `use` with Prisma's schema engine (WebAssembly build) over a driver adapter: migrations
 * without the native engine binary that the CLI would try to download. The engine and its
 * connections are released afterwards, whatever happens.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaPath: string,
  use: (engine: SchemaEngine, datamodel: string) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const datamodel = await readFile(schemaPath, "utf8");
  const factory = adapterFactory(databaseUrl);
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: [[schemaPath, datamodel]] },
      () => {},
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await use(engine, datamodel);
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
  }
}
