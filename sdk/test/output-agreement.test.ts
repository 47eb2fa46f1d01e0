// The rule a re-run is judged by: byte-identical output on the same executor and model file, the
// same opening words across executors at temperature 0, and no verdict where none is meaningful.
import { describe, expect, it } from "vitest";
import { contentDigest } from "../src/crypto/hash.js";
import {
  AGREEMENT_PREFIX_WORDS,
  agree,
  type Execution,
  type ExecutionReceipt,
} from "../src/receipts/output-agreement.js";

const LLAMACPP = {
  executor: "llamacpp",
  executor_version: "node-llama-cpp 3.21.1; llama.cpp b6000; cpu",
  model_digest: "sha256:" + "a".repeat(64),
};
const OLLAMA = {
  executor: "ollama",
  executor_version: "0.5.7",
  model_digest: "sha256:" + "b".repeat(64),
};

function run(
  text: string,
  fields: Partial<ExecutionReceipt> = {},
  tokensOut = text.length,
): Execution {
  return {
    text,
    receipt: {
      model: "aitbc-tiny:latest",
      input_hash: contentDigest("Hello AITBC"),
      output_hash: contentDigest(text),
      tokens_out: tokensOut,
      temperature: "0",
      seed: 7,
      ...LLAMACPP,
      ...fields,
    },
  };
}

const sentence = (n: number, last = "end") =>
  Array.from({ length: n - 1 }, (_, i) => `w${i}`).join(" ") + ` ${last}`;

describe("agree: same executor, version and model file", () => {
  it("agrees on identical output and token count", () => {
    expect(agree(run("same words"), run("same words"))).toEqual({
      verdict: "agree",
      rule: "exact",
    });
  });

  it("disagrees on a one-byte difference, even far past the prefix window", () => {
    const long = sentence(AGREEMENT_PREFIX_WORDS * 3);
    const v = agree(run(long), run(long + "!"));
    expect(v).toMatchObject({ verdict: "disagree", rule: "exact" });
  });

  it("disagrees when the token counts differ for the same text", () => {
    expect(agree(run("x y", {}, 2), run("x y", {}, 3))).toMatchObject({
      verdict: "disagree",
      reason: "token counts differ",
    });
  });

  it("compares sampled runs exactly when they share the seed", () => {
    const t = { temperature: "0.8", seed: 42 };
    expect(agree(run("a b", t), run("a b", t))).toEqual({ verdict: "agree", rule: "exact" });
    expect(agree(run("a b", t), run("a c", t)).verdict).toBe("disagree");
  });
});

describe("agree: different executors, versions or model files", () => {
  it("agrees on the first words when the outputs diverge later", () => {
    const a = sentence(AGREEMENT_PREFIX_WORDS + 10, "cpu");
    const b = sentence(AGREEMENT_PREFIX_WORDS + 10, "gpu");
    expect(agree(run(a), run(b, OLLAMA))).toEqual({ verdict: "agree", rule: "prefix" });
    // The same pair on the same executor must match byte for byte.
    expect(agree(run(a), run(b)).verdict).toBe("disagree");
  });

  it("treats another llama.cpp build as another executor", () => {
    const other = { executor_version: "node-llama-cpp 3.21.1; llama.cpp b6000; cuda" };
    const a = sentence(AGREEMENT_PREFIX_WORDS + 1, "x");
    const b = sentence(AGREEMENT_PREFIX_WORDS + 1, "y");
    expect(agree(run(a), run(b, other))).toEqual({ verdict: "agree", rule: "prefix" });
  });

  it("disagrees when a word inside the window differs, naming it", () => {
    const a = sentence(AGREEMENT_PREFIX_WORDS + 5);
    const b = a.replace("w3 ", "W3 ");
    expect(agree(run(a), run(b, OLLAMA))).toEqual({
      verdict: "disagree",
      rule: "prefix",
      reason: "word 4 differs",
    });
  });

  it("ignores how whitespace is laid out between the words", () => {
    expect(agree(run("one two\nthree"), run("one  two three", OLLAMA)).verdict).toBe("agree");
  });

  it("disagrees when one short output stops where the other goes on", () => {
    const v = agree(run("one two three"), run("one two three four", OLLAMA));
    expect(v).toMatchObject({ verdict: "disagree", reason: "one output ends before the other" });
  });

  it("honours a custom window", () => {
    const a = run("one two three four");
    const b = run("one two three FOUR", OLLAMA);
    expect(agree(a, b, { prefixWords: 3 }).verdict).toBe("agree");
    expect(agree(a, b, { prefixWords: 4 }).verdict).toBe("disagree");
  });

  it("uses the prefix rule when a receipt does not say which executor ran", () => {
    const bare = { executor: undefined, executor_version: undefined };
    expect(agree(run("a b", bare), run("a b", bare))).toEqual({ verdict: "agree", rule: "prefix" });
  });

  it("gives no verdict on sampled runs of different executors", () => {
    const t = { temperature: "0.8", seed: 42 };
    expect(agree(run("a", t), run("b", { ...t, ...OLLAMA })).verdict).toBe("incomparable");
  });
});

describe("agree: what is compared at all", () => {
  it("refuses a text that is not the one its receipt signed", () => {
    const forged = { ...run("honest"), text: "forged" };
    expect(agree(forged, run("honest"))).toMatchObject({ verdict: "disagree", rule: "receipt" });
    expect(agree(run("honest"), forged)).toMatchObject({
      reason: "b: text is not its output_hash",
    });
  });

  it.each([
    ["inputs", { input_hash: contentDigest("another prompt") }],
    ["models", { model: "llama3.2:latest" }],
    ["temperatures", { temperature: "0.5" }],
  ])("gives no verdict on different %s", (_what, fields) => {
    expect(agree(run("x"), run("x", fields)).verdict).toBe("incomparable");
  });

  it("needs the same recorded seed above temperature 0, and ignores the seed at 0", () => {
    const hot = { temperature: "0.8" };
    expect(agree(run("x", { ...hot, seed: 1 }), run("x", { ...hot, seed: 2 })).verdict).toBe(
      "incomparable",
    );
    expect(
      agree(run("x", { ...hot, seed: undefined }), run("x", { ...hot, seed: undefined })).verdict,
    ).toBe("incomparable");
    expect(agree(run("x", { seed: 1 }), run("x", { seed: 2 })).verdict).toBe("agree");
  });

  it("reads an absent temperature as 0", () => {
    expect(agree(run("x", { temperature: undefined }), run("x")).verdict).toBe("agree");
  });
});
