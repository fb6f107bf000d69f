/** What a page's security headers depend on. */
export interface SecurityHeaderOptions {
  /** This response's script nonce (see `newNonce`). */
  nonce: string;
  /** The public origin is https: browsers are told to come back over https only. */
  https: boolean;
  /** `next dev`: its overlay and fast refresh evaluate code, which production never needs. */
  development: boolean;
}

/** HSTS for two years, subdomains included: the value the preload list asks for, minus `preload`. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * A fresh, unguessable nonce for one response (128 random bits, base64). Web Crypto, not
 * node:crypto, so the proxy would also run on the edge runtime.
 */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce, which
 * Next.js puts on its own script tags; `'strict-dynamic'` lets those load the chunks they need,
 * and makes browsers ignore `'self'` and host lists for scripts, so an injected
 * `<script src>` from anywhere is refused.
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const directives: string[][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    // Inline styles stay allowed: React `style` props (the category art's colours) and Next's
    // route announcer set style attributes, which a nonce cannot cover. Styles cannot run code.
    ["style-src", "'self'", "'unsafe-inline'"],
    // Item photos come through this site (/photos/...); data: and blob: are the previews made in
    // the browser before an upload.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(options.https ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/**
 * The headers that depend on the request or the deployment, set by the proxy on every page:
 * the CSP (a nonce per response) and, behind https, HSTS. The fixed ones (nosniff, frame
 * options, referrer and permissions policies) are in next.config.ts, which also covers assets.
 */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    ...(options.https ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}
