import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { ReviewsService } from "./reviews.service.ts";

export function reviewsRouter(mount: Mount, reviews: ReviewsService): Router {
  const router = Router();
  mount(router, inventoryRoutes.createReview, ({ caller, params, body }) =>
    reviews.write(caller, params.id, body),
  );
  mount(router, inventoryRoutes.loanReviews, ({ caller, params }) => reviews.forLoan(caller, params.id));
  mount(router, inventoryRoutes.userReviews, ({ params, query }) => reviews.ofUser(params.id, query));
  mount(router, inventoryRoutes.replyToReview, ({ caller, params, body }) =>
    reviews.reply(caller, params.id, body.body),
  );
  return router;
}
