/**
 * @module cli/main
 * The `renkei` command: every capability registers its subcommands here.
 */
import { Command } from "commander";
import { registerAssessCommands } from "../governance/assess.cli.ts";
import { assessCliDeps } from "../governance/governance.cli-deps.ts";
import { registerEventsCommands } from "../events/events.cli.ts";
import { registerMatchCommands } from "../matchmaking/match.cli.ts";
import { registerGraphCommands } from "../networks/graph.cli.ts";
import { registerOfficesCommands } from "../offices/offices.cli.ts";
import { officesCliDeps } from "../offices/offices.cli-deps.ts";
import { registerRegistryCommands } from "./registry.cli.ts";
import { registerServeCommand } from "./serve.cli.ts";

const program = new Command("renkei")
  .description("renkei (連携): international policy of Japanese local governments, run together")
  .version("0.1.0");

registerServeCommand(program);
registerRegistryCommands(program);
registerAssessCommands(program, assessCliDeps);
registerOfficesCommands(program, officesCliDeps);
registerGraphCommands(program);
registerEventsCommands(program);
registerMatchCommands(program);

await program.parseAsync(process.argv);
