import { render } from "@react-email/render";
import type { ReactElement } from "react";
import type { EmailContent } from "./email-content.ts";
import { AccountSuspended } from "./templates/account-suspended.tsx";
import { EmailChanged } from "./templates/email-changed.tsx";
import { LoanEmail } from "./templates/loan-email.tsx";
import { MessageEmail } from "./templates/message-email.tsx";
import { NoticeEmail } from "./templates/notice-email.tsx";
import { PasswordChanged } from "./templates/password-changed.tsx";
import { ResetPassword } from "./templates/reset-password.tsx";
import { VerifyEmail } from "./templates/verify-email.tsx";
import { WebhookDisabled } from "./templates/webhook-disabled.tsx";

/** Where the links of an email go. */
export interface EmailLinks {
  /** The web app's origin (PUBLIC_WEB_URL). */
  webUrl: string;
  /** The web app's unsubscribe page for a loan email's kind (its signed token in the query). */
  unsubscribeUrl?: string;
  /** Where people can write to whoever runs the site: the address of MAIL_FROM. */
  contactAddress: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The web app's page for notification settings, linked from loan emails' footer. */
export const SETTINGS_PATH = "/profile/notifications";
/** The web app's page of a person's webhooks, linked from the email saying one was disabled. */
export const WEBHOOKS_PATH = "/profile/webhooks";

const when = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
    new Date(iso),
  ) + " UTC";

function webLink(webUrl: string, path: string, token?: string): string {
  const url = new URL(path, webUrl);
  if (token) url.searchParams.set("token", token);
  return url.toString();
}

function compose(content: EmailContent, links: EmailLinks): { subject: string; element: ReactElement } {
  const { webUrl } = links;
  switch (content.template) {
    case "loan":
      return {
        subject: content.title,
        element: (
          <LoanEmail
            title={content.title}
            body={content.body}
            message={content.message}
            url={webLink(webUrl, content.path)}
            unsubscribeUrl={links.unsubscribeUrl ?? webLink(webUrl, SETTINGS_PATH)}
            settingsUrl={webLink(webUrl, SETTINGS_PATH)}
          />
        ),
      };
    case "notice":
      return {
        subject: content.title,
        element: (
          <NoticeEmail
            title={content.title}
            body={content.body}
            action={content.action}
            url={webLink(webUrl, content.path)}
            unsubscribeUrl={links.unsubscribeUrl ?? webLink(webUrl, SETTINGS_PATH)}
            settingsUrl={webLink(webUrl, SETTINGS_PATH)}
          />
        ),
      };
    case "message":
      return {
        subject: `${content.senderName} sent you a message about ${content.itemTitle}`,
        element: (
          <MessageEmail
            senderName={content.senderName}
            itemTitle={content.itemTitle}
            messages={content.messages.map((m) => ({ body: m.body, when: when(m.createdAt) }))}
            total={content.total}
            url={webLink(webUrl, content.path)}
            unsubscribeUrl={links.unsubscribeUrl ?? webLink(webUrl, SETTINGS_PATH)}
            settingsUrl={webLink(webUrl, SETTINGS_PATH)}
          />
        ),
      };
    case "verify-email":
      return {
        subject: "Confirm your email address",
        element: (
          <VerifyEmail
            name={content.name}
            url={webLink(webUrl, "/verify-email", content.token)}
            expiresAt={when(content.expiresAt)}
          />
        ),
      };
    case "reset-password":
      return {
        subject: "Reset your Sharehood password",
        element: (
          <ResetPassword
            name={content.name}
            url={webLink(webUrl, "/reset-password", content.token)}
            expiresAt={when(content.expiresAt)}
          />
        ),
      };
    case "email-changed":
      return {
        subject: "Your Sharehood sign-in address was changed",
        element: (
          <EmailChanged
            name={content.name}
            newEmail={content.newEmail}
            url={webLink(webUrl, "/forgot-password")}
          />
        ),
      };
    case "password-changed":
      return {
        subject: "Your Sharehood password was changed",
        element: <PasswordChanged name={content.name} url={webLink(webUrl, "/forgot-password")} />,
      };
    case "account-suspended":
      return {
        subject: "Your Sharehood account is suspended",
        element: <AccountSuspended contactAddress={links.contactAddress} />,
      };
    case "webhook-disabled":
      return {
        subject: "Your Sharehood webhook was turned off",
        element: (
          <WebhookDisabled
            name={content.name}
            endpoint={content.url}
            reason={content.reason}
            url={webLink(webUrl, WEBHOOKS_PATH)}
          />
        ),
      };
  }
}

/** Renders an email with its template, as HTML and as plain text (React Email). */
export async function renderEmail(content: EmailContent, links: EmailLinks): Promise<RenderedEmail> {
  const { subject, element } = compose(content, links);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
