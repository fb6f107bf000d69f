import { Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/**
 * Sent when one of a person's webhook endpoints is disabled: every delivery to it failed for a day.
 * Nothing more goes to it; the button opens their webhooks, where they can read its delivery log and
 * register it again once it answers.
 */
export function WebhookDisabled(props: { name: string; endpoint: string; reason: string; url: string }) {
  return (
    <Layout
      preview="Your Sharehood webhook was turned off"
      heading="Your webhook was turned off"
      action={{ label: "See your webhooks", url: props.url }}
    >
      <Text>Hello {props.name},</Text>
      <Text>
        We could not deliver events to your webhook endpoint {props.endpoint}, so we stopped sending to it.{" "}
        {props.reason}.
      </Text>
      <Text>
        Your events are still in your events feed for 30 days. Once the endpoint answers again, register it
        again to receive new events.
      </Text>
    </Layout>
  );
}
