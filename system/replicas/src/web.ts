import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** The web app's production server (relative to the repository root, as ServiceProcess runs it). */
export const WEB_ENTRY = "apps/web/scripts/server.mjs";
/** Present once the web app has a production build (`next build`). */
export const WEB_BUILD_ID = fileURLToPath(new URL("../../../apps/web/.next/BUILD_ID", import.meta.url));

/** Builds the web app for production (minutes: done only when no build exists). */
export function buildWeb(): void {
  console.log("replicas: building the web app (no production build yet)");
  execFileSync(npm, ["run", "build", "-w", "@sharehood/web"], { cwd: root, stdio: "inherit" });
}

/** The cookies a response sets, as `name=value` by name (a cleared one is gone). */
export function cookiesOf(res: Response, jar: Map<string, string> = new Map()): Map<string, string> {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return jar;
}

/** A jar as a `Cookie` header. */
export const cookieHeader = (jar: Map<string, string>): string =>
  [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/**
 * Signs in through a web replica as a browser without JavaScript would: reads the sign-in page,
 * posts its form (the server action's fields included) with the credentials, and keeps the
 * cookies the answer sets (the session's, which any replica sharing AUTH_SECRET can read).
 */
export async function signInThroughWeb(
  webUrl: string,
  credentials: { email: string; password: string },
): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const page = await fetch(`${webUrl}/sign-in`);
  cookiesOf(page, jar);
  const html = await page.text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error("the sign-in page has no form");
  const body = new FormData();
  for (const input of form.matchAll(/<input[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    if (!name) continue;
    const value = /\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? "";
    body.append(name.replaceAll("&amp;", "&"), value.replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
  }
  body.set("email", credentials.email);
  body.set("password", credentials.password);
  const res = await fetch(`${webUrl}/sign-in`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie: cookieHeader(jar), origin: webUrl },
  });
  cookiesOf(res, jar);
  await res.arrayBuffer();
  return jar;
}
