/**
 * @module core/errors
 * One application error type with a closed set of codes. The HTTP layer renders it as RFC 9457
 * problem+json, the CLI prints it and exits 2; `errors[]` names each failing field path and why.
 */
import { z } from "zod";

export const ERROR_CODES = {
  validation_failed: 400,
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const satisfies Record<string, number>;
export type ErrorCode = keyof typeof ERROR_CODES;

/** One failing item: `path` is a dotted/indexed field path ("offices[2].opened") or a CSV "row 4, column city". */
export interface FieldError {
  path: string;
  message: string;
  /** Optional machine code the web app can translate (e.g. "too_small"). */
  code?: string;
  /** For file imports: 1-based row and column name, and the offending value. */
  row?: number;
  column?: string;
  value?: unknown;
}

export const ERROR_TITLES: Record<ErrorCode, { en: string; ja: string }> = {
  validation_failed: { en: "Validation failed", ja: "入力内容に誤りがあります" },
  malformed_request: { en: "Malformed request", ja: "リクエストの形式が正しくありません" },
  unauthenticated: { en: "Sign-in required", ja: "サインインが必要です" },
  forbidden: { en: "Not allowed", ja: "権限がありません" },
  not_found: { en: "Not found", ja: "見つかりません" },
  conflict: { en: "Conflict", ja: "既存のデータと重複しています" },
  payload_too_large: { en: "Payload too large", ja: "データが大きすぎます" },
  unsupported_media_type: { en: "Unsupported media type", ja: "対応していない形式です" },
  internal: { en: "Internal error", ja: "内部エラー" },
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  constructor(code: ErrorCode, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.errors = errors;
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/** Turns a zod error into field errors with paths such as `offices[2].opened`; an unknown field is named by its own path. */
export function fieldErrorsFromZod(error: z.ZodError, prefix = ""): FieldError[] {
  const join = (base: string, keys: readonly PropertyKey[]) =>
    keys.reduce<string>((path, key) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key)), base);
  return error.issues.flatMap((issue): FieldError[] => {
    const path = join(prefix, issue.path);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: join(path, [key]), message: "unknown field", code: issue.code }));
    }
    return [{ path: path || "(root)", message: issue.message, code: issue.code }];
  });
}

/** Parses with a zod schema or throws a validation AppError naming every failing field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string, prefix = ""): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsFromZod(result.error, prefix);
    throw new AppError("validation_failed", `${what} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  return result.data;
}
