/**
 * @module networks/tie-life.schema
 * Request and response schemas for ties over their lifetime: lifecycle events, upgrades and lineage,
 * yearly activities and outcomes, lapse alerts, and the role history of network memberships.
 */
import { z } from "zod";
import { TIE_KINDS, TIE_PURPOSES } from "../core/domain.ts";
import { ZPartialDate, isValidPartialDate, periodStart } from "../core/dates.ts";
import { DEFAULT_LAPSE_MONTHS } from "./tie-lapse.ts";
import { TIE_STATES, TIE_TRANSITION_REASONS, type TieTransitionReason } from "./tie-lifecycle.ts";
import { optionalText, text, uniqueList, ZBilingual, ZIsoDate } from "./schema-parts.ts";

/**
 * Every transition reason. `superseded` and `upgraded_from` are normally written by an upgrade; they are
 * accepted here too so that a lineage recorded elsewhere can be entered event by event and then linked.
 */
export const TIE_REASONS = Object.keys(TIE_TRANSITION_REASONS) as [TieTransitionReason, ...TieTransitionReason[]];

export const TIE_ACTIVITY_KINDS = ["delegation_visit", "exchange_programme", "joint_project", "event", "meeting", "report", "other"] as const;
export type TieActivityKind = (typeof TIE_ACTIVITY_KINDS)[number];
export const TIE_ACTIVITY_KIND_LABELS: Record<TieActivityKind, { ja: string; en: string }> = {
  delegation_visit: { ja: "訪問団", en: "Delegation visit" },
  exchange_programme: { ja: "交流事業", en: "Exchange programme" },
  joint_project: { ja: "共同プロジェクト", en: "Joint project" },
  event: { ja: "イベント", en: "Event" },
  meeting: { ja: "会議", en: "Meeting" },
  report: { ja: "報告", en: "Report" },
  other: { ja: "その他", en: "Other" },
};

export const NETWORK_ROLES = ["member", "board", "chair", "vice_chair", "secretariat"] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];
export const NETWORK_ROLE_LABELS: Record<NetworkRole, { ja: string; en: string }> = {
  member: { ja: "会員", en: "Member" },
  board: { ja: "理事", en: "Board member" },
  chair: { ja: "議長", en: "Chair" },
  vice_chair: { ja: "副議長", en: "Vice chair" },
  secretariat: { ja: "事務局", en: "Secretariat" },
};

export const ZTiePathParams = z.strictObject({ id: z.uuid().describe("Tie id") });

// ---------- lifecycle ----------
export const ZTieEventCreate = z
  .strictObject({
    state: z.enum(TIE_STATES).describe("The state the tie enters"),
    date: ZIsoDate.describe("Day of the change (for signed: the agreement's date)"),
    reason: z.enum(TIE_REASONS).optional().describe("Why; required for dormant and ended, and must fit the state"),
    note: optionalText(2000, "Note"),
    signatories: z.array(text(200, "A signatory's office")).max(20).optional().describe("For signed: the signatories' offices (e.g. Mayor of Fukuoka City)"),
    source: optionalText(500, "Where the fact comes from"),
  })
  .describe("A change of state to append to the tie's history");
export type TTieEventCreate = z.infer<typeof ZTieEventCreate>;

export const ZTieEventParams = z.strictObject({ id: z.uuid().describe("Tie id"), eventId: z.uuid().describe("Event id") });

const ZLabelled = z.object({ code: z.string(), label: ZBilingual });
export const ZTieEvent = z.object({
  id: z.uuid(),
  state: z.enum(TIE_STATES),
  stateLabel: ZBilingual,
  date: z.string(),
  reason: z.string().nullable(),
  reasonLabel: ZBilingual.nullable(),
  note: z.string().nullable(),
  signatories: z.array(z.string()),
  source: z.string().nullable(),
});

export const ZTieSummary = z.object({
  id: z.uuid(),
  kind: z.enum(TIE_KINDS),
  aOrgId: z.uuid(),
  aName: ZBilingual,
  bOrgId: z.uuid(),
  bName: ZBilingual,
  since: z.string().nullable(),
  until: z.string().nullable(),
  state: z.enum(TIE_STATES).nullable().describe("Current state from the history; null when none is recorded"),
  supersedesTieId: z.uuid().nullable(),
});
export type TTieSummary = z.infer<typeof ZTieSummary>;

