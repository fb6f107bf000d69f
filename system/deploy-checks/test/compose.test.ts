import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { composeValidator, formatErrors } from "../src/compose-schema.ts";
import { readDockerfile } from "../src/dockerfile.ts";
import { variablesReadByCode } from "../src/env-vars.ts";
import { fromRoot } from "../src/paths.ts";
import { readYamlObject, type Loose } from "../src/yaml.ts";

const compose = readYamlObject(fromRoot("docker-compose.yml")) as Loose;
const services: Record<string, Loose> = compose.services;
/** Services built from this repository's Dockerfiles. */
const ours = Object.entries(services).filter(([, service]) => service.build !== undefined);

const dependsOn = (name: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(services[name]?.depends_on ?? {}).map(([dependency, spec]: [string, Loose]) => [
      dependency,
      spec.condition,
    ]),
  );

/** The database name at the end of a postgresql:// URL (interpolation left in place). */
const databaseOf = (url: string) => /\/([^/?]+)(?:\?.*)?$/.exec(url)?.[1];

describe("docker-compose.yml", () => {
  test("is valid under the Compose specification's JSON schema", () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(valid, formatErrors(validate.errors)).toBe(true);
  });

  test("the schema check catches mistakes", () => {
    const validate = composeValidator();
    const broken = structuredClone(compose);
    broken.services.web.depends_on["user-api"].condition = "service_ready";
    broken.services.web.restart_policy = "always";
    expect(validate(broken)).toBe(false);
    expect(formatErrors(validate.errors)).toContain("restart_policy");
  });

  test("runs PostgreSQL 15 and Redis 7 with health checks and named volumes", () => {
    expect(services.postgres.image).toMatch(/^postgres:15(\b|-)/);
    expect(services.redis.image).toMatch(/^redis:7(\b|-)/);
    for (const name of ["postgres", "redis"]) expect(services[name].healthcheck?.test).toBeDefined();
    const named = Object.keys(compose.volumes ?? {});
    for (const [name, service] of Object.entries(services)) {
      for (const volume of (service.volumes ?? []) as string[]) {
        const source = volume.split(":")[0] ?? "";
        if (source.startsWith(".") || source.startsWith("/")) {
          expect(existsSync(fromRoot(source)), `${name}: ${source}`).toBe(true);
        } else {
          expect(named, `${name}: volume ${source}`).toContain(source);
        }
      }
    }
  });

  test("creates one database per service and points each service at its own", () => {
    const init = services.postgres.volumes.find((v: string) => v.includes("docker-entrypoint-initdb.d"));
    const sql = readFileSync(fromRoot(init.split(":")[0]), "utf8");
    const users = databaseOf(services["user-api"].environment.DATABASE_URL);
    const inventory = databaseOf(services["inventory-api"].environment.DATABASE_URL);
    const notifications = databaseOf(services["notification-api"].environment.DATABASE_URL);
    expect(users).toBe("sharehood_users");
    expect(inventory).toBe("sharehood_inventory");
    expect(notifications).toBe("sharehood_notifications");
    for (const database of [users, inventory, notifications])
      expect(sql).toContain(`CREATE DATABASE ${database};`);
    expect(databaseOf(services["user-api-migrate"].environment.DATABASE_URL)).toBe(users);
    expect(databaseOf(services["inventory-api-migrate"].environment.DATABASE_URL)).toBe(inventory);
    expect(databaseOf(services["notification-api-migrate"].environment.DATABASE_URL)).toBe(notifications);
  });

  test.each(["user-api", "inventory-api", "notification-api"])(
    "%s starts after its migrations, which run once PostgreSQL is healthy",
    (api) => {
      const migrate = services[`${api}-migrate`];
      expect(migrate.command).toEqual(["node", "dist/migrate.js"]);
      expect(migrate.image).toBe(services[api].image);
      expect(migrate.build).toEqual(services[api].build);
      expect(migrate.restart).toBe("no");
      expect(dependsOn(`${api}-migrate`)).toEqual({ postgres: "service_healthy" });
      expect(dependsOn(api)).toMatchObject({
        [`${api}-migrate`]: "service_completed_successfully",
        postgres: "service_healthy",
        redis: "service_healthy",
      });
    },
  );

  test("the web app starts once the APIs and Redis (its page cache's announcements) are healthy", () => {
    expect(dependsOn("web")).toEqual({
      redis: "service_healthy",
      "user-api": "service_healthy",
      "inventory-api": "service_healthy",
      "notification-api": "service_healthy",
    });
    expect(dependsOn("inventory-api")["user-api"]).toBe("service_healthy");
    expect(dependsOn("notification-api")["user-api"]).toBe("service_healthy");
  });

  test("every service waited on for health has a health check (its own or its image's)", () => {
    for (const name of Object.keys(services)) {
      for (const [dependency, condition] of Object.entries(dependsOn(name))) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeDefined();
        if (condition !== "service_healthy") continue;
        const service = services[dependency];
        expect(service.healthcheck?.disable, dependency).not.toBe(true);
        const own = service.healthcheck?.test !== undefined;
        const fromImage =
          service.build !== undefined &&
          readDockerfile(fromRoot(service.build.context, service.build.dockerfile))
            .stages.at(-1)
            ?.instructions.some((i) => i.keyword === "HEALTHCHECK");
        expect(own || fromImage, `${dependency} has no health check`).toBe(true);
      }
    }
  });

  test("builds every API from the one API recipe, each naming its service and port", () => {
    for (const [api, port] of [
      ["user-api", "4001"],
      ["inventory-api", "4002"],
      ["notification-api", "4003"],
    ] as const) {
      expect(services[api].build).toEqual({
        context: ".",
        dockerfile: "deploy/docker/api.Dockerfile",
        args: { SERVICE: api, PORT: port },
      });
    }
  });

  test("builds each image from the repository root with an existing Dockerfile", () => {
    for (const [name, service] of ours) {
      expect(service.build.context, name).toBe(".");
      expect(existsSync(fromRoot(service.build.dockerfile)), name).toBe(true);
    }
  });

  test("the APIs share Redis and its namespace (revocations, cached token answers, the event stream)", () => {
    const userApi = services["user-api"].environment;
    expect(userApi.REDIS_URL).toBeDefined();
    for (const api of ["inventory-api", "notification-api"]) {
      expect(services[api].environment.REDIS_URL, api).toBe(userApi.REDIS_URL);
      expect(services[api].environment.REDIS_NAMESPACE, api).toBe(userApi.REDIS_NAMESPACE);
    }
  });

  test("the APIs run in production mode on their ports, and find each other by service name", () => {
    expect(services["user-api"].environment).toMatchObject({ NODE_ENV: "production", PORT: 4001 });
    expect(services["inventory-api"].environment).toMatchObject({
      NODE_ENV: "production",
      PORT: 4002,
      USER_API_URL: "http://user-api:4001",
    });
    expect(services["notification-api"].environment).toMatchObject({
      NODE_ENV: "production",
      PORT: 4003,
      USER_API_URL: "http://user-api:4001",
    });
    expect(services.web.environment).toMatchObject({
      NODE_ENV: "production",
      USER_API_URL: "http://user-api:4001",
      INVENTORY_API_URL: "http://inventory-api:4002",
      NOTIFICATION_API_URL: "http://notification-api:4003",
    });
  });

  test("the unsubscribe links' signing secret must come from the environment: no default", () => {
    expect(services["notification-api"].environment.NOTIFICATION_SIGNING_SECRET).toMatch(
      /^\$\{NOTIFICATION_SIGNING_SECRET:\?[^}]+\}$/,
    );
  });

  test("AUTH_SECRET must come from the environment: no default", () => {
    expect(services.web.environment.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?[^}]+\}$/);
  });

  test("SERVICE_SECRET must come from the environment, the same for the web app and the User API", () => {
    expect(services.web.environment.SERVICE_SECRET).toMatch(/^\$\{SERVICE_SECRET:\?[^}]+\}$/);
    expect(services["user-api"].environment.SERVICE_SECRET).toBe(services.web.environment.SERVICE_SECRET);
  });

  test("no demo users (public passwords) unless asked for, and then only when insisted on", () => {
    const userApi = services["user-api"].environment;
    expect(userApi.SEED_DEMO_DATA).toBe("${SEED_DEMO_DATA:-false}");
    expect(userApi.ALLOW_DEMO_DATA_IN_PRODUCTION).toBe("${ALLOW_DEMO_DATA_IN_PRODUCTION:-false}");
    expect(userApi.NODE_ENV).toBe("production");
  });

  test("Redis is bounded and evicts only keys that expire", () => {
    const command: string[] = services.redis.command;
    const setting = (name: string) => command[command.indexOf(name) + 1];
    expect(setting("--maxmemory")).toMatch(/^\d+(mb|gb)$/);
    expect(setting("--maxmemory-policy")).toMatch(/^volatile-/);
  });

  test("gives Sharehood containers only variables their code reads", () => {
    const known = variablesReadByCode();
    for (const [name, service] of ours) {
      for (const variable of Object.keys(service.environment ?? {})) {
        expect(known.has(variable), `${name}: ${variable} is read by no code`).toBe(true);
      }
    }
  });
});
