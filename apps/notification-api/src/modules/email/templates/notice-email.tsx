import { Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/** Data of a notice email: the same words as the in-app notification, and one button. */
export interface NoticeEmailProps {
  title: string;
  body: string;
  action: string;
  url: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}

// A moderator's reason may run over several lines: they are kept as written.
const body = { whiteSpace: "pre-wrap" as const };

/** The trust and moderation kinds' email (reviews visible, an item hidden, a report handled): events/trust-copy.ts words them. */
export function NoticeEmail(props: NoticeEmailProps) {
  return (
    <Layout
      preview={props.title}
      heading={props.title}
      action={{ label: props.action, url: props.url }}
      unsubscribeUrl={props.unsubscribeUrl}
      settingsUrl={props.settingsUrl}
    >
      <Text style={body}>{props.body}</Text>
    </Layout>
  );
}
