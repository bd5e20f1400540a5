/**
 * The registers of a folder: every .xlsx file in it (and in its sub-folders when asked), in the
 * order of their paths, without Excel's lock files ("~$registre.xlsx", left while a workbook is
 * open) nor hidden files and folders. Nothing is opened here.
 */
import { promises as fs } from "node:fs";
import { join, relative, sep } from "node:path";
import { CliError } from "./cliError";

export interface RegisterFile {
  /** The path to open. */
  readonly path: string;
  /** The path within the folder, "/" between folders: how the register is named in every output. */
  readonly name: string;
}

export type FolderListing =
  /** `nested`: the .xlsx files of sub-folders left out (without --recursif). */
  | { readonly ok: true; readonly files: readonly RegisterFile[]; readonly nested: number }
  | { readonly ok: false; readonly error: CliError };

/**
 * Whether a path names a folder (false for a file, for nothing there, for what cannot be read).
 * @example await isFolder("services/") // true
 */
export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The .xlsx files of a folder, in path order; `exclude` leaves out files given by path (the
 * consolidation being written into the folder). A folder without any is an error that says how
 * many wait in sub-folders when `recursive` was not asked.
 * @example await listRegisters("services", { recursive: true }) // { ok: true, files: [{ path: "services/culture.xlsx", name: "culture.xlsx" }, …] }
 */
export async function listRegisters(folder: string, options: { readonly recursive: boolean; readonly exclude?: (path: string) => boolean }): Promise<FolderListing> {
  const found: RegisterFile[] = [];
  let nested = 0;
  const visit = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
      const path = join(dir, entry.name);
      // A link is followed to a file, never to a folder (a link to a parent folder would never end).
      const kind = entry.isSymbolicLink() ? await fs.stat(path).then((s) => (s.isFile() ? "file" : "other"), () => "other") : entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other";
      if (kind === "folder") {
        if (options.recursive) await visit(path);
        else nested += await countRegisters(path);
      } else if (kind === "file" && entry.name.toLowerCase().endsWith(".xlsx")) {
        if (options.exclude?.(path) !== true) found.push({ path, name: relative(folder, path).split(sep).join("/") });
      }
    }
  };
  try {
    const stat = await fs.stat(folder);
    if (!stat.isDirectory()) return { ok: false, error: { code: "not_a_folder", path: folder } };
    await visit(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, error: { code: "folder_not_found", path: folder } };
    return { ok: false, error: { code: "folder_unreadable", path: folder, detail: error instanceof Error ? error.message : String(error) } };
  }
  if (found.length === 0) return { ok: false, error: { code: "no_registers", path: folder, nested } };
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ok: true, files: found, nested };
}

/** .xlsx files anywhere under a folder (what --recursif would add); a folder that cannot be read counts none. */
async function countRegisters(dir: string): Promise<number> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let count = 0;
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    if (entry.isDirectory()) count += await countRegisters(join(dir, entry.name));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith(".xlsx")) count += 1;
  }
  return count;
}
