/**
 * The files the command line writes: never the register it reads (by its path, or the same file
 * through a link), never through a symbolic link, never anything but a regular file, an existing
 * file only when the command may replace it; and always whole: written beside the target, flushed
 * to the disk, then put in place in one step, so that a full disk or a crash leaves either the
 * previous file or the new one, never half of one.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./cliError";

/** Whether two paths name the same file: the same path, or the same device and inode through a link. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Why `output` may not be written for a command reading `input`; null when it may. The output is
 * looked at itself (lstat): a symbolic link is refused, whatever it points to, and so is a named
 * pipe, a device or a folder — at once, without opening it.
 * @example await refuseOutput({ input: "registre.xlsx", output: "registre.xlsx", replace: true }) // { code: "output_is_input", … }
 */
export async function refuseOutput(request: { readonly input: string; readonly output: string; readonly replace: boolean }): Promise<CliError | null> {
  if (await sameFile(request.output, request.input)) return { code: "output_is_input", path: request.output };
  let output: { isFile(): boolean; isSymbolicLink(): boolean };
  try {
    output = await fs.lstat(request.output);
  } catch {
    return null; // nothing there: it will be written
  }
  if (output.isSymbolicLink()) return { code: "output_is_link", path: request.output };
  if (!output.isFile()) return { code: "output_not_a_file", path: request.output };
  return request.replace ? null : { code: "output_exists", path: request.output };
}

/** How the bytes reach the temporary file: the file system's own write, or a test's (a full disk). */
export type WriteBytes = (handle: FileHandle, data: Uint8Array) => Promise<void>;

const writeAll: WriteBytes = async (handle, data) => {
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
};

/** What writeOutputFile did not do; `error` is the system's (ENOSPC, EACCES…). */
export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly exists: true } | { readonly ok: false; readonly exists: false; readonly error: unknown };

/**
 * Writes a whole file: into a new temporary file beside it (created exclusively, so never through
 * a link), flushed to the disk (fsync), then moved to its name in one step — a rename that replaces
 * a file there when `replace`, else a hard link that fails when a file appeared in the meantime. On
 * any failure the temporary file is removed and whatever was at the path is left as it was.
 * @example await writeOutputFile("rapport.xlsx", bytes, { replace: false }) // { ok: true }
 */
export async function writeOutputFile(path: string, data: Uint8Array | string, options: { readonly replace: boolean; readonly write?: WriteBytes }): Promise<WriteOutcome> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const folder = dirname(path);
  let temp: string | null = null;
  try {
    await fs.mkdir(folder, { recursive: true });
    temp = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
    const handle = await fs.open(temp, "wx", 0o666);
    try {
      await (options.write ?? writeAll)(handle, bytes);
      await handle.sync();
      if (options.replace) await keepMode(handle, path);
    } finally {
      await handle.close();
    }
    if (options.replace) await fs.rename(temp, path);
    else await putInPlaceIfFree(temp, path);
    temp = null;
    await syncFolder(folder);
    return { ok: true };
  } catch (error) {
    if (temp !== null) await fs.rm(temp, { force: true });
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && !options.replace) return { ok: false, exists: true };
    return { ok: false, exists: false, error };
  }
}

/**
 * Moves the temporary file to a path that must be free: a hard link fails if a file appeared there
 * since the command looked; where the file system has no hard links (FAT, some network shares),
 * a rename after one more look.
 */
async function putInPlaceIfFree(temp: string, path: string): Promise<void> {
  try {
    await fs.link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS" && code !== "EXDEV") throw error;
    const taken = await fs.lstat(path).then(
      () => true,
      () => false,
    );
    if (taken) throw Object.assign(new Error(path), { code: "EEXIST" });
    await fs.rename(temp, path);
    return;
  }
  await fs.unlink(temp);
}

/**
 * Writes a command's output (see writeOutputFile); the error to report when it could not be.
 * @example await writeOutput("echeances.ics", text, false) // null, or { code: "write_failed", errno: "ENOSPC", … }
 */
export async function writeOutput(path: string, data: Uint8Array | string, replace: boolean, write?: WriteBytes): Promise<CliError | null> {
  const outcome = await writeOutputFile(path, data, { replace, ...(write === undefined ? {} : { write }) });
  if (outcome.ok) return null;
  if (outcome.exists) return { code: "output_exists", path };
  return writeFailed(path, outcome.error);
}

/** A write_failed error from what the system threw. */
export function writeFailed(path: string, error: unknown): CliError {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  return { code: "write_failed", path, errno: typeof errno === "string" ? errno : null, detail: error instanceof Error ? error.message : String(error) };
}

/** The replaced file's permissions, given to its replacement. */
async function keepMode(handle: FileHandle, path: string): Promise<void> {
  try {
    const previous = await fs.lstat(path);
    if (previous.isFile()) await handle.chmod(previous.mode & 0o7777);
  } catch {
    // nothing there: the new file keeps the default permissions
  }
}

/** Flushes the folder's entry (the rename) to the disk, where the system allows it. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await fs.open(folder, "r");
    await handle.sync();
  } catch {
    // some systems cannot open a folder or fsync it: the rename is still atomic
  } finally {
    await handle?.close();
  }
}
