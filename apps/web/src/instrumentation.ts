/** Runs once when the server starts: the Node.js part refuses to start with a bad environment. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./check-env-at-start");
}
