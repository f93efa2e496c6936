import { describe, expect, it } from "vitest";
import { localiseProblem, networksErrorText } from "./error-text.ts";

describe("networksErrorText", () => {
  it("puts the lifecycle's reasons into Japanese and English with state names", () => {
    expect(networksErrorText("a reason is required for becoming dormant", "ja")).toBe("「休眠」にするには理由が必要です");
    expect(networksErrorText("a reason is required for becoming dormant", "en")).toBe("A reason is required for becoming dormant");
    expect(networksErrorText("cannot go from ended to active; allowed: none (ended is final)", "ja")).toBe("「終了」から「活動中」へは変えられません");
    expect(networksErrorText("is before the previous change (2023-04-01)", "ja")).toBe("前の変化（2023-04-01）より前の日付です");
  });

  it("leaves unknown reasons alone", () => {
    expect(networksErrorText("something else", "ja")).toBeNull();
    const problem = { status: 400, title: "x", errors: [{ path: "a", message: "something else", code: "custom" }, { path: "titleJa", message: "give a title in Japanese or English", code: "custom" }] };
    expect(localiseProblem(problem, "ja").errors).toEqual([
      { path: "a", message: "something else", code: "custom" },
      { path: "titleJa", message: "日本語か英語のタイトルを入力してください" },
    ]);
  });
});
