// Local `$ref`s of a bundled document ("#/components/schemas/Problem").

export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) {
      throw new Error(`unresolvable $ref ${ref}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Follows `$ref` chains until a non-reference object. */
export function deref<T>(doc: unknown, node: T): T {
  const seen = new Set<string>();
  let current: unknown = node;
  while (isRef(current)) {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = resolvePointer(doc, current.$ref);
  }
  return current as T;
}

export function isRef(node: unknown): node is { $ref: string } {
  return (
    node !== null &&
    typeof node === "object" &&
    typeof (node as { $ref?: unknown }).$ref === "string"
  );
}
