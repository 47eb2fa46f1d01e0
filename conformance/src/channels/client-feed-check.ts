// The node's client feed (p2p.asyncapi.json, channel clientFeed): new heads and transactions.
// The check listens for a few messages and validates each; a chain that produced nothing while it
// listened gets a SKIP that says so.
import type { ChannelCheck } from "./channel-check.js";
import { checkMessages } from "./check-messages.js";
import { recordWs, wsUrl } from "./ws-session.js";

const WANTED = 3;

export const checkClientFeed: ChannelCheck = async (ctx) => {
  const listenMs = Math.min(ctx.timeoutMs, 10_000);
  const rec = await recordWs(wsUrl(ctx.baseUrl, ctx.address), {
    maxMessages: WANTED,
    timeoutMs: listenMs,
  });
  if (!rec.opened) {
    ctx.reporter.fail("contract", ctx.scope, ctx.label, `did not open: ${rec.error ?? "closed"}`);
    return;
  }
  if (rec.messages.length === 0) {
    ctx.reporter.skip(
      "contract",
      ctx.scope,
      ctx.label,
      `no message within ${listenMs} ms (no new block or transaction): nothing to validate`,
    );
    return;
  }
  const check = checkMessages(ctx.validator, ctx.messages, rec.messages);
  if (check.ok)
    ctx.reporter.pass(
      "contract",
      ctx.scope,
      ctx.label,
      `${rec.messages.length} messages, each valid against its schema: ${check.detail}`,
    );
  else ctx.reporter.fail("contract", ctx.scope, ctx.label, check.detail);
};
