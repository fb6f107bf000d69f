import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngine = bindings.SchemaEngine;

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

// PrismaPg drops its shadow database while its own pool still holds a connection, which fails;
// this factory ends the pool first and drops with FORCE.
function adapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const config = { ...poolConfigOf(databaseUrl), max: 2 };
  const main = new PrismaPg(config);
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      const admin = await main.connect();
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...config, database }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}

/**
 * Opens Prisma's schema engine (WebAssembly build) over a driver adapter: migrations without the
 * native engine binary that the CLI would try to download.
 */
export async function openSchemaEngine(
  databaseUrl: string,
  schemaPath: string,
  log: (message: string) => void = () => {},
) {
  await loadWasm();
  const datamodel = await readFile(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(databaseUrl));
  const engine = await bindings.SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, log, adapter);
  return { engine, datamodel };
}
