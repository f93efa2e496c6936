import { describe, expect, it } from "vitest";
import { fieldForPath, groupErrors, initialValues, sections, toBody, type FieldSpec } from "./form-model.ts";
import { officeFields, organisationFields, strategyFields, tieFields } from "./registry-fields.ts";

const fields: FieldSpec[] = [
  { name: "nameEn", label: "field.nameEn", kind: "text", section: "form.section.basics", required: true },
  { name: "cityJa", label: "field.cityJa", kind: "text", section: "form.section.place" },
  { name: "country", label: "field.country", kind: "country", section: "form.section.place", required: true },
  { name: "staffCount", label: "field.staffCount", kind: "integer", section: "form.section.resources" },
  { name: "annualCostJpy", label: "field.annualCost", kind: "yen", section: "form.section.resources" },
  { name: "managementShare", label: "field.managementShare", kind: "percent", section: "form.section.resources" },
  { name: "operationalModel", label: "field.model", kind: "select", section: "form.section.basics", options: ["independent", "hosted"] },
  { name: "hostOrgId", label: "field.host", kind: "org", section: "form.section.basics", showIf: (v) => v.operationalModel === "hosted" },
  { name: "functions", label: "field.functions", kind: "checks", section: "form.section.work", options: ["a", "b"] },
  { name: "coOwnerIds", label: "field.coOwners", kind: "orgs", section: "form.section.basics" },
  { name: "opened", label: "field.opened", kind: "partial-date", section: "form.section.work" },
  { name: "unverified", label: "field.unverified", kind: "boolean", section: "form.section.access" },
];

describe("form model", () => {
  it("starts from defaults or from the record, percentages and dates as the inputs show them", () => {
    expect(initialValues(fields, null, { country: "JP" })).toMatchObject({ nameEn: "", country: "JP", functions: [], unverified: false, opened: "" });
    const values = initialValues(fields, { nameEn: "Hanoi", managementShare: 0.35, staffCount: 3, opened: "2013-06", functions: ["a"], unverified: true, cityJa: null });
    expect(values).toMatchObject({ nameEn: "Hanoi", managementShare: "35", staffCount: "3", opened: "2013|06|", functions: ["a"], unverified: true, cityJa: "" });
  });

  it("builds the create body: numbers read, empty optional fields left out, empty required text sent for the API to reject", () => {
    const values = { ...initialValues(fields), nameEn: " Hanoi ", country: "vn", staffCount: "1,200", annualCostJpy: "¥12,000,000", managementShare: "35", opened: "2024|04|", functions: ["b"] };
    expect(toBody(fields, values, "create")).toEqual({
      nameEn: "Hanoi",
      country: "VN",
      staffCount: 1200,
      annualCostJpy: 12_000_000,
      managementShare: 0.35,
      functions: ["b"],
      coOwnerIds: [],
      opened: "2024-04",
      unverified: false,
    });
    expect(toBody(fields, { ...values, nameEn: "  " }, "create").nameEn).toBe("");
  });

  it("sends what it cannot read as typed, so the API names the field", () => {
    const body = toBody(fields, { ...initialValues(fields), staffCount: "three", opened: "|06|" }, "create");
    expect(body.staffCount).toBe("three");
    expect(body.opened).toBe("06");
  });

  it("clears emptied and hidden fields with null when updating", () => {
    const values = { ...initialValues(fields), nameEn: "x", country: "SG", operationalModel: "independent", hostOrgId: "0b6f0c9e-0000-4000-8000-000000000000" };
    const body = toBody(fields, values, "update");
    expect(body).toMatchObject({ cityJa: null, staffCount: null, opened: null, hostOrgId: null });
    expect(toBody(fields, { ...values, operationalModel: "hosted" }, "update").hostOrgId).toBe("0b6f0c9e-0000-4000-8000-000000000000");
  });

  it("maps API error paths to fields and keeps the others apart", () => {
    expect(fieldForPath(fields, "coOwnerIds[1]")).toBe("coOwnerIds");
    expect(fieldForPath(fields, "body.opened")).toBe("opened");
    expect(fieldForPath(fields, "(body)")).toBeUndefined();
    const { byField, other } = groupErrors(fields, [
      { path: "opened", message: "a" },
      { path: "opened", message: "b" },
      { path: "sharedWith[0]", message: "c" },
    ]);
    expect(byField.get("opened")?.map((e) => e.message)).toEqual(["a", "b"]);
    expect(other.map((e) => e.path)).toEqual(["sharedWith[0]"]);
  });

  it("groups fields into sections in order of appearance", () => {
    expect(sections(fields).map((s) => s.section)).toEqual(["form.section.basics", "form.section.place", "form.section.resources", "form.section.work", "form.section.access"]);
  });

  it("describes each registry form with unique field names", () => {
    for (const list of [organisationFields, officeFields, strategyFields, tieFields]) {
      const names = list.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const f of list) if (f.kind === "select" || f.kind === "checks") expect(f.options?.length, f.name).toBeGreaterThan(0);
    }
  });
});
