// Hash routing: `#/services/gpu-compute-001?x=1`. Each view gets an AbortSignal that fires when
// the user navigates away, so its polling and WebSockets stop with it.
import { fill, h } from "./dom.js";
import { problemNotice } from "./problems.js";

export interface RouteContext {
  params: string[];
  query: URLSearchParams;
  signal: AbortSignal;
}

export type View = (ctx: RouteContext) => Node | Promise<Node>;
export type Route = [pattern: RegExp, view: View];

export function currentRoute(): { path: string; query: URLSearchParams } {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, search] = raw.split("?", 2);
  return { path: path || "/", query: new URLSearchParams(search ?? "") };
}

export function navigate(path: string, query?: Record<string, string>): void {
  const q = query ? new URLSearchParams(query).toString() : "";
  location.hash = `#${path}${q ? `?${q}` : ""}`;
}

export function startRouter(outlet: HTMLElement, routes: Route[], notFound: View): () => void {
  let controller: AbortController | undefined;
  let generation = 0;

  const render = async () => {
    controller?.abort();
    controller = new AbortController();
    const mine = ++generation;
    const { path, query } = currentRoute();
    let view = notFound;
    let params: string[] = [];
    for (const [pattern, v] of routes) {
      const m = pattern.exec(path);
      if (m) {
        view = v;
        params = m.slice(1).map((p) => decodeURIComponent(p ?? ""));
        break;
      }
    }
    outlet.setAttribute("aria-busy", "true");
    try {
      const node = await view({ params, query, signal: controller.signal });
      if (mine === generation) fill(outlet, node);
    } catch (err) {
      if (mine === generation) fill(outlet, h("section", { class: "page" }, problemNotice(err)));
    } finally {
      if (mine === generation) outlet.removeAttribute("aria-busy");
    }
  };
  window.addEventListener("hashchange", () => void render());
  void render();
  return () => void render();
}
