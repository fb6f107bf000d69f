"use client";
import Link from "next/link";
import { buttonStyles } from "@sharehood/ui/button";
import { useViewer } from "@/features/layout/viewer";

/** "Edit your profile" on my own profile page; nothing for anyone else (the page is shared). */
export function OwnProfileLink({ personId }: { personId: string }) {
  const viewer = useViewer();
  if (viewer?.id !== personId) return null;
  return (
    <Link href="/profile#public-profile" className={buttonStyles("secondary", "sm", "self-start")}>
      Edit your profile
    </Link>
  );
}