export const ZTieHistory = z.object({
  tie: ZTieSummary,
  stateLabel: ZBilingual.nullable(),
  events: z.array(ZTieEvent),
  nextStates: z.array(z.object({ state: z.enum(TIE_STATES), label: ZBilingual, reasons: z.array(ZLabelled) })),
  supersedes: ZTieSummary.nullable().describe("The tie this one continues (if visible)"),
  supersededBy: z.array(ZTieSummary).describe("Ties that continue this one (visible ones)"),
});
export type TTieHistory = z.infer<typeof ZTieHistory>;

export const ZTieUpgrade = z
  .strictObject({
    kind: z.enum(TIE_KINDS).describe("Kind of the successor tie (must differ)"),
    date: ZIsoDate.describe("Day the old tie ends and the successor starts"),
    aOrgId: z.uuid().optional().describe("Successor's first end (default: the old tie's)"),
    bOrgId: z.uuid().optional().describe("Successor's other end (default: the old tie's; e.g. the network it continues in)"),
    purposes: uniqueList(z.enum(TIE_PURPOSES), "Successor's purposes (default: the old tie's)").optional(),
    state: z.enum(["proposed", "signed", "active"]).default("signed").describe("State the successor starts in"),
    signatories: z.array(text(200, "A signatory's office")).max(20).optional().describe("For a signed successor: the signatories' offices"),
    role: z.enum(NETWORK_ROLES).nullable().optional().describe("Role, when the successor is a network membership"),
    field: optionalText(100, "Field (e.g. a Creative Cities field)"),
    note: optionalText(2000, "Note"),
  })
  .describe("Upgrade: end the tie as superseded and start its successor the same day");
export type TTieUpgrade = z.infer<typeof ZTieUpgrade>;

export const ZTieUpgradeResult = z.object({ superseded: ZTieHistory, successor: ZTieHistory });

export const ZTieSupersedes = z
  .strictObject({ supersedesTieId: z.uuid().nullable().describe("The tie this one continues; null removes the link") })
  .describe("Link an existing tie to the one it continues");

export const ZTieLineage = z.object({
  tieId: z.uuid(),
  chain: z.array(ZTieSummary).describe("From the oldest visible ancestor to the tie itself"),
  descendants: z.array(ZTieSummary).describe("Every visible tie that continues it, breadth-first"),
});

