/**
 * @module web/components/office-colors
 * One colour per operational model (Okabe–Ito palette, readable with colour-vision deficiencies), shared
 * by the map, its legend and the tables.
 */
import type { OfficeModel } from "../../core/domain.ts";

export const OFFICE_MODEL_COLORS: Record<OfficeModel, string> = {
  independent: "#D55E00",
  joint_municipal: "#0072B2",
  joint_industry_academia: "#009E73",
  hosted: "#CC79A7",
  outsourced: "#E69F00",
};
