import { Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/** Data of a loan email: the same words as the in-app notification. */
export interface LoanEmailProps {
  title: string;
  body: string;
  /** The request's message, on a new request. */
  message?: string | null;
  url: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}

/** Every loan kind's email: its wording comes from the one table (events/loan-copy.ts). */
export function LoanEmail(props: LoanEmailProps) {
  return (
    <Layout
      preview={props.body}
      heading={props.title}
      action={{ label: "Open the loan", url: props.url }}
      unsubscribeUrl={props.unsubscribeUrl}
      settingsUrl={props.settingsUrl}
    >
      <Text>{props.body}</Text>
      {props.message ? <Text style={{ fontStyle: "italic" }}>“{props.message}”</Text> : null}
    </Layout>
  );
}
