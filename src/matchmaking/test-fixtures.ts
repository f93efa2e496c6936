/**
 * @module matchmaking/test-fixtures
 * Shared set-up for matchmaking's API tests: a sponsoring prefecture with staff, companies with members,
 * a foreign buyer, an outsider, valid corporate numbers and review bodies.
 */
import type { LightMyRequestResponse } from "fastify";
import { localGovCheckDigit } from "../core/codes.ts";
import { corporateNumberCheckDigit } from "./engine/validators.ts";
import { buildOrganisation, type TestApp } from "../test/factories.ts";

let serial = 100_000_000_000;

/** A fresh, valid 13-digit corporate number. */
export function corporateNumber(): string {
  serial += 7;
  const base = String(serial).padStart(12, "0");
  return `${corporateNumberCheckDigit(base)}${base}`;
}

export const scores = (advantages: number, clarity: number, cooperation: number, accuracy: number) => ({ scores: { advantages, clarity, cooperation, accuracy } });

export interface Org {
  id: string;
  staff: string;
}

export async function orgWithStaff(t: TestApp, overrides: Parameters<typeof buildOrganisation>[1]): Promise<Org> {
  const org = await buildOrganisation(t.database.db, overrides);
  return { id: org.id, staff: await t.signInAs("staff", org.id) };
}

export const company = (t: TestApp, nameEn: string) => orgWithStaff(t, { kind: "company", nameJa: nameEn, nameEn, country: "JP", localGovCode: null });

export function call(t: TestApp, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, cookie?: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload: payload as never });
}

/** The JIS code of a prefecture (two digits, e.g. "02" for Aomori). */
export const prefectureCode = (pp: string) => `${pp}000${localGovCheckDigit(`${pp}000`)}`;
