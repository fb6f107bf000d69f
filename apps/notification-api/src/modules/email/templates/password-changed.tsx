import { Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/** Sent when an account's password changes. */
export function PasswordChanged(props: { name: string; url: string }) {
  return (
    <Layout
      preview="Your Sharehood password was changed"
      heading="Your password was changed"
      action={{ label: "This was not me: reset my password", url: props.url }}
    >
      <Text>Hello {props.name},</Text>
      <Text>
        The password of your Sharehood account was just changed, and your other sessions were ended.
      </Text>
      <Text>If you did not change it, reset your password now.</Text>
    </Layout>
  );
}
