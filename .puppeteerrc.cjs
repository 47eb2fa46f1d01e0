// Puppeteer comes in with @asyncapi/html-template (used by `npm run docs`), which only renders
// HTML and never needs a browser. Never download Chrome during `npm ci`: CI has no internet
// beyond the npm registry.
/* global module */
module.exports = { skipDownload: true };