// ---------- activities ----------
const activityFields = {
  on: ZPartialDate.describe("When (YYYY, YYYY-MM or YYYY-MM-DD); a partial date counts from the first day of its period"),
  kind: z.enum(TIE_ACTIVITY_KINDS).describe("Kind of activity"),
  titleJa: optionalText(300, "Title in Japanese"),
  titleEn: optionalText(300, "Title in English"),
  descriptionJa: optionalText(4000, "What happened, in Japanese"),
  descriptionEn: optionalText(4000, "What happened, in English"),
  outcomesJa: optionalText(4000, "Outcomes, in Japanese"),
  outcomesEn: optionalText(4000, "Outcomes, in English"),
  participants: z.number().int().min(0).max(1_000_000).nullable().optional().describe("Number of participants"),
  source: optionalText(500, "Where the fact comes from"),
  unverified: z.boolean().optional().describe("True where the source is uncertain"),
};
function hasTitle(a: { titleJa?: string | null; titleEn?: string | null }, ctx: z.RefinementCtx): void {
  if (!a.titleJa && !a.titleEn) ctx.addIssue({ code: "custom", path: ["titleJa"], message: "give a title in Japanese or English" });
}
export const ZTieActivityCreate = z.strictObject(activityFields).superRefine(hasTitle).describe("An activity recorded against the tie");
export type TTieActivityCreate = z.infer<typeof ZTieActivityCreate>;
export const ZTieActivityUpdate = z.strictObject(activityFields).partial().describe("Fields to change");
export type TTieActivityUpdate = z.infer<typeof ZTieActivityUpdate>;
export const ZTieActivityParams = z.strictObject({ id: z.uuid().describe("Tie id"), activityId: z.uuid().describe("Activity id") });
export const ZTieActivityListQuery = z.strictObject({
  year: z.coerce.number().int().min(1800).max(2200).optional().describe("Only this year"),
});
export const ZTieActivity = z.object({
  id: z.uuid(),
  tieId: z.uuid(),
  on: z.string(),
  year: z.number().int(),
  kind: z.enum(TIE_ACTIVITY_KINDS),
  kindLabel: ZBilingual,
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  outcomesJa: z.string().nullable(),
  outcomesEn: z.string().nullable(),
  participants: z.number().int().nullable(),
  source: z.string().nullable(),
  unverified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTieActivity = z.infer<typeof ZTieActivity>;
export const ZTieActivities = z.object({
  items: z.array(ZTieActivity).describe("Oldest first"),
  byYear: z.array(z.object({ year: z.number().int(), activities: z.number().int(), withOutcomes: z.number().int(), byKind: z.record(z.string(), z.number().int()) })),
});

// ---------- lapse alerts ----------
export const ZLapseQuery = z.strictObject({
  orgId: z.uuid().describe("The organisation whose ties (either end) are checked"),
  asOf: ZIsoDate.optional().describe("The day to compute alerts for (default: today)"),
  months: z.coerce.number().int().min(1).max(600).default(DEFAULT_LAPSE_MONTHS).describe("Whole months without activity that raise an alert"),
});
export const ZLapseAlerts = z.object({
  orgId: z.uuid(),
  asOf: z.string(),
  months: z.number().int(),
  checked: z.number().int().describe("Visible ties of the organisation that were checked"),
  alerts: z.array(
    z.object({
      tie: ZTieSummary,
      partner: z.object({ orgId: z.uuid(), name: ZBilingual }),
      state: z.enum(["signed", "active"]),
      lastActivity: z.string().nullable(),
      since: z.string(),
      lapsedOn: z.string(),
      monthsInactive: z.number().int(),
      message: ZBilingual,
      inferredHistory: z.boolean().describe("True when the tie has no recorded events and counts as active from its since date"),
    }),
  ),
});

// ---------- membership roles ----------
export const ZRolePeriod = z.strictObject({
  role: z.enum(NETWORK_ROLES).describe("Role in the network"),
  from: ZPartialDate.describe("From (YYYY, YYYY-MM or YYYY-MM-DD)"),
  until: ZPartialDate.nullable().optional().describe("Until (exclusive); null while current"),
  note: optionalText(1000, "Note"),
  source: optionalText(500, "Where the fact comes from"),
});
export const ZRoleHistoryInput = z
  .strictObject({
    periods: z
      .array(ZRolePeriod)
      .max(100)
      .superRefine((periods, ctx) => {
        periods.forEach((p, i) => {
          if (p.until && isValidPartialDate(p.until) && isValidPartialDate(p.from) && periodStart(p.until) <= periodStart(p.from)) {
            ctx.addIssue({ code: "custom", path: [i, "until"], message: "must be after from" });
          }
          const prev = periods[i - 1];
          if (!prev || !isValidPartialDate(p.from) || !isValidPartialDate(prev.from)) return;
          if (periodStart(p.from) < periodStart(prev.from)) ctx.addIssue({ code: "custom", path: [i, "from"], message: "periods must be in date order" });
          else if (!prev.until) ctx.addIssue({ code: "custom", path: [i - 1, "until"], message: "only the last period may be open-ended" });
          else if (isValidPartialDate(prev.until) && periodStart(prev.until) > periodStart(p.from)) {
            ctx.addIssue({ code: "custom", path: [i, "from"], message: "overlaps the previous period" });
          }
        });
      })
      .describe("Role periods in date order; they replace the stored history"),
  })
  .describe("The role history of a network membership");
export type TRoleHistoryInput = z.infer<typeof ZRoleHistoryInput>;
export const ZRoleHistory = z.object({
  tieId: z.uuid(),
  currentRole: z.enum(NETWORK_ROLES).nullable(),
  periods: z.array(
    z.object({
      role: z.enum(NETWORK_ROLES),
      label: ZBilingual,
      from: z.string(),
      until: z.string().nullable(),
      note: z.string().nullable(),
      source: z.string().nullable(),
    }),
  ),
});
export type TRoleHistory = z.infer<typeof ZRoleHistory>;
