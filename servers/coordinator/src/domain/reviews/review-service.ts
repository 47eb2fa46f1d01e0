// Reviews: only a customer with a completed job on the service, at most one per job.
import { randomBytes } from "node:crypto";
import { Conflict, Forbidden, NotFound, Unprocessable, isUniqueViolation } from "@aitbc/server-lib";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { ReviewRecord, ReviewStore } from "./review-store.js";
import type { ServiceStore } from "../services/service-store.js";
import type { JobStore } from "../jobs/job-store.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { requireRole, type Caller } from "../accounts/caller.js";

export class ReviewService {
  constructor(
    private readonly reviews: ReviewStore,
    private readonly services: ServiceStore,
    private readonly jobs: JobStore,
  ) {}

  async rate(
    caller: Caller,
    serviceId: string,
    body: CoordinatorTypes.RateServiceRequest,
  ): Promise<CoordinatorTypes.Review> {
    requireRole(caller, "customer");
    if (body.customer_id !== undefined && body.customer_id !== caller.id)
      throw new Forbidden(`customer_id ${body.customer_id} is not the caller (${caller.id}).`);
    const service = await this.services.byId(serviceId);
    if (!service) throw new NotFound(`No service with id ${serviceId}.`);
    const completed = await this.jobs.completedJobIds(caller.id, serviceId);
    if (completed.length === 0)
      throw new Unprocessable(
        "review_not_allowed",
        `Reviews need a completed job of yours on ${serviceId}; you have none.`,
      );
    const reviewed = await this.reviews.reviewedJobIds(completed);
    let jobId: string;
    if (body.job_id !== undefined) {
      if (!completed.includes(body.job_id))
        throw new Unprocessable(
          "review_not_allowed",
          `Job ${body.job_id} is not a completed job of yours on ${serviceId}.`,
        );
      if (reviewed.has(body.job_id))
        throw new Conflict("already_reviewed", `Job ${body.job_id} already has a review.`);
      jobId = body.job_id;
    } else {
      const open = completed.find((id) => !reviewed.has(id));
      if (!open)
        throw new Conflict(
          "already_reviewed",
          `Every completed job of yours on ${serviceId} already has a review.`,
        );
      jobId = open;
    }
    const record: ReviewRecord = {
      reviewId: randomBytes(16).toString("hex"),
      jobId,
      serviceId,
      providerId: service.providerId,
      customerId: caller.id,
      rating: body.rating,
      review: body.review ?? null,
      createdAt: new Date().toISOString(),
    };
    try {
      await this.reviews.insert(record);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new Conflict("already_reviewed", `Job ${jobId} already has a review.`);
      throw err;
    }
    return renderReview(record);
  }

  async list(
    serviceId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ reviews: CoordinatorTypes.Review[]; next_cursor: string | null }> {
    if (!(await this.services.byId(serviceId)))
      throw new NotFound(`No service with id ${serviceId}.`);
    const before = decodeCursor(cursor, ["c", "r"] as const);
    const rows = await this.reviews.forService(
      serviceId,
      limit + 1,
      before ? { createdAt: before.c, reviewId: before.r } : undefined,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      reviews: page.map(renderReview),
      next_cursor:
        rows.length > limit && last ? encodeCursor({ c: last.createdAt, r: last.reviewId }) : null,
    };
  }
}

function renderReview(r: ReviewRecord): CoordinatorTypes.Review {
  return {
    review_id: r.reviewId,
    service_id: r.serviceId,
    provider_id: r.providerId,
    customer_id: r.customerId,
    job_id: r.jobId,
    rating: r.rating,
    review: r.review,
    created_at: r.createdAt,
  };
}
