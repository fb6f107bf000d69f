import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "@sharehood/ui/button";
import { AuthCard } from "@/features/auth/auth-card";
import { ResendVerification } from "@/features/auth/resend-verification";
import { verifyEmailToken, type VerifyOutcome } from "@/features/auth/verify-email-token";
import { getUserClient } from "@/server/session";

export const metadata: Metadata = {
  title: "Confirm your email",
  description: "Confirm the email address of your Sharehood account.",
  robots: { index: false },
};

const TITLES: Record<VerifyOutcome | "already", { title: string; intro: string }> = {
  verified: { title: "Email confirmed", intro: "Thank you: your address is confirmed." },
  already: {
    title: "Already confirmed",
    intro: "Your email address is confirmed. There is nothing more to do.",
  },
  spent: {
    title: "This link no longer works",
    intro: "It has expired or was already used. Links work once, for a limited time.",
  },
  too_many: { title: "Too many attempts", intro: "Please wait a few minutes and open the link again." },
  unavailable: {
    title: "We couldn't confirm your email just now",
    intro: "Sharehood's services did not answer. Please open the link again in a moment.",
  },
};

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  // The link is opened from an email: confirming is what opening it means.
  const [outcome, session] = await Promise.all([
    verifyEmailToken((await searchParams).token),
    getUserClient(),
  ]);
  // A spent link of someone already confirmed (a mail scanner may have opened it first) is good news.
  const me =
    outcome === "spent" && session ? await session.client.users.getMe({}).catch(() => undefined) : undefined;
  const shown = me?.emailVerified ? "already" : outcome;

  let next: ReactNode;
  if (shown === "verified" || shown === "already") {
    next = (
      <Link href={session ? "/" : "/sign-in"} className={buttonStyles("primary", "lg", "w-full")}>
        {session ? "Browse items" : "Sign in"}
      </Link>
    );
  } else if (shown === "spent" && me) {
    next = <ResendVerification email={me.email} />;
  } else if (shown === "spent") {
    next = (
      <Link
        href={`/sign-in?callbackUrl=${encodeURIComponent("/profile")}`}
        className={buttonStyles("primary", "lg", "w-full")}
      >
        Sign in to get a new link
      </Link>
    );
  }
  return (
    <AuthCard
      title={TITLES[shown].title}
      intro={TITLES[shown].intro}
      footer={
        <Link href="/" className="font-semibold text-brand-800 underline">
          Go to Sharehood
        </Link>
      }
    >
      {next}
    </AuthCard>
  );
}
