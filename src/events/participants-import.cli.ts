/**
 * @module events/participants-import.cli
 * `renkei events import-participants --event <id> <file> --mapping mapping.json`: the API's participant
 * import (all or nothing, row-level report) from a CSV or XLSX file, against the configured database, as
 * the platform itself acts. The mapping file maps the file's columns to participant fields, e.g.
 * `{"会社名": "organisation", "区分": "type", "担当者": "contactName"}`.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { action, printJson } from "../cli/cli-io.ts";
import { withDatabase } from "../cli/with-database.ts";
import { AppError, fieldErrorsFromZod } from "../core/errors.ts";
import { formatFromName, readTable } from "../registry/transfer/table-file.ts";
import { importParticipants } from "./participants-import.ts";
import { ZParticipantImport } from "./participants.schema.ts";
import { PARTICIPANT_STATUSES, PARTICIPANT_TYPES } from "./vocabulary.ts";

async function readMapping(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new AppError("validation_failed", `cannot read --mapping ${file}: ${(error as Error).message}`, [{ path: "--mapping", message: "cannot read the file", value: file }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("malformed_request", `--mapping ${file} is not valid JSON: ${(error as Error).message}`, [{ path: "--mapping", message: "not valid JSON", value: file }]);
  }
}

const ZOptions = z.strictObject({
  event: z.uuid({ error: "must be an event id (UUID)" }),
  mapping: ZParticipantImport.shape.mapping,
  type: z.enum(PARTICIPANT_TYPES).optional(),
  status: z.enum(PARTICIPANT_STATUSES).optional(),
});

export function registerParticipantImport(events: Command): void {
  events
    .command("import-participants <file>")
    .description("Import an event's participants from CSV or XLSX with a column mapping, all or nothing / 参加者の一括登録")
    .requiredOption("--event <id>", "the event's id")
    .requiredOption("--mapping <file>", "JSON object: file column → participant field (organisation, name, type, contactName, contactEmail, maxMeetings, maxPerSession, offer, seek, hsCodes, country, status)")
    .option("--type <type>", `participant type of rows without a type column (${PARTICIPANT_TYPES.join(", ")})`)
    .option("--status <status>", `status of rows without a status column (default approved)`)
    .action(action(async (file: string, o: { event: string; mapping: string; type?: string; status?: string }) => {
      const parsed = ZOptions.safeParse({ event: o.event, mapping: await readMapping(o.mapping), type: o.type, status: o.status });
      if (!parsed.success) {
        const errors = fieldErrorsFromZod(parsed.error).map((e) => ({ ...e, path: `--${e.path}` }));
        throw new AppError("validation_failed", `invalid options: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
      }
      const format = formatFromName(file);
      const read = async () => {
        try {
          return await readTable(await readFile(file), format);
        } catch (error) {
          if (error instanceof AppError) throw error;
          throw new AppError("validation_failed", `cannot read ${file}: ${(error as Error).message}`, [{ path: "file", message: (error as Error).message, value: file }]);
        }
      };
      const { event, mapping, type, status } = parsed.data;
      const defaults = { ...(type ? { participantType: type } : {}), ...(status ? { status } : {}) };
      printJson(await withDatabase((database) => database.db.transaction((tx) => importParticipants(tx, SYSTEM_ACTOR, event, read, { mapping, defaults }))));
    }));
}
