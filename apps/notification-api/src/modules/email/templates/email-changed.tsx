import { Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/** Sent to the OLD address when an account's email changes. */
export function EmailChanged(props: { name: string; newEmail: string; url: string }) {
  return (
    <Layout
      preview="Your Sharehood sign-in address was changed"
      heading="Your sign-in address was changed"
      action={{ label: "This was not me: reset my password", url: props.url }}
    >
      <Text>Hello {props.name},</Text>
      <Text>
        The email address of your Sharehood account was changed to {props.newEmail}. This address will no
        longer receive emails from us.
      </Text>
      <Text>If you did not change it, reset your password now and contact us.</Text>
    </Layout>
  );
}
