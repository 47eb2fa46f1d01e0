#!/usr/bin/env node
// Committed (not built) so that npm links the `aitbc-web` bin at install time, before the build runs.
import "../dist/main.js";
