import { linkify } from "@/features/conversations/linkify";

/**
 * A message's text as written: never read as HTML (React escapes it), line breaks kept, and
 * http(s) addresses made links that open apart and pass on nothing (rel="nofollow ugc noopener").
 */
export function MessageBody({ body }: { body: string }) {
  return (
    <p className="whitespace-pre-line">
      {linkify(body).map((part, index) =>
        part.kind === "link" ? (
          <a
            key={index}
            href={part.href}
            target="_blank"
            rel="nofollow ugc noopener noreferrer"
            className="font-medium underline underline-offset-2"
          >
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
