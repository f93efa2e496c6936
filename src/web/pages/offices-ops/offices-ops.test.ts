import { describe, expect, it } from "vitest";
import { opsErrorText, translateItems } from "./field-errors.ts";
import { entryCsv, hoursText, mapImportErrors } from "./time-log-entry-model.ts";
import { categoriesUsed, showsYear, stackMonth } from "./time-use-chart-model.ts";
import { assumptionLabel, buildWhatIf, inputForErrorPath, keyAssumptionPaths, readTyped, setPath, toInputText, valueKind } from "./what-if.ts";

describe("what-if", () => {
  it("reads shares as percentages, yen and counts as numbers, and leaves bad text for the API", () => {
    expect(valueKind("models.hosted.managementShare")).toBe("percent");
    expect(valueKind("hosts.jetro.annualFeeJpy")).toBe("yen");
    expect(valueKind("models.independent.costs.rent.jpy")).toBe("yen");
    expect(valueKind("office.staff.local")).toBe("count");
    expect(readTyped("15", "percent")).toBe(0.15);
    expect(readTyped("１２％", "percent")).toBe(0.12);
    expect(readTyped("¥3,500,000", "yen")).toBe(3500000);
    expect(readTyped("abc", "yen")).toBe("abc");
    expect(toInputText(0.15, "percent")).toBe("15");
    expect(toInputText(0.1933, "percent")).toBe("19.33");
  });

  it("sends only what differs from the baseline, split into assumptions and office inputs", () => {
    const baseline = { "models.hosted.managementShare": 0.05, "hosts.jetro.annualFeeJpy": 3000000, "office.staff.local": 0 };
    const body = buildWhatIf(
      { "models.hosted.managementShare": "5", "hosts.jetro.annualFeeJpy": "4,000,000", "office.staff.local": "2", "models.independent.managementShare": "" },
      baseline,
    );
    expect(body).toEqual({ assumptions: { hosts: { jetro: { annualFeeJpy: 4000000 } } }, office: { staff: { local: 2 } } });
    expect(buildWhatIf({ "models.hosted.managementShare": "5" }, baseline)).toEqual({});
  });

  it("sets nested paths", () => {
    const o: Record<string, unknown> = { a: 1 };
    setPath(o, "a.b.c", 2);
    setPath(o, "a.b.d", 3);
    expect(o).toEqual({ a: { b: { c: 2, d: 3 } } });
  });

  it("points API error paths at the panel's inputs", () => {
    const keys = ["office.staff.dispatched", "office.staff.local", "models.hosted.managementShare"];
    expect(inputForErrorPath("assumptions.models.hosted.managementShare", keys)).toBe("models.hosted.managementShare");
    expect(inputForErrorPath("office.staff.dispatched", keys)).toBe("office.staff.dispatched");
    expect(inputForErrorPath("office.staff", keys)).toBe("office.staff.dispatched");
    expect(inputForErrorPath("assumptions.models.outsourced.scope", keys)).toBeUndefined();
  });

  it("names assumption paths in both languages", () => {
    expect(assumptionLabel("models.hosted.managementShare").en).toBe("One-person office hosted in another organisation: Share of time on office management");
    expect(assumptionLabel("models.independent.costs.local_staff.jpy", "local_staff").ja).toBe("単独設置（直営）：現地職員人件費（現地職員1人あたり）");
    expect(assumptionLabel("hosts.jetro.annualFeeJpy").en).toBe("JETRO: Host fee (a year)");
    expect(assumptionLabel("models.independent.managementShare", undefined, false).en).toBe("Share of time on office management");
    expect(assumptionLabel("something.else").en).toBe("something.else");
  });

  it("offers the head count, the host fee, staff costs and every model's management share first", () => {
    const used = (paths: string[]) => paths.map((path) => ({ path, value: 1, basis: "estimate" as const, origin: "default" as const, facts: [] }));
    const models = ["independent", "joint_municipal", "joint_industry_academia", "hosted", "outsourced"].map((model) => ({
      model,
      host: model === "hosted" ? "clair" : undefined,
      assumptionsUsed: used(model === "independent" ? ["models.independent.costs.local_staff.jpy"] : []),
    }));
    expect(keyAssumptionPaths({ models } as never)).toEqual([
      "office.staff.dispatched",
      "office.staff.local",
      "hosts.clair.annualFeeJpy",
      "models.independent.costs.local_staff.jpy",
      "models.independent.managementShare",
      "models.joint_municipal.managementShare",
      "models.joint_industry_academia.managementShare",
      "models.hosted.managementShare",
      "models.outsourced.managementShare",
    ]);
  });
});

