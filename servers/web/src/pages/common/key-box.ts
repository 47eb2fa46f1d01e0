// The API key box in the header. The key stays in this browser (localStorage of this page's
// origin) and goes only to the AITBC APIs, as X-API-Key (or `api_key` on WebSockets).
import { fill, h } from "./dom.js";
import { DEV_KEYS_HINT } from "./problems.js";
import type { Session } from "./session.js";

export function keyBox(session: Session, purpose: string): HTMLElement {
  const input = h("input", {
    id: "api-key-input",
    type: "password",
    name: "api_key",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Paste an API key",
    "aria-label": "API key",
  });
  const status = h("div", { class: "key-status", id: "key-status", "aria-live": "polite" });
  const summary = h("summary", { class: "key-summary" });
  const form = h(
    "form",
    { class: "key-form" },
    h("label", { for: "api-key-input" }, "API key"),
    h(
      "div",
      { class: "key-row" },
      input,
      h("button", { class: "btn btn-small", type: "submit", id: "api-key-save" }, "Save"),
    ),
    h(
      "p",
      { class: "key-help" },
      purpose,
      " ",
      DEV_KEYS_HINT,
      " The key is kept in this browser only.",
    ),
    h(
      "button",
      {
        type: "button",
        class: "btn btn-small btn-ghost",
        id: "api-key-forget",
        onclick: () => void session.setApiKey(""),
      },
      "Forget key",
    ),
    status,
  );
  const box = h("details", { class: "key-box" }, summary, form);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void session.setApiKey(input.value).then(() => {
      if (session.identity.me) box.open = false;
    });
  });

  const render = () => {
    const { me, error, checking } = session.identity;
    input.value = session.apiKey;
    if (checking) {
      fill(summary, h("span", { class: "key-dot key-dot-wait" }), "Checking key…");
      fill(status, "Checking the key with the coordinator…");
    } else if (me) {
      fill(
        summary,
        h("span", { class: "key-dot key-dot-ok" }),
        h("span", { id: "signed-in-as", "data-role": me.role }, me.name),
        h("span", { class: "key-role" }, me.platform_admin ? "platform admin" : me.role),
      );
      fill(status, `Signed in as ${me.name} (${me.id}, ${me.role}).`);
    } else if (error) {
      fill(summary, h("span", { class: "key-dot key-dot-bad" }), "Key not accepted");
      fill(
        status,
        h(
          "span",
          { class: "key-error" },
          error.problem.detail ?? error.message,
          ` (${error.code})`,
        ),
      );
      box.open = true;
    } else {
      fill(summary, h("span", { class: "key-dot" }), "Sign in with an API key");
      fill(status, "No key: you can browse, but not buy, sell or submit jobs.");
    }
  };
  session.onChange(render);
  render();
  return box;
}
