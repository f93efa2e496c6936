/**
 * @module web/lib/api
 * JSON over fetch to the renkei API. Failures become `ApiError` carrying the RFC 9457 problem
 * (`status`, `title`, `detail`, `code`, `errors[]`) so forms can put each field error beside its field.
 */
import type { ErrorCode } from "../../core/errors.ts";

export interface ProblemFieldError {
  path: string;
  message: string;
  code?: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  code?: ErrorCode | "network";
  errors: ProblemFieldError[];
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }
}

export interface ListPage<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function toProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return {
      status: body.status ?? response.status,
      title: body.title ?? response.statusText,
      detail: body.detail,
      code: body.code,
      errors: Array.isArray(body.errors) ? body.errors : [],
    };
  } catch {
    return { status: response.status, title: response.statusText || `HTTP ${response.status}`, errors: [] };
  }
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError({ status: 0, title: "Network error", detail: String(error), code: "network", errors: [] });
  }
  if (!response.ok) throw new ApiError(await toProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds `/api/x?a=1&b=2`, leaving out empty parameters. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Every page of a list, following nextCursor (for the map, which shows all matches at once). */
export async function fetchAll<T>(path: string, params: Record<string, string | number | null | undefined>, cap = 5000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage<T> = await api<ListPage<T>>("GET", withQuery(path, { ...params, limit: 200, cursor }));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < cap);
  return items;
}
