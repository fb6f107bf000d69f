import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseDockerfile, readDockerfile } from "../src/dockerfile.ts";
import { fromRoot, repoRoot } from "../src/paths.ts";

// These are static checks: no Docker engine runs the builds here. The APIs share one recipe,
// specialised by build arguments, which are substituted here as Docker would.
const apps: { dockerfile: string; workspace: string; port: number; buildArgs: Record<string, string> }[] = [
  {
    dockerfile: "deploy/docker/api.Dockerfile",
    workspace: "@sharehood/user-api",
    port: 4001,
    buildArgs: { SERVICE: "user-api", PORT: "4001" },
  },
  {
    dockerfile: "deploy/docker/api.Dockerfile",
    workspace: "@sharehood/inventory-api",
    port: 4002,
    buildArgs: { SERVICE: "inventory-api", PORT: "4002" },
  },
  {
    dockerfile: "deploy/docker/api.Dockerfile",
    workspace: "@sharehood/notification-api",
    port: 4003,
    buildArgs: { SERVICE: "notification-api", PORT: "4003" },
  },
  { dockerfile: "apps/web/Dockerfile", workspace: "@sharehood/web", port: 3000, buildArgs: {} },
];

/** The Dockerfile with `${NAME}` of the given build arguments replaced (NODE_IMAGE is kept). */
function readWithArgs(path: string, buildArgs: Record<string, string>) {
  const parsed = readDockerfile(path);
  const substitute = (text: string) =>
    text.replace(/\$\{(\w+)\}/g, (whole, name: string) => buildArgs[name] ?? whole);
  for (const stage of parsed.stages)
    for (const instruction of stage.instructions) instruction.args = substitute(instruction.args);
  return parsed;
}

describe.each(apps)("$dockerfile for $workspace", ({ dockerfile, workspace, port, buildArgs }) => {
  const { args, stages } = readWithArgs(fromRoot(dockerfile), buildArgs);
  const build = stages[0];
  const runtime = stages.at(-1);
  const all = (keyword: string) => runtime?.instructions.filter((i) => i.keyword === keyword) ?? [];

  test("builds in one stage and runs from another, on a slim glibc Node 20 image", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const nodeImage = args.find((a) => a.keyword === "ARG" && a.args.startsWith("NODE_IMAGE="));
    expect(nodeImage?.args).toMatch(/^NODE_IMAGE=node:20-(bookworm-)?slim$/);
    for (const stage of stages) expect(stage.from).toBe("${NODE_IMAGE}");
  });

  test("the build stage installs the monorepo, then builds this workspace", () => {
    const runs = build?.instructions.filter((i) => i.keyword === "RUN").map((i) => i.args) ?? [];
    expect(build?.instructions.some((i) => i.keyword === "COPY" && i.args === ". .")).toBe(true);
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && !r.includes("--omit=dev"))).toBe(true);
    expect(runs.some((r) => r.includes(`npm run build -w ${workspace}`))).toBe(true);
    expect(runs.some((r) => r.includes("node deploy/docker/production-manifests.mjs /manifests"))).toBe(true);
  });

  test("the runtime stage has production dependencies of this workspace only", () => {
    const runs = all("RUN").map((i) => i.args);
    expect(runs.some((r) => r.includes(`npm ci --omit=dev`) && r.includes(`-w ${workspace}`))).toBe(true);
    expect(all("COPY").some((i) => i.args.startsWith("--from=build /manifests/"))).toBe(true);
  });

  test("runs as a non-root user, in production mode, with a health check", () => {
    const users = all("USER").map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(all("ENV").some((i) => /\bNODE_ENV=production\b/.test(i.args))).toBe(true);
    expect(all("ENV").some((i) => new RegExp(`\\bPORT=${port}\\b`).test(i.args))).toBe(true);
    expect(all("EXPOSE").map((i) => i.args)).toContain(String(port));
    const healthcheck = all("HEALTHCHECK")[0]?.args ?? "";
    // Slim images have no curl: the check is a node one-liner.
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\(/);
    expect(all("CMD").length).toBe(1);
  });

  test("copies only paths that exist in the repository", () => {
    const copies = (build?.instructions ?? []).filter(
      (i) => i.keyword === "COPY" && !i.args.startsWith("--from"),
    );
    for (const copy of copies) {
      const [source] = copy.args.split(/\s+/);
      expect(existsSync(fromRoot(source ?? ""))).toBe(true);
    }
  });
});

