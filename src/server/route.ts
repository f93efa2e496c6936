/**
 * @module server/route
 * One way to declare an HTTP route: its policy (who may call it), zod schemas for params, query, body and
 * response, and a thin handler. Declaring a route registers it with Fastify and with the OpenAPI
 * document, so the two never drift, and a route without a policy cannot be written.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { requireSignedIn } from "../auth/actor.ts";
import { AppError, parseOrThrow } from "../core/errors.ts";
import type { AppContext } from "./context.ts";

/**
 * Route-level policy. Record-level rules (owner organisation, visibility) are enforced by the services and
 * described in `rule`, which also appears in the OpenAPI document as `x-policy`.
 */
export type Policy =
  | { access: "public"; rule: string }
  | { access: "signed_in"; rule: string }
  | { access: "system_admin"; rule: string };

type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  ctx: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  policy: Policy;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  /** Media type(s) of a non-JSON response (CSV, XLSX, iCalendar…); several when a query chooses the format. */
  produces?: string | string[];
  /** Request bodies other than JSON this route accepts (e.g. text/csv for imports). */
  consumes?: string[];
  status?: number;
  handler: (input: HandlerInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>;
}

export interface RegisteredRoute {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  policy: Policy;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  produces?: string | string[];
  consumes?: string[];
  status: number;
}

/** Helper so a route literal keeps its schema types for the handler. */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

export function registerRoutes(app: FastifyInstance, ctx: AppContext, specs: RouteSpec<any, any, any, any>[]): void {
  for (const spec of specs) {
    if (!spec.policy) throw new Error(`route ${spec.method} ${spec.url} declares no policy`);
    const registered: RegisteredRoute = {
      method: spec.method,
      url: spec.url,
      summary: spec.summary,
      tags: spec.tags,
      policy: spec.policy,
      params: spec.params,
      query: spec.query,
      body: spec.body,
      response: spec.response,
      produces: spec.produces,
      consumes: spec.consumes,
      status: spec.status ?? (spec.method === "POST" ? 201 : spec.method === "DELETE" ? 204 : 200),
    };
    ctx.routes.push(registered);
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const actor = request.actor;
        if (spec.policy.access !== "public") requireSignedIn(actor);
        if (spec.policy.access === "system_admin" && !actor.isSystemAdmin) {
          throw new AppError("forbidden", "Only a system administrator may do this.");
        }
        const params = spec.params ? parseOrThrow(spec.params, request.params, "The URL", "params") : {};
        const query = spec.query ? parseOrThrow(spec.query, request.query ?? {}, "The query string", "query") : {};
        const body = spec.body ? parseOrThrow(spec.body, request.body, "The request body") : undefined;
        const result = await spec.handler({ params, query, body, actor, ctx, request, reply });
        if (reply.sent) return reply;
        reply.status(registered.status);
        if (registered.status === 204) return reply.send();
        return result;
      },
    });
  }
}
