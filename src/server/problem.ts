/**
 * @module server/problem
 * Renders every error as RFC 9457 problem+json. Application errors keep their code and field list; Fastify's
 * own errors (malformed JSON, oversized body, wrong media type) become the matching 4xx; anything else is
 * logged and becomes a generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError, ERROR_CODES, ERROR_TITLES, type ErrorCode, type FieldError } from "../core/errors.ts";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldError[];
  instance?: string;
}

function fromFastify(error: FastifyError): AppError | null {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("malformed_request", `The request body is not valid JSON: ${error.message}`, [
        { path: "(body)", message: "malformed JSON" },
      ]);
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", "The request body is larger than the server accepts.", [
        { path: "(body)", message: "too large" },
      ]);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("unsupported_media_type", `Unsupported content type: ${error.message}`, [
        { path: "(content-type)", message: "unsupported" },
      ]);
    default:
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return new AppError("malformed_request", error.message);
      }
      return null;
  }
}

/** Maps database constraint violations that slipped past validation to clear 4xx errors. */
function fromDatabase(error: unknown): AppError | null {
  const e = error as { code?: string; detail?: string; constraint?: string; message?: string; cause?: unknown };
  const pgError = e?.code && /^[0-9A-Z]{5}$/.test(e.code) ? e : (e?.cause as typeof e | undefined);
  if (!pgError?.code) return null;
  if (pgError.code === "23505") {
    return new AppError("conflict", "A record with the same natural key already exists.", [
      { path: pgError.constraint ?? "(record)", message: pgError.detail ?? "duplicate" },
    ]);
  }
  if (pgError.code === "23503") {
    return new AppError("validation_failed", "A referenced record does not exist.", [
      { path: pgError.constraint ?? "(reference)", message: pgError.detail ?? "missing reference" },
    ]);
  }
  if (pgError.code === "23514" || pgError.code === "22P02" || pgError.code === "22003") {
    return new AppError("validation_failed", `A value is out of range: ${pgError.message ?? ""}`, [
      { path: pgError.constraint ?? "(value)", message: pgError.message ?? "invalid" },
    ]);
  }
  return null;
}

export function toProblem(error: unknown, instance?: string): { problem: Problem; unexpected: boolean } {
  let appError: AppError | null = error instanceof AppError ? error : null;
  appError ??= fromDatabase(error);
  if (!appError && (error as FastifyError)?.code?.startsWith?.("FST_")) appError = fromFastify(error as FastifyError);
  if (!appError && typeof (error as FastifyError)?.statusCode === "number") appError = fromFastify(error as FastifyError);
  const unexpected = !appError;
  const e = appError ?? new AppError("internal", "Something went wrong on the server. It has been logged.");
  return {
    unexpected,
    problem: {
      type: `https://renkei.example/problems/${e.code}`,
      title: ERROR_TITLES[e.code].en,
      status: ERROR_CODES[e.code],
      detail: e.message,
      code: e.code,
      errors: e.errors,
      ...(instance ? { instance } : {}),
    },
  };
}

export function problemHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { problem, unexpected } = toProblem(error, request.url);
  if (unexpected) request.log.error({ err: error }, "unexpected error");
  void reply.status(problem.status).type("application/problem+json").send(problem);
}
