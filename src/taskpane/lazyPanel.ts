/**
 * A tab whose code is not part of the pane's opening bundle: webpack makes a chunk of what
 * `load` imports with import(), fetched from the add-in's origin the first time the tab is shown
 * (the page's CSP allows it: script-src 'self'). Until then the panel shows its "Chargement…"
 * line; a failed download (offline, a new version being deployed) is said in French in the panel
 * and tried again the next time the tab is shown.
 */
import { PANE } from "../i18n/pane.fr";
import { custom, el } from "./dom";

/**
 * `open()` loads and mounts the tab once and gives what `load` returned, or null when the
 * download failed (the panel then says so).
 * @example const reports = lazyPanel(container, async () => (await import("./reportsView")).mountReportsPane(container, options)); void reports();
 */
export function lazyPanel<T>(container: HTMLElement, load: () => Promise<T>): () => Promise<T | null> {
  let loading: Promise<T> | null = null;
  return async () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    try {
      return await loading;
    } catch (error) {
      // webpack's own message ("Loading chunk … failed", in English) is for the console only.
      console.error(error);
      const doc = container.ownerDocument;
      const alert = custom(doc, "fluent-message-bar", { attributes: { intent: "error", layout: "multiline" } }, [PANE.panelNotLoaded]);
      container.replaceChildren(el(doc, "div", { className: "messages", attributes: { role: "alert" } }, [alert]));
      return null;
    }
  };
}
