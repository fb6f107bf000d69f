import { claimEvent, type Logger } from "@sharehood/server-kit";
import type { DomainEvent } from "@sharehood/sdk/contract";
import type { Db, Tx } from "../../db.ts";
import { auditLogRepository } from "../audit/audit-log.repository.ts";
import { feedRepository } from "../feed/feed.repository.ts";
import type { RecordEvent } from "../feed/record-event.ts";
import type { EmailDraft } from "../email/email-content.ts";
import type { EmailQueue } from "../email/email-queue.ts";
import type { EmailsRepository } from "../email/emails.repository.ts";
import { messageThreadsRepository as threads } from "../messages/message-threads.repository.ts";
import { toNotificationDto, type NotificationRow } from "../notifications/notification-dto.ts";
import type { NotificationMetrics } from "../notifications/notification-metrics.ts";
import type { NotificationsRepository } from "../notifications/notifications.repository.ts";
import { peopleRepository } from "../people/people.repository.ts";
import type { PreferencesRepository } from "../preferences/preferences.repository.ts";
import type { StreamHub } from "../stream/stream-hub.ts";
import { webhooksRepository } from "../webhooks/webhooks.repository.ts";
import { planEvent, type EventPlan } from "./plan-event.ts";

/** This service's consumer group: its replicas share the events between them. */
export const CONSUMER_GROUP = "notification-api";

/** The handling of one event may wait for the database a while on a busy embedded one. */
const TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

/**
 * Handles each domain event in ONE transaction: claim it (a redelivery stops here), remember or
 * forget people, add to the audit log, create the notifications, record the emails and enqueue
 * their jobs, add it to the events feed and record its webhook deliveries. Either all of
 * it commits or none, and the event is acknowledged only after the commit, so each event has its
 * effect exactly once. The open streams are told after the commit.
 */
export function createEventHandler(deps: {
  db: Db;
  notifications: NotificationsRepository;
  preferences: PreferencesRepository;
  emails: EmailsRepository;
  queue: EmailQueue;
  hub: StreamHub;
  /** Adds a public event to the feed of the people it concerns, and records its webhook deliveries. */
  recordEvent: RecordEvent;
  /** Wakes this process's webhook senders (after a commit that recorded deliveries). */
  nudgeWebhooks: () => void;
  /** The domain of MAIL_FROM, for Message-IDs. */
  mailDomain: string;
  /** How long a message stays unread before its email check (MESSAGE_EMAIL_DELAY_SECONDS). */
  messageEmailDelayMs: number;
  metrics: Pick<NotificationMetrics, "created">;
  logger: Logger;
}) {
  /**
   * The emails of the plan that will go out: account emails always, the others to the address kept
   * here, switchable kinds only per the person's settings.
   */
  async function draftEmails(tx: Tx, event: DomainEvent, plan: EventPlan): Promise<EmailDraft[]> {
    const drafts: EmailDraft[] = plan.accountEmails.map((email) => ({
      key: `${event.id}:${email.userId}:${email.content.template}`,
      userId: email.userId,
      to: email.to,
      content: email.content,
    }));
    if (plan.emails.length === 0) return drafts;
    const ids = plan.emails.map((email) => email.userId);
    const people = await peopleRepository.findMany(tx, ids);
    const settings = await deps.preferences.settingsOfMany(tx, ids);
    for (const { userId, content } of plan.emails) {
      const kind = "kind" in content ? content.kind : undefined;
      if (kind && !settings.get(userId)?.[kind]) continue;
      const person = people.get(userId);
      if (!person) {
        // Someone who has not been heard of through a user event (an account older than this
        // service's data): the in-app notification is all they get.
        deps.logger.warn({ userId, eventId: event.id }, "no address known for a person to email");
        continue;
      }
      drafts.push({
        key: `${event.id}:${userId}:${kind ?? content.template}`,
        userId,
        to: { name: person.name, address: person.email },
        content,
      });
    }
    return drafts;
  }

  async function apply(tx: Tx, event: DomainEvent) {
    const plan = planEvent(event);
    for (const person of plan.remember) await peopleRepository.remember(tx, person);
    if (plan.forget) {
      await deps.notifications.forgetPerson(tx, plan.forget);
      await deps.preferences.forgetPerson(tx, plan.forget);
      await deps.emails.forgetPerson(tx, plan.forget);
      await threads.forgetPerson(tx, plan.forget);
      await feedRepository.forgetPerson(tx, plan.forget);
      await webhooksRepository.forgetPerson(tx, plan.forget);
      await peopleRepository.forget(tx, plan.forget);
    }
    if (plan.audit) await auditLogRepository.add(tx, plan.audit);
    const created = await deps.notifications.create(tx, plan.notifications);
    const keys = await deps.emails.insert(tx, await draftEmails(tx, event, plan), deps.mailDomain);
    await deps.queue.enqueue(tx, keys);
    for (const read of plan.readMarks) await threads.markRead(tx, read);
    // One pending check per person and thread: a message finds it, or schedules it at its own time
    // plus the delay. Scheduling the pending one again inserts nothing (the job id is derived).
    for (const message of plan.unreadMessages) {
      const checkAt = await threads.addUnread(
        tx,
        message,
        new Date(message.createdAt.getTime() + deps.messageEmailDelayMs),
      );
      await deps.queue.scheduleCheck(tx, message, checkAt);
    }
    // Last: it holds the feed's per-person locks until the commit.
    const delivering = await deps.recordEvent(tx, event, plan.forget);
    return { created, emailed: keys.length, delivering, live: plan.live };
  }

  async function announce(created: readonly NotificationRow[], live: EventPlan["live"]) {
    const warn = (error: unknown) =>
      deps.logger.warn({ err: (error as Error).message }, "could not announce to streams");
    for (const row of created) await deps.hub.announce(row.userId, toNotificationDto(row)).catch(warn);
    for (const { userId, key, event } of live) await deps.hub.announceLive(userId, key, event).catch(warn);
  }

  return async function handleEvent(event: DomainEvent): Promise<void> {
    const outcome = await deps.db.$transaction(async (tx) => {
      if (!(await claimEvent(tx, CONSUMER_GROUP, event.id))) return undefined;
      return apply(tx, event);
    }, TRANSACTION);
    if (!outcome) return;
    for (const row of outcome.created) deps.metrics.created.inc({ type: row.type });
    if (outcome.emailed > 0) deps.queue.nudge();
    if (outcome.delivering > 0) deps.nudgeWebhooks();
    await announce(outcome.created, outcome.live);
  };
}

export type HandleEvent = ReturnType<typeof createEventHandler>;
