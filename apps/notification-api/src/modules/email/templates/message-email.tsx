import { Section, Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/** Data of a message email: who wrote, about what, and the messages still unread. */
export interface MessageEmailProps {
  senderName: string;
  itemTitle: string;
  /** Oldest first; plain text (React escapes it in the HTML). */
  messages: { body: string; when: string }[];
  /** How many were unread; only the newest are quoted when there are many. */
  total: number;
  url: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}

const quote = { borderLeft: "3px solid #d4d4d8", paddingLeft: "12px", margin: "12px 0" };
const meta = { color: "#71717a", fontSize: "12px", margin: 0 };
// Line breaks of the message are kept; everything else is shown as typed.
const body = { whiteSpace: "pre-wrap" as const, margin: "4px 0 0" };

/** The email about messages that stayed unread: they are quoted, and the button opens the thread. */
export function MessageEmail(props: MessageEmailProps) {
  const { total } = props;
  const lead = `${props.senderName} wrote to you about ${props.itemTitle}${total > 1 ? ` (${total} messages)` : ""}.`;
  const older = total - props.messages.length;
  return (
    <Layout
      preview={lead}
      heading={`New message about ${props.itemTitle}`}
      action={{ label: "Reply", url: props.url }}
      unsubscribeUrl={props.unsubscribeUrl}
      settingsUrl={props.settingsUrl}
    >
      <Text>{lead}</Text>
      {older > 0 ? <Text style={meta}>{older} older messages are in the conversation.</Text> : null}
      {props.messages.map((message, index) => (
        <Section key={index} style={quote}>
          <Text style={meta}>{message.when}</Text>
          <Text style={body}>{message.body}</Text>
        </Section>
      ))}
    </Layout>
  );
}
