/**
 * What every tab of the pane that acts on the workbook shares: a progress line, a place for
 * French error messages, Fluent buttons, and `busy`, which runs one action with the controls off,
 * its progress shown, and Excel's refusals said in French (the pane stays usable).
 */
import { GatewayError } from "../excel/gateway";
import { MappingProblem } from "../core/register/registerMapping";
import { gatewayErrorMessage, unexpectedPaneError } from "../i18n/pane.fr";
import { mappingProblemMessage } from "../i18n/register.fr";
import { custom, el } from "./dom";

export interface ActionPanel {
  /** The status line, the messages, then `body`: the tab's content. */
  readonly body: HTMLElement;
  readonly say: (text: string, busy: boolean) => void;
  readonly showError: (text: string) => void;
  /** Runs an action; what it returns is said on the status line once it is done. */
  readonly busy: (label: string, action: () => Promise<string | void>) => Promise<void>;
  readonly button: (text: string, appearance: "primary" | "secondary", onClick: () => void, id?: string) => HTMLElement;
}

/** Builds the panel inside `container`; `prefix` keeps the ids of two panels apart. */
export function actionPanel(container: HTMLElement, prefix: string): ActionPanel {
  const doc = container.ownerDocument;
  const spinner = custom(doc, "fluent-spinner", { attributes: { size: "tiny", "aria-hidden": "true" } });
  const statusText = el(doc, "span", { className: "status-text" });
  const status = el(doc, "p", { className: "busy", id: `${prefix}-etat`, attributes: { role: "status", "aria-live": "polite" } }, [spinner, statusText]);
  const messages = el(doc, "div", { className: "messages", attributes: { role: "alert" } });
  const body = el(doc, "div", { className: "panel-body" });
  container.replaceChildren(status, messages, body);

  const say = (text: string, busy: boolean): void => {
    statusText.textContent = text;
    status.classList.toggle("is-busy", busy);
  };
  const showError = (text: string): void => {
    messages.replaceChildren(custom(doc, "fluent-message-bar", { attributes: { intent: "error", layout: "multiline" } }, [text]));
    // The pane may be scrolled down to the button that failed: the message comes into view.
    messages.scrollIntoView({ block: "nearest" });
  };
  const busy = async (label: string, action: () => Promise<string | void>): Promise<void> => {
    messages.replaceChildren();
    const controls = [...container.querySelectorAll<HTMLElement>("fluent-button, button, select, input, textarea")];
    for (const control of controls) control.setAttribute("disabled", "");
    container.setAttribute("aria-busy", "true");
    say(label, true);
    try {
      const done = await action();
      say(typeof done === "string" ? done : "", false);
    } catch (error) {
      say("", false);
      showError(error instanceof GatewayError ? gatewayErrorMessage(error) : unexpectedPaneError(error instanceof Error ? error.message : String(error)));
    } finally {
      for (const control of controls) control.removeAttribute("disabled");
      container.removeAttribute("aria-busy");
    }
  };
  const button = (text: string, appearance: "primary" | "secondary", onClick: () => void, id?: string): HTMLElement => {
    const b = custom(doc, "fluent-button", { text, ...(id === undefined ? {} : { id }), attributes: { appearance } });
    b.addEventListener("click", () => {
      if (!b.hasAttribute("disabled")) onClick();
    });
    return b;
  };
  return { body, say, showError, busy, button };
}

/** Why the register cannot be read, as a list (the same sentences as the command line's). */
export function mappingProblemList(doc: Document, problems: readonly MappingProblem[]): HTMLElement {
  return el(doc, "ul", { className: "problems" }, problems.map((p) => el(doc, "li", { text: mappingProblemMessage(p) })));
}
