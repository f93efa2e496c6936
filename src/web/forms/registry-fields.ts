/**
 * @module web/forms/registry-fields
 * The field lists of the registry's four forms — organisations, offices, strategies, ties. Names and
 * enums follow registry.schema and core/domain; one generic form renders them all.
 */
import {
  FOCUS_AREAS,
  LOCAL_GOVERNMENT_KINDS,
  OFFICE_DUTIES,
  OFFICE_FUNCTIONS,
  OFFICE_MODELS,
  ORGANISATION_KINDS,
  STRATEGY_PILLARS,
  TIE_KINDS,
  TIE_PURPOSES,
  VISIBILITIES,
} from "../../core/domain.ts";
import {
  FOCUS_AREA_LABELS,
  OFFICE_DUTY_LABELS,
  OFFICE_FUNCTION_LABELS,
  OFFICE_MODEL_LABELS,
  ORGANISATION_KIND_LABELS,
  STRATEGY_PILLAR_LABELS,
  TIE_KIND_LABELS,
  TIE_PURPOSE_LABELS,
  TIE_ROLE_LABELS,
  TIE_ROLES,
  VISIBILITY_LABELS,
} from "../i18n/enum-labels.ts";
import type { FieldSpec, FormValues } from "./form-model.ts";

const when =
  (name: string, ...allowed: string[]) =>
  (values: FormValues) =>
    allowed.includes(String(values[name] ?? ""));

/** Who may see the record and where its facts come from: the same on every form. */
const accessFields: FieldSpec[] = [
  { name: "visibility", label: "field.visibility", kind: "select", section: "form.section.access", options: VISIBILITIES, optionLabels: VISIBILITY_LABELS, half: true },
  { name: "sharedWith", label: "field.sharedWith", kind: "orgs", section: "form.section.access", showIf: when("visibility", "shared") },
  { name: "source", label: "field.source", kind: "text", section: "form.section.access" },
  { name: "unverified", label: "field.unverified", kind: "boolean", section: "form.section.access" },
];

const location = (cityRequired: boolean): FieldSpec[] => [
  { name: "country", label: "field.country", kind: "country", section: "form.section.place", required: true },
  { name: "cityJa", label: "field.cityJa", kind: "text", section: "form.section.place", half: true },
  { name: "cityEn", label: "field.cityEn", kind: "text", section: "form.section.place", half: true, required: cityRequired },
  { name: "lat", label: "field.lat", kind: "number", section: "form.section.place", hint: "field.latHint", half: true },
  { name: "lon", label: "field.lon", kind: "number", section: "form.section.place", hint: "field.lonHint", half: true },
];

export const organisationFields: FieldSpec[] = [
  { name: "kind", label: "field.kind", kind: "select", section: "form.section.basics", required: true, options: ORGANISATION_KINDS, optionLabels: ORGANISATION_KIND_LABELS },
  { name: "nameJa", label: "field.nameJa", kind: "text", section: "form.section.basics", required: true, half: true },
  { name: "nameEn", label: "field.nameEn", kind: "text", section: "form.section.basics", required: true, half: true },
  { name: "localGovCode", label: "field.localGovCode", kind: "text", section: "form.section.basics", showIf: when("kind", ...LOCAL_GOVERNMENT_KINDS), half: true, placeholder: "011002" },
  { name: "parentId", label: "field.parent", kind: "org", section: "form.section.basics" },
  { name: "networkField", label: "field.networkField", kind: "text", section: "form.section.basics", showIf: when("kind", "network") },
  { name: "websiteUrl", label: "field.website", kind: "url", section: "form.section.basics", placeholder: "https://" },
  { name: "descriptionJa", label: "field.descriptionJa", kind: "textarea", section: "form.section.basics" },
  { name: "descriptionEn", label: "field.descriptionEn", kind: "textarea", section: "form.section.basics" },
  ...location(false),
  { name: "ownerOrgId", label: "field.maintainer", kind: "owner", section: "form.section.access" },
  ...accessFields,
];

