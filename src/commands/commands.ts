/**
 * Ribbon commands of the add-in, loaded in the shared runtime with the task pane and the custom
 * functions (manifest: FunctionFile = Taskpane.Url).
 *
 * `showRegisterPane` is the action a ribbon button of type ExecuteFunction names in the manifest
 * (<Action xsi:type="ExecuteFunction"><FunctionName>showRegisterPane</FunctionName></Action>): it
 * brings the task pane up at the end of a command, as the register tools of later issues will. The
 * "Fonctions du registre" button itself is of type ShowTaskpane: that declaration is also the page
 * `Office.addin.showAsTaskpane` shows, so it must stay in the manifest.
 */

/** Office's name for the action, as the manifest must spell it. */
export const SHOW_REGISTER_PANE = "showRegisterPane";

/**
 * Shows the task pane of the shared runtime, then tells Office the command is done (even when the
 * pane cannot be shown, so the ribbon button is never left waiting).
 */
export async function showRegisterPane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error("Le volet du registre n'a pas pu être ouvert :", error);
  } finally {
    event?.completed();
  }
}

/** Registers the actions once Office is ready; does nothing outside Office (page opened in a browser). */
export function registerCommands(): void {
  if (typeof Office === "undefined") return;
  Office.onReady(() => {
    Office.actions.associate(SHOW_REGISTER_PANE, showRegisterPane);
  });
}

registerCommands();
