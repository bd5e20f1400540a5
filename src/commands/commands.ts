/**
 * Ribbon commands of the add-in, loaded in the shared runtime with the task pane and the custom
 * functions (manifest: FunctionFile = Taskpane.Url).
 *
 * - "Registre des conventions" (ShowTaskpane) opens the pane; that declaration is also the page
 *   `Office.addin.showAsTaskpane` shows, so it must stay in the manifest.
 * - "Vérifier le registre" (ExecuteFunction `checkRegister`) checks the register without the
 *   pane: the same action as the pane's button, the "Alertes" sheet shown at the end. When the
 *   register cannot be checked (not adopted and not found, a protected sheet…), the pane opens,
 *   where the reason is said in French — also when this Excel lacks a requirement set the add-in
 *   needs (src/excel/requirements.ts).
 * - `showRegisterPane` (ExecuteFunction) brings the pane up, for a button that only opens it.
 */
import { OfficeWorkbook } from "../excel/officeWorkbook";
import { missingRequirementSets } from "../excel/requirements";
import { checkAndAnnotate } from "../actions/registerActions";
import { today } from "../runtime/today";

/** Office's names for the actions, as the manifest must spell them. */
export const SHOW_REGISTER_PANE = "showRegisterPane";
export const CHECK_REGISTER = "checkRegister";

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

/**
 * Checks the register and writes its alerts, as the pane's "Vérifier le registre"; the pane is
 * opened when the check cannot run, so that the user reads why. Always completes the command.
 */
export async function checkRegister(event?: Office.AddinCommands.Event, workbook: OfficeWorkbook = new OfficeWorkbook()): Promise<void> {
  try {
    // An Excel too old for the add-in: nothing is written, the pane says why (in French).
    if ((missingRequirementSets() ?? []).length > 0) {
      await Office.addin.showAsTaskpane();
      return;
    }
    const outcome = await checkAndAnnotate(workbook, today(), { activate: true });
    if (!outcome.ok) await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error("Le registre n'a pas pu être vérifié :", error);
    try {
      await Office.addin.showAsTaskpane();
    } catch {
      // The pane cannot be shown either: the console has the reason.
    }
  } finally {
    event?.completed();
  }
}

/** Registers the actions once Office is ready; does nothing outside Office (page opened in a browser). */
export function registerCommands(): void {
  if (typeof Office === "undefined") return;
  Office.onReady(() => {
    Office.actions.associate(SHOW_REGISTER_PANE, showRegisterPane);
    Office.actions.associate(CHECK_REGISTER, checkRegister);
  });
}

registerCommands();