describe("apps/web/Dockerfile", () => {
  test("carries every local module the web server imports (a missing one would stop the container at start)", () => {
    const runtime = readDockerfile(fromRoot("apps/web/Dockerfile")).stages.at(-1);
    const copied = (runtime?.instructions ?? [])
      .filter((i) => i.keyword === "COPY" && i.args.startsWith("--from=build"))
      .flatMap((i) => i.args.split(/\s+/).slice(1, -1))
      .map((source) => source.replace(/^\/repo\//, ""));
    const scripts = "apps/web/scripts";
    const wanted = new Set<string>();
    const visit = (file: string) => {
      if (wanted.has(file)) return;
      wanted.add(file);
      for (const [, local] of readFileSync(fromRoot(`${scripts}/${file}`), "utf8").matchAll(
        /\bimport\b[^"']*["']\.\/([^"']+)["']/g,
      ))
        visit(local!);
    };
    visit("server.mjs");
    for (const file of wanted) expect(copied, file).toContain(`${scripts}/${file}`);
  });
});

describe("the Dockerfile parser", () => {
  test("joins continuations, drops comments and splits stages", () => {
    const parsed = parseDockerfile(
      [
        "ARG NODE_IMAGE=node:20-slim",
        "# comment",
        "FROM ${NODE_IMAGE} AS build",
        "RUN a \\",
        "    # inside",
        " && b",
        "FROM --platform=linux/amd64 ${NODE_IMAGE}",
        "USER 1000:1000",
      ].join("\n"),
    );
    expect(parsed.args).toEqual([{ keyword: "ARG", args: "NODE_IMAGE=node:20-slim" }]);
    expect(parsed.stages.map((s) => [s.from, s.name])).toEqual([
      ["${NODE_IMAGE}", "build"],
      ["${NODE_IMAGE}", undefined],
    ]);
    expect(parsed.stages[0]?.instructions).toEqual([{ keyword: "RUN", args: "a && b" }]);
  });
});

describe(".dockerignore", () => {
  const patterns = readFileSync(fromRoot(".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));

  test("keeps local installs, build output, git history and secrets out of the build context", () => {
    for (const pattern of [".git", "**/node_modules", "**/dist", "**/.next", "**/.env"]) {
      expect(patterns).toContain(pattern);
    }
  });

  test("keeps what the builds need", () => {
    for (const pattern of patterns) {
      expect(pattern).not.toMatch(/^(package(-lock)?\.json|apps|packages|tooling|deploy\/docker)$/);
    }
  });
});

describe("deploy/docker/production-manifests.mjs", () => {
  const out = mkdtempSync(join(tmpdir(), "sharehood-manifests-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("copies the lockfile and every workspace manifest, without devDependencies", () => {
    execFileSync(process.execPath, [fromRoot("deploy/docker/production-manifests.mjs"), out], {
      cwd: repoRoot,
    });
    expect(readFileSync(join(out, "package-lock.json"), "utf8")).toBe(
      readFileSync(fromRoot("package-lock.json"), "utf8"),
    );
    for (const parent of ["apps", "packages", "tooling"]) {
      for (const name of readdirSync(fromRoot(parent))) {
        if (!existsSync(fromRoot(parent, name, "package.json"))) continue;
        const original = JSON.parse(readFileSync(fromRoot(parent, name, "package.json"), "utf8"));
        const copy = JSON.parse(readFileSync(join(out, parent, name, "package.json"), "utf8"));
        expect(copy.devDependencies, `${parent}/${name}`).toBeUndefined();
        expect(copy.dependencies, `${parent}/${name}`).toEqual(original.dependencies);
        expect(copy.name).toBe(original.name);
      }
    }
    expect(JSON.parse(readFileSync(join(out, "package.json"), "utf8")).devDependencies).toBeUndefined();
  });
});
