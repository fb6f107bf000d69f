import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

/** What every email shows: a heading, its text, one button to the page it is about (most), a footer. */
export interface LayoutProps {
  preview: string;
  heading: string;
  children: ReactNode;
  /** The button; an email about no page (a suspended account) has none. */
  action?: { label: string; url: string };
  /** The unsubscribe page for this kind of email (loan emails; account emails have none). */
  unsubscribeUrl?: string;
  /** The web app's notification settings page. */
  settingsUrl?: string;
}

const page = { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", margin: 0 };
const box = { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px", maxWidth: "520px" };
const button = {
  backgroundColor: "#166534",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  textDecoration: "none",
};
const small = { color: "#71717a", fontSize: "12px", lineHeight: "18px" };

/** The frame of every Sharehood email. */
export function Layout(props: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={box}>
          <Heading as="h1" style={{ fontSize: "20px" }}>
            {props.heading}
          </Heading>
          {props.children}
          {props.action ? (
            <>
              <Button href={props.action.url} style={button}>
                {props.action.label}
              </Button>
              <Text style={small}>
                Or open this link: <Link href={props.action.url}>{props.action.url}</Link>
              </Text>
            </>
          ) : null}
          <Hr />
          <Text style={small}>Sharehood, sharing between neighbours.</Text>
          {props.unsubscribeUrl ? (
            <Text style={small}>
              You get this email because it is switched on in your{" "}
              {props.settingsUrl ? <Link href={props.settingsUrl}>notification settings</Link> : "settings"}.{" "}
              <Link href={props.unsubscribeUrl}>Unsubscribe from this kind of email</Link>.
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}
