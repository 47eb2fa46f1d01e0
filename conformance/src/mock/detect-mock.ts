// Is a URL served by a Prism mock? Prism answers an unknown path with its own problem type
// (https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR); an implementation answers with ours.

export const PROBE_PATH = "/__aitbc_conformance_probe__";

export async function isPrismMock(baseUrl: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    const response = await fetch(baseUrl.replace(/\/+$/, "") + PROBE_PATH, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return text.includes("stoplight.io/prism");
  } catch {
    return false;
  }
}
