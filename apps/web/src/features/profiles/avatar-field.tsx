"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ChangeEvent } from "react";
import { AVATAR_MEDIA_TYPES, MAX_AVATAR_BYTES } from "@sharehood/sdk/limits";
import { Alert } from "@sharehood/ui/alert";
import { Avatar } from "@sharehood/ui/avatar";
import { Button, buttonStyles } from "@sharehood/ui/button";

const MAX_MB = MAX_AVATAR_BYTES / 1024 / 1024;

// What the API's refusals mean, in plain words.
const REFUSALS: Partial<Record<number, string>> = {
  400: "That image could not be read. It may be damaged: try another one.",
  401: "Your session has ended. Please sign in again.",
  413: `That photo is too large. It can be at most ${MAX_MB} MB.`,
  415: "That file is not a photo we can use. Choose a JPEG, PNG or WebP image.",
};

async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return REFUSALS[response.status] ?? body.message ?? "The photo could not be saved. Please try again.";
}

/**
 * My avatar: choose a photo (JPEG, PNG or WebP up to 5 MB), see it before saving, save it, or
 * remove the one I have. The file goes to this site's route handler, which passes it on with my
 * session; the User API checks it again, re-encodes it and cuts it square.
 */
export function AvatarField({
  name,
  personId,
  initial,
}: {
  name: string;
  personId: string;
  initial: string | null;
}) {
  const router = useRouter();
  const [current, setCurrent] = useState(initial);
  const [chosen, setChosen] = useState<{ file: File; preview: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // A preview's object URL is let go when another replaces it or the field goes away.
  useEffect(() => {
    if (!chosen) return;
    return () => URL.revokeObjectURL(chosen.preview);
  }, [chosen]);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setDone(null);
    if (!file) return;
    if (!(AVATAR_MEDIA_TYPES as readonly string[]).includes(file.type)) {
      setError(REFUSALS[415]!);
      setChosen(null);
    } else if (file.size > MAX_AVATAR_BYTES) {
      setError(REFUSALS[413]!);
      setChosen(null);
    } else {
      setError(null);
      setChosen({ file, preview: URL.createObjectURL(file) });
    }
    event.target.value = "";
  }

  async function send(method: "PUT" | "DELETE") {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      let body: FormData | undefined;
      if (method === "PUT" && chosen) {
        body = new FormData();
        body.append("photo", chosen.file, chosen.file.name);
      }
      const response = await fetch("/api/profile/avatar", { method, body });
      if (!response.ok) {
        setError(await refusal(response));
        return;
      }
      setCurrent(
        method === "PUT" ? ((await response.json()) as { avatarUrl: string | null }).avatarUrl : null,
      );
      setChosen(null);
      setDone(method === "PUT" ? "Your new photo is saved." : "Your photo is removed.");
      // The header shows the avatar from the session the handler just updated.
      router.refresh();
    } catch {
      setError("We could not reach Sharehood. Please try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:gap-6">
      {chosen ? (
        // eslint-disable-next-line @next/next/no-img-element -- a local preview (a blob: URL)
        <img
          src={chosen.preview}
          alt="Your new photo, not saved yet"
          className="size-24 shrink-0 rounded-full object-cover"
        />
      ) : (
        <Avatar name={name} seed={personId} src={current} size="xl" />
      )}
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-2">
          {chosen ? (
            <>
              <Button size="sm" pending={pending} onClick={() => void send("PUT")}>
                Save photo
              </Button>
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => setChosen(null)}>
                Cancel
              </Button>
            </>
          ) : (
            <>
              {/* The file input itself, named by its label (keyboard and screen readers reach it). */}
              <label
                className={buttonStyles(
                  "secondary",
                  "sm",
                  "cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-700",
                )}
              >
                <input
                  type="file"
                  accept={AVATAR_MEDIA_TYPES.join(",")}
                  onChange={choose}
                  disabled={pending}
                  aria-describedby="avatar-hint"
                  className="sr-only"
                />
                {current ? "Choose another photo" : "Choose a photo"}
              </label>
              {current && (
                <Button size="sm" variant="ghost" pending={pending} onClick={() => void send("DELETE")}>
                  Remove photo
                </Button>
              )}
            </>
          )}
        </div>
        <p id="avatar-hint" className="text-sm text-stone-600">
          A JPEG, PNG or WebP image up to {MAX_MB} MB. It is cut to a square, and anything else in the file
          (such as where it was taken) is removed.
        </p>
        {error && <Alert tone="error">{error}</Alert>}
        {done && <Alert tone="success">{done}</Alert>}
      </div>
    </div>
  );
}