describe("time-log entry", () => {
  it("builds one CSV row per category with hours, naming the staff member by person or name", () => {
    const { csv, rows } = entryCsv(
      { month: "2024-04", personId: "", staffName: "Tanaka, Ken", hours: { office_management: "50", regional_promotion: "", vip_visits: "１,２0" }, note: "" },
      ["office_management", "regional_promotion", "vip_visits"],
    );
    expect(rows).toEqual(["office_management", "vip_visits"]);
    expect(csv).toBe('month,category,hours,staffName\r\n2024-04,office_management,50,"Tanaka, Ken"\r\n2024-04,vip_visits,120,"Tanaka, Ken"\r\n');
    const byPerson = entryCsv({ month: "2024-05", personId: "p-1", staffName: "ignored", hours: { office_management: "x" }, note: 'says "hi"' }, ["office_management"]);
    expect(byPerson.csv).toBe('month,category,hours,personId,note\r\n2024-05,office_management,x,p-1,"says ""hi"""\r\n');
    expect(hoursText(" 12.5 ")).toBe("12.5");
  });

  it("maps the import's row and column errors back to the form's fields", () => {
    const rows = ["office_management", "vip_visits"] as const;
    const errors = [
      { path: "month", message: "bad month", row: 2, column: "month" },
      { path: "hours", message: "too many", row: 3, column: "hours" },
      { path: "staffName", message: "name the staff member", row: 2, column: "staffName" },
      { path: "staffName", message: "name the staff member", row: 3, column: "staffName" },
      { path: "file", message: "whatever", row: 1 },
    ];
    const { byField, other } = mapImportErrors(errors, rows);
    expect(byField.get("month")?.[0]?.message).toBe("bad month");
    expect(byField.get("hours.vip_visits")?.[0]?.message).toBe("too many");
    expect(byField.get("staff")?.length).toBe(1);
    expect(other.map((e) => e.message)).toEqual(["whatever"]);
  });
});

describe("time-use chart", () => {
  it("stacks a month's shares to 100 % with office management at the bottom", () => {
    const segments = stackMonth({ regional_promotion: 30, office_management: 10, vip_visits: 0 });
    expect(segments.map((s) => s.category)).toEqual(["office_management", "regional_promotion"]);
    expect(segments[0]).toMatchObject({ from: 0, to: 0.25 });
    expect(segments[1]).toMatchObject({ from: 0.25, to: 1 });
    expect(stackMonth({})).toEqual([]);
  });

  it("lists the categories used and marks the months whose label carries the year", () => {
    expect(categoriesUsed([{ hoursByCategory: { vip_visits: 1 } }, { hoursByCategory: { office_management: 2 } }])).toEqual(["office_management", "vip_visits"]);
    const months = ["2023-11", "2023-12", "2024-01", "2024-02"];
    expect(months.map((_, i) => showsYear(months, i))).toEqual([true, false, true, false]);
  });
});

describe("error reasons", () => {
  it("puts the domain's reasons in the reader's language and leaves the rest to the app's catalogue", () => {
    expect(opsErrorText({ message: "must not exceed 744 h (a 31-day month)", code: "too_big" }, "ja")).toBe("1か月744時間（31日×24時間）以下で入力してください");
    expect(opsErrorText({ message: "repeats row 3 (same staff member, month and category)" }, "en")).toBe("Repeats row 3 (same staff member, month and category)");
    expect(opsErrorText({ message: "Invalid input: expected number, received string" }, "ja")).toBe("数値で入力してください");
    const [known, unknown] = translateItems([{ message: "must sum to 1 (they sum to 0.9)", code: "custom" }, { message: "something else", code: "custom" }], "ja");
    expect(known).toEqual({ message: "割合の合計を100%にしてください", code: undefined });
    expect(unknown).toEqual({ message: "something else", code: "custom" });
  });
});
