#!/usr/bin/env node
// The `registre` command: runs the compiled command line (lib/cli/main.js, built from src/cli by
// `npm run build:cli`, which `npm install` runs through the `prepare` script).
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const compiled = join(__dirname, "..", "lib", "cli", "main.js");
if (!existsSync(compiled)) {
  process.stderr.write(
    "La ligne de commande n'est pas encore construite (lib/cli/main.js manque) : lancez « npm run build:cli » " +
      "dans le dossier du projet, puis recommencez.\n",
  );
  process.exitCode = 1;
} else {
  require(compiled)
    .runFromProcess()
    .catch((error) => {
      process.stderr.write(`Erreur inattendue : ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
