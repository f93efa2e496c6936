/**
 * @module server/openapi
 * The OpenAPI 3.1 document, generated from the declared routes and their zod schemas (zod emits JSON
 * Schema 2020-12, which OpenAPI 3.1 uses as is). Each operation carries its access policy as `x-policy`.
 */
import { z } from "zod";
import type { RegisteredRoute } from "./route.ts";

const PROBLEM_SCHEMA = {
  type: "object",
  description: "RFC 9457 problem details",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: { path: { type: "string" }, message: { type: "string" }, code: { type: "string" }, row: { type: "integer" }, column: { type: "string" }, value: {} },
        required: ["path", "message"],
      },
    },
  },
  required: ["type", "title", "status", "detail", "errors"],
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

/** Query and path parameters as OpenAPI parameter objects, one per property. */
function parameters(schema: z.ZodType | undefined, where: "query" | "path") {
  if (!schema) return [];
  const js = jsonSchema(schema, "input") as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    description: prop.description,
    schema: prop,
  }));
}

export function openApiDocument(routes: RegisteredRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const responses: Record<string, unknown> = {
      default: { description: "Error", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    };
    if (r.status === 204) responses["204"] = { description: "Done" };
    else if (r.produces) responses[String(r.status)] = { description: "File", content: Object.fromEntries([r.produces].flat().map((type) => [type, { schema: { type: "string", format: "binary" } }])) };
    else responses[String(r.status)] = { description: "Success", content: { "application/json": { schema: r.response ? jsonSchema(r.response, "output") : {} } } };
    const requestBody = r.body
      ? { required: true, content: { "application/json": { schema: jsonSchema(r.body, "input") } } }
      : r.consumes
        ? { required: true, content: Object.fromEntries(r.consumes.map((c) => [c, { schema: { type: "string", format: "binary" } }])) }
        : undefined;
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      "x-policy": r.policy,
      security: r.policy.access === "public" ? [] : [{ session: [] }],
      parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query")],
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "renkei API",
      version,
      description: "The registry, matchmaking, networks, evaluation and governance model of Japanese local governments' international policy. Errors are application/problem+json.",
    },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "renkei_session" } },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
    paths,
  };
}
