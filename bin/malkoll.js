#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/node by `npm run build:cli` (run by `npm install`'s prepare).
require("../dist/node/src/cli/main.js")
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
