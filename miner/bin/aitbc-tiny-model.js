#!/usr/bin/env node
// Committed (not built) so that npm links the `aitbc-tiny-model` bin at install time, before the build runs.
import "../dist/model/generate-cli.js";
