/**
 * The ribbon command, with a stand-in for the part of Office.js it uses: it registers its action
 * once Office is ready, opens the task pane and always tells Office the command is done.
 */

import { ALERTS_SHEET } from "../../src/plans/ownedSheets";
import { ExcelRunner, OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { FakeExcelHost } from "../browser/fakeOffice/fakeExcel";

interface OfficeStandIn {
  onReady: jest.Mock;
  actions: { associate: jest.Mock };
  addin: { showAsTaskpane: jest.Mock };
}

const scope = globalThis as unknown as { Office?: OfficeStandIn };

function installOffice(showAsTaskpane: () => Promise<void>): OfficeStandIn {
  const office: OfficeStandIn = {
    onReady: jest.fn((callback: () => void) => {
      callback();
      return Promise.resolve({ host: "Excel", platform: "PC" });
    }),
    actions: { associate: jest.fn() },
    addin: { showAsTaskpane: jest.fn(showAsTaskpane) },
  };
  scope.Office = office;
  return office;
}

function commandEvent(): { completed: jest.Mock } {
  return { completed: jest.fn() };
}

afterEach(() => {
  delete scope.Office;
  jest.resetModules();
  jest.restoreAllMocks();
});

describe("commands", () => {
  it("registers showRegisterPane when Office is ready", async () => {
    const office = installOffice(() => Promise.resolve());
    const commands = await import("../../src/commands/commands");
    expect(office.onReady).toHaveBeenCalledTimes(1);
    expect(office.actions.associate).toHaveBeenCalledWith("showRegisterPane", commands.showRegisterPane);
    expect(office.actions.associate).toHaveBeenCalledWith("checkRegister", commands.checkRegister);
  });

  it("Vérifier le registre: the alerts are written and shown, the command completed", async () => {
    const office = installOffice(() => Promise.resolve());
    const { checkRegister } = await import("../../src/commands/commands");
    const host = new FakeExcelHost({ Conventions: [["Référence", "Date de notification", "Durée"], ["C1", 45000, 36]] });
    const done = commandEvent();
    await checkRegister(done as unknown as Office.AddinCommands.Event, new OfficeWorkbook(host.run as unknown as ExcelRunner));
    expect(host.sheet(ALERTS_SHEET)).toBeDefined();
    expect(host.activeSheet).toBe(ALERTS_SHEET);
    expect(office.addin.showAsTaskpane).not.toHaveBeenCalled();
    expect(done.completed).toHaveBeenCalledTimes(1);
  });

  it("Vérifier le registre on a workbook without register, or a protected sheet: the pane opens to say why", async () => {
    const office = installOffice(() => Promise.resolve());
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { checkRegister } = await import("../../src/commands/commands");
    const empty = new FakeExcelHost({ Feuil1: [] });
    const done = commandEvent();
    await checkRegister(done as unknown as Office.AddinCommands.Event, new OfficeWorkbook(empty.run as unknown as ExcelRunner));
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    const locked = new FakeExcelHost({ Conventions: [["Référence", "Date de notification", "Durée"], ["C1", 45000, 36]] });
    locked.sheet("Conventions")!.protected = true;
    await checkRegister(done as unknown as Office.AddinCommands.Event, new OfficeWorkbook(locked.run as unknown as ExcelRunner));
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(2);
    expect(locked.sheet(ALERTS_SHEET)).toBeUndefined();
    expect(logged).toHaveBeenCalled();
    expect(done.completed).toHaveBeenCalledTimes(2);
  });

  it("Vérifier le registre in an Excel without ExcelApi 1.9: nothing read nor written, the pane opens to say why", async () => {
    const office = installOffice(() => Promise.resolve());
    const asked: string[] = [];
    (office as unknown as { context: unknown }).context = {
      requirements: { isSetSupported: (name: string, version?: string) => (asked.push(`${name} ${version}`), name !== "ExcelApi") },
    };
    const { checkRegister } = await import("../../src/commands/commands");
    const host = new FakeExcelHost({ Conventions: [["Référence", "Date de notification", "Durée"], ["C1", 45000, 36]] });
    const done = commandEvent();
    await checkRegister(done as unknown as Office.AddinCommands.Event, new OfficeWorkbook(host.run as unknown as ExcelRunner));
    expect(asked).toContain("ExcelApi 1.9");
    expect(host.requests).toEqual([]);
    expect(host.sheet(ALERTS_SHEET)).toBeUndefined();
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(done.completed).toHaveBeenCalledTimes(1);
  });

  it("opens the task pane, then completes the command", async () => {
    const office = installOffice(() => Promise.resolve());
    const { showRegisterPane } = await import("../../src/commands/commands");
    const done = commandEvent();
    await showRegisterPane(done as unknown as Office.AddinCommands.Event);
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(done.completed).toHaveBeenCalledTimes(1);
  });

  it("completes the command even when the pane cannot be shown", async () => {
    installOffice(() => Promise.reject(new Error("pas de runtime partagé")));
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { showRegisterPane } = await import("../../src/commands/commands");
    const done = commandEvent();
    await showRegisterPane(done as unknown as Office.AddinCommands.Event);
    expect(done.completed).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalled();
  });

  it("does nothing outside Office", async () => {
    await expect(import("../../src/commands/commands")).resolves.toBeDefined();
  });
});
