import { z } from "zod";
import type { Page, Report, ReportDetail } from "@sharehood/sdk";
import type { CreateReportBodySchema, ListReportsQuerySchema } from "@sharehood/sdk/contract";
import { conflict, decodeCursor, encodeCursor, notFound } from "@sharehood/server-kit";
import type { Caller } from "../auth/caller.ts";
import { toMessageDto } from "../conversations/conversation-dto.ts";
import { toItemDto, type PhotoUrls } from "../items/item-dto.ts";
import type { ItemsRepository } from "../items/items.repository.ts";
import type { ReportedMessagesRepository } from "./reported-messages.repository.ts";
import { toReportDto } from "./report-dto.ts";
import type { ReportLimit } from "./report-limits.ts";
import type { ReportSubjects } from "./report-subjects.ts";
import type { ReportsRepository } from "./reports.repository.ts";

const ReportCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);

/** Messages shown on each side of a reported one, and earlier reports shown with a report. */
const THREAD_SPAN = 10;
const EARLIER_REPORTS = 20;

/** Filing reports (anyone signed in) and reading the moderation queue (admins: the routes check). */
export function createReportsService(deps: {
  reports: ReportsRepository;
  subjects: ReportSubjects;
  items: ItemsRepository;
  messages: ReportedMessagesRepository;
  limit: ReportLimit;
  photoUrls: PhotoUrls;
}) {
  const { reports, subjects, items, messages, photoUrls } = deps;

  async function mustFind(id: string) {
    const row = await reports.findById(id);
    if (!row) throw notFound("The report");
    return row;
  }

  return {
    async create(caller: Caller, body: z.output<typeof CreateReportBodySchema>): Promise<Report> {
      await deps.limit(caller.user.id);
      const subjectUserId = await subjects.personBehind(caller, body.subjectType, body.subjectId);
      const id = await reports.create({
        subjectType: body.subjectType,
        subjectId: body.subjectId,
        subjectUserId,
        reason: body.reason,
        details: body.details ?? null,
        reporterId: caller.user.id,
      });
      if (!id)
        throw conflict("You already reported this, and your report is still open. An admin will look at it.");
      return toReportDto(await mustFind(id));
    },

    async list(query: z.output<typeof ListReportsQuerySchema>): Promise<Page<Report>> {
      const rows = await reports.list({
        status: query.status,
        subjectType: query.subjectType,
        after: query.cursor ? decodeCursor(query.cursor, ReportCursorSchema) : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toReportDto),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },

    /**
     * A report with what an admin needs to judge it: the item (hidden or not; null once removed),
     * the reported message with the thread around it (it included, oldest first), and the other
     * reports on the same subject.
     */
    async get(id: string): Promise<ReportDetail> {
      const report = await mustFind(id);
      const message = report.subjectType === "message" ? await messages.find(report.subjectId) : null;
      const itemId = report.subjectType === "item" ? report.subjectId : message?.itemId;
      const [item, thread, earlier] = await Promise.all([
        itemId ? items.findById(itemId) : null,
        message ? messages.around(message.conversationId, message.seq, THREAD_SPAN) : [],
        reports.others(report, EARLIER_REPORTS),
      ]);
      const reported = thread.find((row) => row.id === message?.id);
      return {
        ...toReportDto(report),
        context: {
          item: item ? toItemDto(item, photoUrls) : null,
          message: reported ? toMessageDto(reported, reported.seen) : null,
          thread: thread.map((row) => toMessageDto(row, row.seen)),
          earlierReports: earlier.map(toReportDto),
        },
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
