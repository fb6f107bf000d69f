import { Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/** A password reset link: single use, valid for a short time. */
export function ResetPassword(props: { name: string; url: string; expiresAt: string }) {
  return (
    <Layout
      preview="Reset your Sharehood password"
      heading="Reset your password"
      action={{ label: "Choose a new password", url: props.url }}
    >
      <Text>Hello {props.name},</Text>
      <Text>
        Someone asked to reset the password of your Sharehood account. The link works once, until{" "}
        {props.expiresAt}; choosing a new password signs you out everywhere.
      </Text>
      <Text>If it was not you, ignore this email: your password stays as it is.</Text>
    </Layout>
  );
}