export const officeFields: FieldSpec[] = [
  { name: "ownerOrgId", label: "field.owner", kind: "owner", section: "form.section.basics", required: true },
  { name: "nameJa", label: "field.nameJa", kind: "text", section: "form.section.basics", required: true, half: true },
  { name: "nameEn", label: "field.nameEn", kind: "text", section: "form.section.basics", required: true, half: true },
  { name: "operationalModel", label: "field.model", kind: "select", section: "form.section.basics", required: true, options: OFFICE_MODELS, optionLabels: OFFICE_MODEL_LABELS },
  { name: "coOwnerIds", label: "field.coOwners", kind: "orgs", section: "form.section.basics", showIf: when("operationalModel", "joint_municipal", "joint_industry_academia") },
  { name: "hostOrgId", label: "field.host", kind: "org", section: "form.section.basics", showIf: when("operationalModel", "hosted", "outsourced") },
  ...location(true),
  { name: "functions", label: "field.functions", kind: "checks", section: "form.section.work", options: OFFICE_FUNCTIONS, optionLabels: OFFICE_FUNCTION_LABELS },
  { name: "duties", label: "field.duties", kind: "checks", section: "form.section.work", options: OFFICE_DUTIES, optionLabels: OFFICE_DUTY_LABELS },
  { name: "focusAreas", label: "field.focusAreas", kind: "checks", section: "form.section.work", options: FOCUS_AREAS, optionLabels: FOCUS_AREA_LABELS },
  { name: "opened", label: "field.opened", kind: "partial-date", section: "form.section.work", half: true },
  { name: "closed", label: "field.closed", kind: "partial-date", section: "form.section.work", half: true },
  { name: "staffCount", label: "field.staffCount", kind: "integer", section: "form.section.resources", half: true },
  { name: "annualCostJpy", label: "field.annualCost", kind: "yen", section: "form.section.resources", hint: "form.yenHint", half: true },
  { name: "managementShare", label: "field.managementShare", kind: "percent", section: "form.section.resources", hint: "form.percentHint", half: true },
  { name: "interviewId", label: "field.interviewId", kind: "text", section: "form.section.research", half: true, placeholder: "LG-1" },
  { name: "interviewDate", label: "field.interviewDate", kind: "partial-date", section: "form.section.research", half: true },
  { name: "modelNote", label: "field.modelNote", kind: "textarea", section: "form.section.research" },
  ...accessFields,
];

export const strategyFields: FieldSpec[] = [
  { name: "ownerOrgId", label: "field.government", kind: "owner", section: "form.section.basics", required: true },
  { name: "titleJa", label: "field.titleJa", kind: "text", section: "form.section.basics", required: true },
  { name: "titleEn", label: "field.titleEn", kind: "text", section: "form.section.basics", required: true },
  { name: "year", label: "field.year", kind: "year", section: "form.section.basics", required: true, half: true, placeholder: "2016" },
  { name: "pillars", label: "field.pillars", kind: "checks", section: "form.section.basics", options: STRATEGY_PILLARS, optionLabels: STRATEGY_PILLAR_LABELS },
  ...accessFields,
];

export const tieFields: FieldSpec[] = [
  { name: "aOrgId", label: "field.aOrg", kind: "org", section: "form.section.ends", required: true },
  { name: "bOrgId", label: "field.bOrg", kind: "org", section: "form.section.ends", required: true },
  { name: "kind", label: "field.tieKind", kind: "select", section: "form.section.ends", required: true, options: TIE_KINDS, optionLabels: TIE_KIND_LABELS },
  { name: "role", label: "field.role", kind: "select", section: "form.section.ends", options: TIE_ROLES, optionLabels: TIE_ROLE_LABELS, showIf: when("kind", "network_membership"), half: true },
  { name: "field", label: "field.tieField", kind: "text", section: "form.section.ends", showIf: when("kind", "network_membership", "purpose_specific"), half: true },
  { name: "purposes", label: "field.purposes", kind: "checks", section: "form.section.ends", options: TIE_PURPOSES, optionLabels: TIE_PURPOSE_LABELS },
  { name: "since", label: "field.since", kind: "partial-date", section: "form.section.period", half: true },
  { name: "until", label: "field.until", kind: "partial-date", section: "form.section.period", half: true },
  ...accessFields,
];
