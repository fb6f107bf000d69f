"use server";
import { formText } from "@/features/layout/form-text";
import { redirect } from "next/navigation";
import { IdSchema } from "@sharehood/sdk";

/** Opens a loan by its reference (or a pasted loan URL); the loan page offers "cancel". */
// eslint-disable-next-line @typescript-eslint/require-await -- a server action is async even when it only redirects
export async function openLoanAction(_state: string | null, form: FormData): Promise<string | null> {
  const raw = formText(form, "reference").trim();
  const reference = raw.split("/").filter(Boolean).pop() ?? "";
  if (!IdSchema.safeParse(reference).success)
    return "Enter a loan reference, such as the one shown on a loan's page.";
  redirect(`/loans/${reference}`);
}
