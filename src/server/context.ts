/**
 * @module server/context
 * What every handler can reach: the database and the list of declared routes (for the OpenAPI document
 * and the policy test).
 */
import type { Database } from "../db/connection.ts";
import type { RegisteredRoute } from "./route.ts";

export interface AppContext {
  database: Database;
  routes: RegisteredRoute[];
  /** Cookie `Secure` flag: on when served over HTTPS. */
  secureCookies: boolean;
}
