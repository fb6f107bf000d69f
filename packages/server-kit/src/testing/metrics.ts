/**
 * The sum of the samples of `name` in a Prometheus text exposition whose labels include `labels`
 * (`undefined` when there is none): `metricValue(text, "emails_total", { outcome: "sent" })`.
 */
export function metricValue(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  let sum: number | undefined;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = new Map(
      [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).some(([key, value]) => found.get(key) !== value)) continue;
    sum = (sum ?? 0) + Number(match[3]);
  }
  return sum;
}

/** The names of the metrics a Prometheus text exposition declares (its `# TYPE` lines). */
export const metricNames = (text: string): Set<string> =>
  new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));

/** `GET <baseUrl>/metrics`, as Prometheus scrapes it. */
export async function scrapeMetrics(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok) throw new Error(`GET ${baseUrl}/metrics answered ${response.status}`);
  return response.text();
}
