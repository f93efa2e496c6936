/**
 * @module matchmaking/interest-states
 * The states of an expression of interest and the steps of its history, with their Japanese and English
 * labels. Defined once here — the API's schemas, the history table's checks and the web app's badges and
 * timeline all read them — and free of imports so the web app can bundle it.
 */

export const INTEREST_STATES = ["submitted", "forwarded", "declined", "accepted", "meeting", "negotiating", "agreed", "closed"] as const;
export type InterestState = (typeof INTEREST_STATES)[number];

export const INTEREST_STATE_LABELS: Record<InterestState, { ja: string; en: string }> = {
  submitted: { ja: "受付（自治体の確認待ち）", en: "Submitted" },
  forwarded: { ja: "取次済み（相手の回答待ち）", en: "Forwarded" },
  accepted: { ja: "受諾", en: "Accepted" },
  declined: { ja: "辞退", en: "Declined" },
  meeting: { ja: "商談", en: "Meeting" },
  negotiating: { ja: "交渉中", en: "Negotiating" },
  agreed: { ja: "合意", en: "Agreed" },
  closed: { ja: "終了", en: "Closed" },
};

/**
 * What happened at one point of an interest's history: its creation, the broker's and the recipient's
 * answers, each meeting, each outcome and each follow-up (the last three may leave the state unchanged).
 */
export const HISTORY_STEPS = ["created", "forwarded", "declined", "accepted", "meeting", "negotiation", "agreement", "contract", "no_deal", "follow_up_6m", "follow_up_12m"] as const;
export type HistoryStep = (typeof HISTORY_STEPS)[number];

export const HISTORY_STEP_LABELS: Record<HistoryStep, { ja: string; en: string }> = {
  created: { ja: "関心表明", en: "Interest expressed" },
  forwarded: { ja: "自治体が取次", en: "Forwarded by the government" },
  declined: { ja: "辞退・見送り", en: "Declined" },
  accepted: { ja: "受諾", en: "Accepted" },
  meeting: { ja: "商談を記録", en: "Meeting recorded" },
  negotiation: { ja: "結果: 交渉", en: "Outcome: negotiation" },
  agreement: { ja: "結果: 合意", en: "Outcome: agreement" },
  contract: { ja: "結果: 契約", en: "Outcome: contract" },
  no_deal: { ja: "結果: 不成立", en: "Outcome: no deal" },
  follow_up_6m: { ja: "6か月後フォローアップ", en: "6-month follow-up" },
  follow_up_12m: { ja: "12か月後フォローアップ", en: "12-month follow-up" },
};
