import { describe, expect, it } from "vitest";
import { matchPath } from "./router.tsx";
import { withQuery } from "./api.ts";
import { safeNext } from "../pages/sign-in-page.tsx";

describe("router", () => {
  it("matches patterns with parameters", () => {
    expect(matchPath("/offices/:id", "/offices/abc")).toEqual({ id: "abc" });
    expect(matchPath("/offices/:id/edit", "/offices/abc")).toBeNull();
    expect(matchPath("/offices/new", "/offices/new")).toEqual({});
    expect(matchPath("/", "/")).toEqual({});
    expect(matchPath("/offices/:id", "/offices/a%20b")).toEqual({ id: "a b" });
  });

  it("builds API queries without empty parameters", () => {
    expect(withQuery("/api/offices", { q: "ハノイ", kind: "", cursor: null, limit: 25 })).toBe("/api/offices?q=%E3%83%8F%E3%83%8E%E3%82%A4&limit=25");
    expect(withQuery("/api/offices", {})).toBe("/api/offices");
  });

  it("follows only same-site paths after sign-in", () => {
    expect(safeNext("/offices?q=x")).toBe("/offices?q=x");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});
