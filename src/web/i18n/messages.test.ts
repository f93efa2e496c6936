import { describe, expect, it } from "vitest";
import * as enumLabels from "./enum-labels.ts";
import { fieldErrorText } from "./field-errors.ts";
import { interpolate } from "./locale.tsx";
import { messages } from "./messages.ts";

describe("message catalog", () => {
  it("has a Japanese and an English text for every key, with the same placeholders", () => {
    for (const [key, text] of Object.entries(messages)) {
      expect(text.ja.trim(), `${key} ja`).not.toBe("");
      expect(text.en.trim(), `${key} en`).not.toBe("");
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(text.ja), `${key} placeholders`).toEqual(vars(text.en));
    }
  });

  it("labels every enum value in both languages", () => {
    for (const [table, labels] of Object.entries(enumLabels)) {
      if (Array.isArray(labels)) continue;
      for (const [value, label] of Object.entries(labels as Record<string, { ja: string; en: string }>)) {
        expect(label.ja, `${table}.${value}`).toBeTruthy();
        expect(label.en, `${table}.${value}`).toBeTruthy();
      }
    }
  });

  it("fills placeholders", () => {
    expect(interpolate(messages["common.shown"].en, { shown: 25, total: 58 })).toBe("Showing 25 of 58");
    expect(interpolate("{a} and {b}", { a: "x" })).toBe("x and {b}");
  });
});

describe("field errors in the reader's language", () => {
  it("translates the registry's and zod's reasons", () => {
    expect(fieldErrorText({ message: "must not be before opened", code: "custom" }, "ja")).toBe("開設日より前の日付にはできません");
    expect(fieldErrorText({ message: "Too small: expected string to have >=1 characters", code: "too_small" }, "en")).toBe("Required");
    expect(fieldErrorText({ message: "Too big: expected number to be <=90", code: "too_big" }, "ja")).toBe("90 以下で入力してください");
    expect(fieldErrorText({ message: "Invalid input: expected number, received string", code: "invalid_type" }, "en")).toBe("Enter a number");
  });

  it("falls back to the code, then to the server's own words", () => {
    expect(fieldErrorText({ message: "something new", code: "invalid_format" }, "ja")).toBe("形式が正しくありません（something new）");
    expect(fieldErrorText({ message: "something new" }, "ja")).toBe("something new");
    expect(fieldErrorText({ message: "something new", code: "invalid_format" }, "en")).toBe("something new");
  });
});
