/**
 * @module registry/transfer/columns
 * The spreadsheet layout of each registry entity: column names (snake_case, as in the docs), the field
 * each fills and how its text is read. Import and export share it, so an exported file imports back.
 */
export type ColumnKind = "text" | "int" | "number" | "bool" | "list" | "org" | "orgList";

export interface Column {
  name: string;
  field: string;
  kind: ColumnKind;
  required?: boolean;
}

export const TRANSFER_ENTITIES = ["organisations", "offices", "ties", "strategies"] as const;
export type TransferEntity = (typeof TRANSFER_ENTITIES)[number];

const accessColumns: Column[] = [
  { name: "visibility", field: "visibility", kind: "text" },
  { name: "shared_with", field: "sharedWith", kind: "orgList" },
  { name: "source", field: "source", kind: "text" },
  { name: "unverified", field: "unverified", kind: "bool" },
];

export const ENTITY_COLUMNS: Record<TransferEntity, Column[]> = {
  organisations: [
    { name: "kind", field: "kind", kind: "text", required: true },
    { name: "name_ja", field: "nameJa", kind: "text", required: true },
    { name: "name_en", field: "nameEn", kind: "text", required: true },
    { name: "country", field: "country", kind: "text", required: true },
    { name: "local_gov_code", field: "localGovCode", kind: "text" },
    { name: "city_ja", field: "cityJa", kind: "text" },
    { name: "city_en", field: "cityEn", kind: "text" },
    { name: "lat", field: "lat", kind: "number" },
    { name: "lon", field: "lon", kind: "number" },
    { name: "parent", field: "parentId", kind: "org" },
    { name: "network_field", field: "networkField", kind: "text" },
    { name: "website_url", field: "websiteUrl", kind: "text" },
    { name: "description_ja", field: "descriptionJa", kind: "text" },
    { name: "description_en", field: "descriptionEn", kind: "text" },
    { name: "owner", field: "ownerOrgId", kind: "org" },
    ...accessColumns,
  ],
  offices: [
    { name: "owner", field: "ownerOrgId", kind: "org", required: true },
    { name: "co_owners", field: "coOwnerIds", kind: "orgList" },
    { name: "name_ja", field: "nameJa", kind: "text", required: true },
    { name: "name_en", field: "nameEn", kind: "text", required: true },
    { name: "city_en", field: "cityEn", kind: "text", required: true },
    { name: "city_ja", field: "cityJa", kind: "text" },
    { name: "country", field: "country", kind: "text", required: true },
    { name: "lat", field: "lat", kind: "number" },
    { name: "lon", field: "lon", kind: "number" },
    { name: "operational_model", field: "operationalModel", kind: "text", required: true },
    { name: "host", field: "hostOrgId", kind: "org" },
    { name: "functions", field: "functions", kind: "list" },
    { name: "duties", field: "duties", kind: "list" },
    { name: "focus_areas", field: "focusAreas", kind: "list" },
    { name: "opened", field: "opened", kind: "text" },
    { name: "closed", field: "closed", kind: "text" },
    { name: "staff_count", field: "staffCount", kind: "int" },
    { name: "annual_cost_jpy", field: "annualCostJpy", kind: "int" },
    { name: "management_share", field: "managementShare", kind: "number" },
    { name: "model_note", field: "modelNote", kind: "text" },
    ...accessColumns,
  ],
  ties: [
    { name: "a", field: "aOrgId", kind: "org", required: true },
    { name: "b", field: "bOrgId", kind: "org", required: true },
    { name: "kind", field: "kind", kind: "text", required: true },
    { name: "purposes", field: "purposes", kind: "list" },
    { name: "since", field: "since", kind: "text" },
    { name: "until", field: "until", kind: "text" },
    { name: "role", field: "role", kind: "text" },
    { name: "field", field: "field", kind: "text" },
    { name: "owner", field: "ownerOrgId", kind: "org" },
    ...accessColumns,
  ],
  strategies: [
    { name: "owner", field: "ownerOrgId", kind: "org", required: true },
    { name: "title_ja", field: "titleJa", kind: "text", required: true },
    { name: "title_en", field: "titleEn", kind: "text", required: true },
    { name: "year", field: "year", kind: "int", required: true },
    { name: "pillars", field: "pillars", kind: "list" },
    ...accessColumns,
  ],
};
