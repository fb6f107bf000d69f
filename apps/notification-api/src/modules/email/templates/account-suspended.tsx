import { Link, Text } from "@react-email/components";
import { Layout } from "./layout.tsx";

/**
 * Sent when an admin suspends an account. Short, and without the admin's reason (that is for admins
 * and the audit log only). No button: there is no page to open while suspended; the contact is the
 * address the email came from (MAIL_FROM), the one address that reaches whoever runs this Sharehood.
 */
export function AccountSuspended(props: { contactAddress: string }) {
  return (
    <Layout preview="Your Sharehood account is suspended" heading="Your account is suspended">
      <Text>
        The moderators of Sharehood suspended your account. You cannot sign in while it lasts, and your items
        are hidden from others.
      </Text>
      <Text>
        If you think this is a mistake, write to us at{" "}
        <Link href={`mailto:${props.contactAddress}`}>{props.contactAddress}</Link>.
      </Text>
    </Layout>
  );
}
