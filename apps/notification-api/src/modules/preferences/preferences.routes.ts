import { Router } from "express";
import {
  EMAIL_KINDS,
  notificationRoutes,
  type EmailKind,
  type NotificationPreferences,
} from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { EmailSettings, PreferencesRepository } from "./preferences.repository.ts";

const toDto = (settings: EmailSettings): NotificationPreferences => ({
  kinds: Object.fromEntries(
    EMAIL_KINDS.map((kind) => [kind, { email: settings[kind] }]),
  ) as NotificationPreferences["kinds"],
});

/** GET and PUT /notification-preferences: which kinds of email the caller gets. */
export function preferencesRouter(mount: Mount, preferences: PreferencesRepository): Router {
  const router = Router();
  mount(router, notificationRoutes.getPreferences, async ({ caller }) =>
    toDto(await preferences.settingsOf(caller.user.id)),
  );
  mount(router, notificationRoutes.updatePreferences, async ({ caller, body }) => {
    const changes: Partial<Record<EmailKind, boolean>> = {};
    for (const [kind, setting] of Object.entries(body.kinds) as [EmailKind, { email: boolean } | undefined][])
      if (setting) changes[kind] = setting.email;
    return toDto(await preferences.update(caller.user.id, changes));
  });
  return router;
}
