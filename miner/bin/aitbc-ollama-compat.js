#!/usr/bin/env node
// Committed (not built) so that npm links the `aitbc-ollama-compat` bin at install time,
// before the build runs.
import "../dist/ollama-compat/main.js";
