"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { AccessToken } from "@sharehood/sdk/contract";
import { Badge } from "@sharehood/ui/badge";
import { EmptyState } from "@sharehood/ui/empty-state";
import { ConfirmRemove } from "@/features/api-access/confirm-remove";
import { SCOPE_TEXT } from "@/features/api-access/scope-text";
import { revokeAccessTokenAction } from "@/features/api-access/token-actions";
import {
  expiryText,
  isExpired,
  lastUsedText,
  lastUsedTitle,
  prefixText,
} from "@/features/api-access/token-text";
import { formatDate } from "@/features/items/dates";

/**
 * My tokens, newest first: name, what it may do, how to recognise it, when it was made, when it
 * expires and when and from where it was last used; each with "Revoke" after a confirmation.
 * `now` comes from the server, so the server's and the browser's wording agree.
 */
export function TokenList({ tokens, now }: { tokens: AccessToken[]; now: number }) {
  const [revoked, setRevoked] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const router = useRouter();
  const shown = tokens.filter((token) => !revoked.has(token.id));

  function onRevoked(token: AccessToken) {
    setRevoked((ids) => new Set(ids).add(token.id));
    setNotice(`Token “${token.name}” revoked. Programs using it can no longer reach Sharehood.`);
    // Its row and the focused button are gone: the focus goes back to the list's heading.
    headingRef.current?.focus();
    router.refresh();
  }

  return (
    <section aria-labelledby="tokens-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="tokens-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
          Your tokens
        </h2>
        <p role="status" className="text-sm text-stone-800">
          {notice}
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="No tokens yet">Tokens you make for your programs are listed here.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {shown.map((token) => (
            <li
              key={token.id}
              className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-5"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold text-stone-900">{token.name}</h3>
                <code className="font-mono text-sm text-stone-700" aria-label={`Starts with ${token.prefix}`}>
                  {prefixText(token.prefix)}
                </code>
              </div>
              <ul aria-label="What it may do" className="flex flex-wrap gap-1.5">
                {token.scopes.map((scope) => (
                  <li key={scope}>
                    <Badge tone={scope === "admin" ? "red" : "brand"}>
                      <span title={SCOPE_TEXT[scope].hint}>{scope}</span>
                    </Badge>
                  </li>
                ))}
              </ul>
              <dl className="grid gap-x-4 gap-y-1 text-sm text-stone-700 sm:grid-cols-[auto_1fr]">
                <dt className="font-medium text-stone-900">Created</dt>
                <dd>{formatDate(token.createdAt.slice(0, 10))}</dd>
                <dt className="font-medium text-stone-900">Expiry</dt>
                <dd>
                  {expiryText(token, now)}
                  {isExpired(token, now) && (
                    <Badge tone="amber" className="ml-2">
                      Expired
                    </Badge>
                  )}
                </dd>
                <dt className="font-medium text-stone-900">Last used</dt>
                <dd>
                  {token.lastUsedAt ? (
                    <time dateTime={token.lastUsedAt} title={lastUsedTitle(token)}>
                      {lastUsedText(token, now)}
                    </time>
                  ) : (
                    lastUsedText(token, now)
                  )}
                </dd>
              </dl>
              <ConfirmRemove
                label="Revoke"
                name={token.name}
                warning={`Programs using “${token.name}” stop working at once. This cannot be undone.`}
                confirmLabel="Yes, revoke"
                action={() => revokeAccessTokenAction(token.id)}
                onDone={() => onRevoked(token)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
