import { Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/** Confirm the address of an account: a link with a one-time token. */
export function VerifyEmail(props: { name: string; url: string; expiresAt: string }) {
  return (
    <Layout
      preview="Confirm your email address for Sharehood"
      heading="Confirm your email address"
      action={{ label: "Confirm my address", url: props.url }}
    >
      <Text>Hello {props.name},</Text>
      <Text>
        Please confirm that this is your address, so your neighbours know they can reach you. The link works
        until {props.expiresAt}.
      </Text>
      <Text>If you did not sign up for Sharehood, you can ignore this email.</Text>
    </Layout>
  );
}
