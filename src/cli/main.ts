/**
 * @module cli/main
 * The `renkei` command: every capability registers its subcommands here.
 */
import { Command } from "commander";
import { registerRegistryCommands } from "./registry.cli.ts";
import { registerServeCommand } from "./serve.cli.ts";

const program = new Command("renkei")
  .description("renkei (連携): international policy of Japanese local governments, run together")
  .version("0.1.0");

registerServeCommand(program);
registerRegistryCommands(program);

await program.parseAsync(process.argv);
