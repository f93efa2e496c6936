import { describe, expect, it } from "vitest";
import { readConfig } from "./config.ts";

describe("settings from the environment", () => {
  it("defaults to port 3000 and ./data, and names a bad setting with its value (no secrets)", () => {
    expect(readConfig({})).toMatchObject({ port: 3000, host: "0.0.0.0", databaseUrl: undefined });
    expect(() => readConfig({ PORT: "http" })).toThrow(expect.objectContaining({ code: "validation_failed", errors: [expect.objectContaining({ path: "PORT", value: "http" })] }));
    expect(() => readConfig({ DATABASE_URL: "mysql://root:secret@db/x" })).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ path: "DATABASE_URL", value: "mysql://root:***@db/x" })] }));
  });
});
