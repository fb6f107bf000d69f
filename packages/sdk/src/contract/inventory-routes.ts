import { IdParamsSchema, pageOf } from "./common.ts";
import {
  CategorySchema,
  CreateItemBodySchema,
  CreateLoanBodySchema,
  ItemDetailSchema,
  ItemSchema,
  ListItemsQuerySchema,
  ListLoansQuerySchema,
  LoanDetailSchema,
  LoanSchema,
  UpdateItemBodySchema,
} from "./inventory.ts";
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTO_PIXELS,
  MAX_PHOTOS_PER_ITEM,
  PHOTO_FIELD,
  PHOTO_MEDIA_TYPES,
  PhotoParamsSchema,
  ReorderPhotosBodySchema,
} from "./photos.ts";
import { defineRoute } from "./route.ts";

const ITEM_WRITE_ERRORS = [400, 401, 403, 404, 412, 503] as const;

function loanTransition(action: "approve" | "decline" | "handover" | "return" | "cancel", summary: string) {
  return defineRoute({
    method: "POST",
    path: `/loans/:id/${action}`,
    summary,
    auth: "bearer",
    params: IdParamsSchema,
    status: 200,
    response: LoanDetailSchema,
    errors: [400, 401, 403, 404, 409, 503],
  });
}

/** Every endpoint of the Inventory API. */
export const inventoryRoutes = {
  listCategories: defineRoute({
    method: "GET",
    path: "/categories",
    summary: "Every category, in display order",
    auth: "none",
    status: 200,
    response: pageOf(CategorySchema),
    errors: [],
  }),
  listItems: defineRoute({
    method: "GET",
    path: "/items",
    summary: "Browse and search items (full-text q, category, owner, availability), cursor-paginated",
    auth: "none",
    query: ListItemsQuerySchema,
    status: 200,
    response: pageOf(ItemSchema),
    errors: [400],
    headers: ["If-None-Match"],
  }),
  getItem: defineRoute({
    method: "GET",
    path: "/items/:id",
    summary: "One item with its owner's public name and the dates already booked",
    auth: "none",
    params: IdParamsSchema,
    status: 200,
    response: ItemDetailSchema,
    errors: [400, 404],
    headers: ["If-None-Match"],
  }),
  createItem: defineRoute({
    method: "POST",
    path: "/items",
    summary: "List an item; you are its owner",
    auth: "bearer",
    permission: "item.create",
    body: CreateItemBodySchema,
    status: 201,
    response: ItemSchema,
    errors: [400, 401, 403, 409, 422, 503],
    headers: ["Idempotency-Key"],
  }),
  replaceItem: defineRoute({
    method: "PUT",
    path: "/items/:id",
    summary: "Replace an item's fields (owner, or item.update.any)",
    auth: "bearer",
    params: IdParamsSchema,
    body: CreateItemBodySchema,
    status: 200,
    response: ItemSchema,
    errors: ITEM_WRITE_ERRORS,
    headers: ["If-Match"],
  }),
  updateItem: defineRoute({
    method: "PATCH",
    path: "/items/:id",
    summary: "Change some of an item's fields (owner, or item.update.any)",
    auth: "bearer",
    params: IdParamsSchema,
    body: UpdateItemBodySchema,
    status: 200,
    response: ItemSchema,
    errors: ITEM_WRITE_ERRORS,
    headers: ["If-Match"],
  }),
  deleteItem: defineRoute({
    method: "DELETE",
    path: "/items/:id",
    summary: "Remove an item (owner, or item.delete.any); 409 while a loan is approved or active",
    auth: "bearer",
    params: IdParamsSchema,
    status: 204,
    errors: [400, 401, 403, 404, 409, 412, 503],
    headers: ["If-Match"],
  }),
  uploadPhotos: defineRoute({
    method: "POST",
    path: "/items/:id/photos",
    summary: "Add photos to an item (owner, or item.update.any); answers the item with its photos",
    auth: "bearer",
    params: IdParamsSchema,
    multipart: {
      description:
        `multipart/form-data with one or more files in the \`${PHOTO_FIELD}\` field: JPEG, PNG or WebP ` +
        `(recognised by content, not by name or declared type), at most ${MAX_PHOTO_BYTES / 1024 / 1024} MiB ` +
        `and ${MAX_PHOTO_PIXELS / 1_000_000} million pixels each, and at most ${MAX_PHOTOS_PER_ITEM} photos ` +
        "per item. Each is re-encoded (EXIF orientation applied, metadata such as GPS removed). " +
        "409 past the photo limit, 413 for a file too large or with too many pixels, 415 for a file that " +
        "is not one of those images, 400 for a truncated or corrupt one, 429 (with Retry-After) past the " +
        "caller's photos per hour, 503 (with Retry-After) while too many photos wait to be processed; " +
        "a refused upload stores nothing.",
      field: PHOTO_FIELD,
      mediaTypes: PHOTO_MEDIA_TYPES,
      maxFileBytes: MAX_PHOTO_BYTES,
      maxFiles: MAX_PHOTOS_PER_ITEM,
    },
    status: 201,
    response: ItemSchema,
    errors: [400, 401, 403, 404, 409, 412, 413, 415, 429, 503],
    headers: ["If-Match"],
  }),
  deletePhoto: defineRoute({
    method: "DELETE",
    path: "/items/:id/photos/:photoId",
    summary: "Remove one photo of an item and its files (owner, or item.update.any)",
    auth: "bearer",
    params: PhotoParamsSchema,
    status: 204,
    errors: [400, 401, 403, 404, 412, 503],
    headers: ["If-Match"],
  }),
  reorderPhotos: defineRoute({
    method: "PUT",
    path: "/items/:id/photos/order",
    summary:
      "Put an item's photos in a new order: photoIds lists each of them once (owner, or item.update.any)",
    auth: "bearer",
    params: IdParamsSchema,
    body: ReorderPhotosBodySchema,
    status: 200,
    response: ItemSchema,
    errors: [...ITEM_WRITE_ERRORS],
    headers: ["If-Match"],
  }),
  requestLoan: defineRoute({
    method: "POST",
    path: "/items/:id/loans",
    summary: "Ask to borrow an item for a date range (not your own)",
    auth: "bearer",
    permission: "loan.request",
    params: IdParamsSchema,
    body: CreateLoanBodySchema,
    status: 201,
    response: LoanDetailSchema,
    errors: [400, 401, 403, 404, 409, 422, 503],
    headers: ["Idempotency-Key"],
  }),
  listLoans: defineRoute({
    method: "GET",
    path: "/loans",
    summary: "Your loans, as borrower or owner, newest first",
    auth: "bearer",
    query: ListLoansQuerySchema,
    status: 200,
    response: pageOf(LoanSchema),
    errors: [400, 401, 503],
  }),
  getLoan: defineRoute({
    method: "GET",
    path: "/loans/:id",
    summary: "A loan with its history (borrower, owner, or admin)",
    auth: "bearer",
    params: IdParamsSchema,
    status: 200,
    response: LoanDetailSchema,
    errors: [400, 401, 403, 404, 503],
  }),
  approveLoan: loanTransition("approve", "Approve a request (owner); 409 if the dates now overlap a booking"),
  declineLoan: loanTransition("decline", "Decline a request (owner)"),
  handoverLoan: loanTransition("handover", "Record that the item was handed over (owner)"),
  returnLoan: loanTransition("return", "Confirm the item came back (owner)"),
  cancelLoan: loanTransition(
    "cancel",
    "Cancel a loan that is not finished (borrower, owner, or loan.cancel.any)",
  ),
} as const;
