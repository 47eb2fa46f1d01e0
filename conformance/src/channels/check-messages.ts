// Does every message received on a channel validate against one of the channel's message
// payloads? Each message is matched by its `type` when a payload pins one with `const`, otherwise
// against every payload in turn.
import type { DocumentValidator } from "../schema/validator.js";
import type { ChannelMessage } from "../spec/asyncapi-documents.js";

export interface MessagesCheck {
  ok: boolean;
  /** What matched (`2 jobStatus, 5 jobProgress, 1 jobResult`) or why not. */
  detail: string;
  /** The parsed messages, in order (only when ok). */
  parsed: Array<Record<string, unknown>>;
}

function pinnedType(message: ChannelMessage): unknown {
  const props = message.payload.properties as Record<string, { const?: unknown }> | undefined;
  return props?.type?.const;
}

export function checkMessages(
  validator: DocumentValidator,
  expected: ChannelMessage[],
  raw: string[],
): MessagesCheck {
  const counts = new Map<string, number>();
  const parsed: Array<Record<string, unknown>> = [];
  for (const [i, text] of raw.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return fail(`message ${i + 1} is not JSON: ${text.slice(0, 80)}`);
    }
    const type = (value as { type?: unknown } | null)?.type;
    const candidates = expected.filter(
      (m) => pinnedType(m) === undefined || pinnedType(m) === type,
    );
    if (candidates.length === 0) {
      const known = expected.map((m) => String(pinnedType(m) ?? m.name)).join(", ");
      return fail(`message ${i + 1} has type ${JSON.stringify(type)}, documented: ${known}`);
    }
    const results = candidates.map((m) => ({ m, r: validator.validate(m.payload, value) }));
    const match = results.find((x) => x.r.valid);
    if (!match) {
      const first = results[0]!;
      return fail(`message ${i + 1} does not match ${first.m.name}: ${first.r.errors.join("; ")}`);
    }
    counts.set(match.m.name, (counts.get(match.m.name) ?? 0) + 1);
    parsed.push(value as Record<string, unknown>);
  }
  const detail = [...counts].map(([name, n]) => `${n} ${name}`).join(", ");
  return { ok: true, detail, parsed };
}

function fail(detail: string): MessagesCheck {
  return { ok: false, detail, parsed: [] };
}
