import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The repository root: processes run from there, as `npm start` runs them.
const root = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * A service running as its own process (`node <bundle>`: a service descriptor's production
 * bundle, or any script), which a resilience scenario or a benchmark can kill and restart.
 */
export class ServiceProcess {
  #child: ChildProcess | undefined;
  #output: string[] = [];
  exitCode: number | null = null;
  exitedAt: number | undefined;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    /** The script to run: absolute (a descriptor's `bundle`), or relative to the repository root. */
    private readonly entry: string,
    /** The path that answers 200 once the process is ready. */
    private readonly readyPath = "/readyz",
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The process id while it runs (a benchmark reads its memory from /proc). */
  get pid(): number | undefined {
    return this.exitedAt === undefined ? this.#child?.pid : undefined;
  }

  /** Starts the process and waits until /readyz answers 200. */
  async start(timeoutMs = 30_000): Promise<void> {
    this.exitCode = null;
    this.exitedAt = undefined;
    const child = spawn(process.execPath, [resolve(root, this.entry)], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        ...this.env,
        PORT: String(this.port),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      this.#output.push(chunk.toString());
      if (this.#output.length > 200) this.#output.splice(0, 100); // only the tail is ever shown
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.once("exit", (code) => {
      this.exitCode = code;
      this.exitedAt = Date.now();
    });
    this.#child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      // Read through a function: the exit handler changes exitCode behind the compiler's back.
      const code = this.#currentExitCode();
      if (code !== null) throw new Error(`${this.name} exited with ${code}:\n${this.output()}`);
      const ready = await fetch(`${this.url}${this.readyPath}`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${this.name} was not ready in ${timeoutMs} ms:\n${this.output()}`);
  }

  /** Sends a signal; resolves with the exit code once the process is gone. */
  async stop(signal: NodeJS.Signals = "SIGKILL"): Promise<number | null> {
    const child = this.#child;
    // Gone already: a process a signal ended has no exit code, so ask whether it exited at all.
    if (!child || this.exitedAt !== undefined) return this.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }

  #currentExitCode(): number | null {
    return this.exitCode;
  }

  /** The last lines the process printed, for failure messages. */
  output(): string {
    return this.#output.join("").split("\n").slice(-30).join("\n");
  }
}
