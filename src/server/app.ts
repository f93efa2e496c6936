/**
 * @module server/app
 * Builds the Fastify application: session cookie → actor, JSON and file bodies, every capability's routes,
 * the OpenAPI document, health, problem+json errors, and the built web app with client-side routing.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { z } from "zod";
import { ANONYMOUS, type Actor } from "../auth/actor.ts";
import { SESSION_COOKIE, authRoutes } from "../auth/auth.routes.ts";
import { actorForToken } from "../auth/auth.service.ts";
import type { Database } from "../db/connection.ts";
import { AppError } from "../core/errors.ts";
import { registryRoutes } from "../registry/registry.routes.ts";
import type { AppContext } from "./context.ts";
import { openApiDocument } from "./openapi.ts";
import { problemHandler } from "./problem.ts";
import { registerRoutes, route } from "./route.ts";
import { capabilityRoutes } from "./capabilities.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
  }
}

export const WEB_DIST = fileURLToPath(new URL("../../dist/web/", import.meta.url));
export const VERSION = "0.1.0";
/** Largest JSON body accepted; imports of large spreadsheets go through the CLI. */
export const BODY_LIMIT = 2 * 1024 * 1024;

export interface AppOptions {
  database: Database;
  logger?: boolean;
  secureCookies?: boolean;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT });
  const ctx: AppContext = { database: options.database, routes: [], secureCookies: options.secureCookies ?? false };
  app.decorate("renkei", ctx);
  await app.register(fastifyCookie);
  app.decorateRequest("actor", null as unknown as Actor);
  app.addHook("onRequest", async (request) => {
    request.actor = request.url.startsWith("/api/")
      ? await actorForToken(options.database.db, request.cookies[SESSION_COOKIE])
      : ANONYMOUS;
  });
  // Spreadsheet and CSV uploads arrive as raw bytes for the import routes.
  app.addContentTypeParser(
    ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"],
    { parseAs: "buffer" },
    (_req, body, done) => done(null, body),
  );
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith("/api/") && options.serveWeb && existsSync(`${WEB_DIST}index.html`)) {
      return reply.sendFile("index.html");
    }
    problemHandler(new AppError("not_found", `No route ${request.method} ${request.url.split("?")[0]}.`), request, reply);
  });

  registerRoutes(app, ctx, [
    route({
      method: "GET",
      url: "/api/health",
      summary: "Liveness and database check",
      tags: ["system"],
      policy: { access: "public", rule: "anyone" },
      response: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string() }),
      handler: async ({ ctx: c }) => {
        await c.database.query("SELECT 1");
        return { status: "ok" as const, database: c.database.kind, version: VERSION };
      },
    }),
    route({
      method: "GET",
      url: "/api/openapi.json",
      summary: "This API's OpenAPI 3.1 document",
      tags: ["system"],
      policy: { access: "public", rule: "anyone" },
      handler: async ({ ctx: c }) => openApiDocument(c.routes, VERSION),
    }),
    ...authRoutes,
    ...registryRoutes,
    ...capabilityRoutes,
  ]);

  if (options.serveWeb && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: "/", wildcard: false, index: ["index.html"] });
  }
  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    renkei: AppContext;
  }
}
