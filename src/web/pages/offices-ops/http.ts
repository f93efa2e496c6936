/**
 * @module web/pages/offices-ops/http
 * What `lib/api.ts` does not cover: sending a file or CSV text as the request body (time-log import), and
 * fetching a file to save (the comparison as XLSX, also as a what-if POST). Failures become the same
 * `ApiError` carrying the problem+json, so field errors show the same way.
 */
import { ApiError, type Problem } from "../../lib/api.ts";

async function problemOf(response: Response): Promise<Problem> {
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

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", ...init });
  } catch (error) {
    throw new ApiError({ status: 0, title: "Network error", detail: String(error), code: "network", errors: [] });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response;
}

/** POSTs a body as it is (CSV text, an uploaded file) with its content type; answers the JSON. */
export async function postRaw<T>(path: string, body: Blob | string, contentType: string): Promise<T> {
  const response = await send(path, { method: "POST", headers: { accept: "application/json", "content-type": contentType }, body });
  return (await response.json()) as T;
}

/** Fetches a file (GET, or POST with a JSON body) and hands it to the browser to save under its name. */
export async function downloadFile(path: string, fallbackName: string, body?: unknown): Promise<void> {
  const response = await send(
    path,
    body === undefined ? { method: "GET" } : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  const blob = await response.blob();
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The problem of any error, for ProblemAlert. */
export function toProblem(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] };
}
