/** A piece of a message: plain text, or a web link to make clickable. */
export type MessagePart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// A candidate link: http:// or https:// and everything up to the next space or angle bracket.
// What trails it (sentence punctuation, a closing bracket the link did not open) is cut off below.
const CANDIDATE = /https?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?'’”*_]+$/;

/** Cuts what ends a sentence rather than a link: trailing punctuation and unbalanced ")" or "]". */
function trimTrailing(candidate: string): string {
  let text = candidate;
  for (;;) {
    const before = text;
    text = text.replace(TRAILING, "");
    for (const [open, close] of [
      ["(", ")"],
      ["[", "]"],
    ] as const) {
      if (text.endsWith(close) && count(text, close) > count(text, open)) text = text.slice(0, -1);
    }
    if (text === before) return text;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The URL a link points at, when it is a well-formed http or https address with a host. */
function safeHref(text: string): string | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
  return url.href;
}

/**
 * Splits a message's plain text into text and links: only http and https addresses become links
 * (never `javascript:`, `data:` or anything else), and the text is never read as HTML. Adjacent
 * text pieces are joined, so rendering the parts in order gives back the message exactly.
 */
export function linkify(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === "text") last.text += text;
    else parts.push({ kind: "text", text });
  };
  let index = 0;
  for (const match of message.matchAll(CANDIDATE)) {
    const start = match.index;
    const text = trimTrailing(match[0]);
    const href = safeHref(text);
    pushText(message.slice(index, start));
    if (href) parts.push({ kind: "link", text, href });
    else pushText(text);
    index = start + text.length;
  }
  pushText(message.slice(index));
  return parts;
}
