import { describe, expect, it } from "vitest";
import { parseCompaniesCsv, parseRequestsCsv } from "./batch-csv.ts";
import { loadHsNomenclature } from "./hs.ts";

const hs = loadHsNomenclature();

describe("companies.csv", () => {
  it("reads lists, booleans and optional columns", () => {
    const csv = [
      "id,name,description,hs_codes,certifications,markets,vetted,capacity,export_experience",
      'c1,青森りんご,"りんご, 王林",080810;0808,JGAP;haccp,sg; hk,TRUE,120,HK',
      "c2,Sakai,knives,,,,false,,",
    ].join("\n");
    const { companies, errors } = parseCompaniesCsv(csv, hs);
    expect(errors).toEqual([]);
    expect(companies[0]).toMatchObject({
      id: "c1",
      hsCodes: ["080810", "0808"],
      certifications: ["jgap", "haccp"],
      markets: ["SG", "HK"],
      exportExperience: ["HK"],
      vetted: true,
      capacity: 120,
    });
    expect(companies[1]).toMatchObject({ id: "c2", hsCodes: [], vetted: false, capacity: null });
  });

  it("reports every bad cell with row, column, value and reason", () => {
    const csv = [
      "id,name,description,hs_codes,certifications,markets,vetted",
      "c1,A,apples,0899;12345,haccp,SG,yes",
      "c1,B,pears,0808,iso27001,XX,false",
      ",C,,,,,false",
      "c4,D,too,many,fields,here,false,extra",
    ].join("\n");
    const { companies, errors } = parseCompaniesCsv(csv, hs);
    expect(companies).toEqual([]);
    const where = errors.map((e) => [e.row, e.column ?? null, e.value ?? null]);
    expect(where).toEqual([
      [2, "vetted", "yes"],
      [2, "hs_codes", "0899"],
      [2, "hs_codes", "12345"],
      [3, "certifications", "iso27001"],
      [3, "markets", "XX"],
      [3, "id", "c1"],
      [4, "id", ""],
      [5, null, null],
    ]);
    expect(errors[0]?.message).toBe("companies.csv: must be true or false");
    expect(errors[5]?.message).toContain("duplicate id (first on row 2)");
    expect(errors[6]?.message).toBe("companies.csv: an id is required");
    expect(errors[7]?.message).toContain("expected 7 fields, found 8");
  });

  it("names missing and unknown columns, and broken quoting", () => {
    const missing = parseCompaniesCsv("id,name,description,hs_codes,colour\nc1,a,b,,red\n", hs).errors;
    expect(missing.map((e) => [e.row, e.column, e.message])).toEqual([
      [1, "colour", expect.stringContaining("unknown column")],
      [1, "certifications", "companies.csv: missing column"],
      [1, "markets", "companies.csv: missing column"],
      [1, "vetted", "companies.csv: missing column"],
    ]);
    const broken = parseCompaniesCsv('id,name,description,hs_codes,certifications,markets,vetted\nc1,"unclosed,x,,,,false\n', hs).errors;
    expect(broken[0]?.message).toContain("not valid CSV");
    expect(parseCompaniesCsv("", hs).errors[0]?.message).toContain("empty file");
  });

  it("counts rows as file lines, also after a quoted line break", () => {
    const csv = 'id,name,description,hs_codes,certifications,markets,vetted\nc1,A,"two\nlines",,,,false\nc2,B,x,0899,,,false\n';
    expect(parseCompaniesCsv(csv, hs).errors.map((e) => e.row)).toEqual([4]);
  });
});

describe("requests.csv", () => {
  it("reads a request with a country, codes and required certifications", () => {
    const csv = "id,buyer,country,description,hs_codes,required_certifications,volume\nr1,FreshMart,sg,frozen yellowtail,0303,HACCP;halal,20\n";
    const { requests, errors } = parseRequestsCsv(csv, hs);
    expect(errors).toEqual([]);
    expect(requests[0]).toEqual({
      id: "r1",
      buyer: "FreshMart",
      country: "SG",
      description: "frozen yellowtail",
      hsCodes: ["0303"],
      requiredCertifications: ["haccp", "halal"],
      volume: 20,
    });
  });

  it("reports bad countries, certifications, volumes and empty requests", () => {
    const csv = "id,buyer,country,description,hs_codes,required_certifications,volume\nr1,X,Singapore,apples,,kosher;nope,-3\nr2,Y,TH,,,,\n";
    const errors = parseRequestsCsv(csv, hs).errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, "volume"],
      [2, "country"],
      [2, "required_certifications"],
      [3, "description"],
    ]);
  });
});
