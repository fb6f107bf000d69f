import type { Express } from "express";

interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  security?: unknown;
  parameters?: unknown[];
  requestBody?: { content?: Record<string, { schema: unknown }> };
  responses?: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}
type Doc = {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
};

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const block = (value: unknown) => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

// A readable page rendered on the server from the same document: no CDN, no client script.
function renderDocs(doc: Doc): string {
  const sections = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const responses = Object.entries(op.responses ?? {});
      return `<section id="${escape(op.operationId)}">
<h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h2>
<p>${escape(op.summary ?? "")}${op.security ? " <strong>Requires a bearer token.</strong>" : ""} ${escape(op.description ?? "")}</p>
${op.parameters?.length ? `<h3>Parameters</h3>${block(op.parameters)}` : ""}
${body ? `<h3>Request body</h3>${block(body)}` : ""}
<h3>Responses</h3><ul>${responses
        .map(
          ([status, r]) =>
            `<li><strong>${status}</strong> ${escape(r.description)}${r.content?.["application/json"] ? block(r.content["application/json"].schema) : ""}</li>`,
        )
        .join("")}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)}</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
section{border-top:1px solid #e5e7eb;padding:.5rem 0}pre{background:#f3f4f6;padding:.5rem;overflow:auto;font-size:12px}
.m{display:inline-block;min-width:4.5rem;padding:0 .4rem;border-radius:4px;color:#fff;font-size:13px;text-align:center}
.get{background:#2563eb}.post{background:#059669}.put,.patch{background:#d97706}.delete{background:#dc2626}</style></head>
<body><h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description ?? "")} Machine-readable: <a href="/openapi.json">/openapi.json</a>. Errors use <code>application/problem+json</code>.</p>
${sections.join("\n")}</body></html>`;
}

/** Serves `GET /openapi.json` and `GET /docs` from one generated document. */
export function mountDocs(app: Express, document: Record<string, unknown>): void {
  const json = JSON.stringify(document);
  const html = renderDocs(document as Doc);
  app.get("/openapi.json", (_req, res) => {
    res.type("application/json").send(json);
  });
  app.get("/docs", (_req, res) => {
    res.type("html").send(html);
  });
}
