/**
 * The file-reading step of `registre importer` (src/cli/readTextFile.ts): encodings recognised from
 * the bytes, a stray invalid byte replaced (not the whole file read as Windows-1252), binary files,
 * devices, named pipes and oversized texts refused at once; and what reaches the terminal.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { MAX_TEXT_BYTES, decodeText, readTextFile } from "../../src/cli/readTextFile";
import { jsonText, terminalLine } from "../../src/cli/terminalText";
import { cliErrorMessage } from "../../src/i18n/cli.fr";
import { run, tempDir } from "./cliHelpers";

const TEXT = "Considérant la convention « TEAM² » conclue pour une durée de 3 ans.\n";

describe("decodeText", () => {
  test("UTF-8, with or without its mark", () => {
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: "utf-8", replaced: 0 });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))?.text).toBe(TEXT);
  });

  test("UTF-16 with its mark (Notepad's « Unicode »), big-endian too, and without a mark", () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]))).toEqual({ text: TEXT, encoding: "utf-16le", replaced: 0 });
    const be = Buffer.from(TEXT, "utf16le").swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))?.text).toBe(TEXT);
    expect(decodeText(Buffer.from("Le conseil communautaire, vu la délibération", "utf16le"))?.encoding).toBe("utf-16le");
  });

  test("one invalid byte in a UTF-8 text: that byte replaced and counted, the rest read as UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from("Considérant "), Buffer.from([0xff]), Buffer.from(" la durée")]);
    expect(decodeText(bytes)).toEqual({ text: "Considérant \ufffd la durée", encoding: "utf-8", replaced: 1 });
  });

  test("a text saved in « ANSI » (Windows-1252): é is one byte", () => {
    expect(decodeText(Buffer.from([0x43, 0x6f, 0x6e, 0x73, 0x69, 0x64, 0xe9, 0x72, 0x61, 0x6e, 0x74, 0x20, 0x80]))).toEqual({
      text: "Considérant €",
      encoding: "windows-1252",
      replaced: 0,
    });
  });

  test("a PDF and a binary file are not text", () => {
    expect(decodeText(Buffer.from("%PDF-1.7\n…"))).toBeNull();
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08]))).toBeNull();
  });
});

describe("readTextFile", () => {
  let temp = { dir: "", remove: (): void => undefined };
  beforeAll(() => {
    temp = tempDir();
  });
  afterAll(() => temp.remove());

  test("a folder, /dev/zero and a named pipe are refused at once, as not regular files", async () => {
    expect(await readTextFile(temp.dir)).toMatchObject({ ok: false, error: { code: "not_a_regular_file" } });
    expect(await readTextFile("/dev/zero")).toMatchObject({ ok: false, error: { code: "not_a_regular_file", path: "/dev/zero" } });
    const fifo = join(temp.dir, "tube");
    execFileSync("mkfifo", [fifo]);
    // With no writer, opening the pipe for reading would wait for ever: the refusal comes first.
    expect(await readTextFile(fifo)).toMatchObject({ ok: false, error: { code: "not_a_regular_file" } });
    const message = cliErrorMessage({ code: "not_a_regular_file", path: fifo });
    expect(message).toContain("n'est pas un fichier ordinaire");
  });

  test("a text over the limit is refused before it is read, with its size in French", async () => {
    const large = join(temp.dir, "grand.txt");
    const file = await fs.open(large, "w");
    await file.truncate(MAX_TEXT_BYTES + 1);
    await file.close();
    const read = await readTextFile(large);
    expect(read).toMatchObject({ ok: false, error: { code: "text_file_too_large", bytes: MAX_TEXT_BYTES + 1, max: MAX_TEXT_BYTES } });
    if (read.ok) throw new Error("lu");
    expect(cliErrorMessage(read.error)).toMatch(/trop volumineux pour une délibération \(2 Mo ; au plus 2 Mo\)/);
  });

  test("importer warns of a stray byte on the error output and reads the text", async () => {
    const text = await fs.readFile(join(__dirname, "..", "fixtures", "deliberations", "deliberation-team2-2024.md"));
    const at = text.indexOf("durée");
    const file = join(temp.dir, "octet.txt");
    await fs.writeFile(file, Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at)]));
    const imported = await run("importer", file, "--json");
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("un octet de « ");
    expect(imported.stdout).not.toContain("Ã©");
  });
});

test("bidirectional and separator marks never reach the terminal; JSON escapes them", () => {
  expect(terminalLine("Asso \u202eTEAM2\u202c fin \u2066x\u2069\u2028y")).toBe("Asso \ufffdTEAM2\ufffd fin \ufffdx\ufffd\ufffdy");
  expect(jsonText({ title: "a\u202eb\u2028" })).toBe('{"title":"a\\u202eb\\u2028"}');
  expect(JSON.parse(jsonText({ title: "a\u202eb" }))).toEqual({ title: "a\u202eb" });
});
