/**
 * @module web/pages/governance/initiative-view
 * Pure helpers of the initiative form: the API's `partners[]` (organisation + role) shown as two lists
 * of organisations (partners, contractors), sent back as `partners[]`, and its error paths mapped back.
 */
export interface PartnerRef {
  orgId: string;
  role: "partner" | "contractor";
}

/** The record's partners as the form's two lists. */
export function splitPartners(partners: readonly PartnerRef[]): { partnerIds: string[]; contractorIds: string[] } {
  return {
    partnerIds: partners.filter((p) => p.role === "partner").map((p) => p.orgId),
    contractorIds: partners.filter((p) => p.role === "contractor").map((p) => p.orgId),
  };
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The form's body with `partnerIds`/`contractorIds` replaced by the API's `partners` list. */
export function partnersFromBody(body: Record<string, unknown>): Record<string, unknown> {
  const { partnerIds, contractorIds, ...rest } = body;
  return {
    ...rest,
    partners: [...ids(partnerIds).map((orgId) => ({ orgId, role: "partner" })), ...ids(contractorIds).map((orgId) => ({ orgId, role: "contractor" }))],
  };
}

/** Error paths `partners[i]…` and `partners` mapped onto the list that sent them. */
export function partnerPaths(body: Record<string, unknown>): Record<string, string> {
  const partners = ids(body.partnerIds).length;
  const all = partners + ids(body.contractorIds).length;
  const out: Record<string, string> = { partners: "partnerIds" };
  for (let i = 0; i < all; i++) {
    const field = i < partners ? "partnerIds" : "contractorIds";
    for (const suffix of ["", ".orgId", ".role"]) out[`partners[${i}]${suffix}`] = field;
    for (const suffix of ["", ".orgId", ".role"]) out[`partners.${i}${suffix}`] = field;
  }
  return out;
}
