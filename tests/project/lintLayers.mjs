// Lints given texts as files of the project, and src/ itself, with the project's ESLint config,
// and prints the layer rule's messages as JSON. Run by tests/project/layers.test.ts in its own
// process (ESLint loads its flat config with a dynamic import, which Jest's sandbox refuses).
import { ESLint } from "eslint";
import { join } from "node:path";
import { readFileSync } from "node:fs";

const root = process.argv[2];
const cases = JSON.parse(readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: root });
const layerMessages = (result) => result.messages.filter((m) => m.ruleId === "layers/allowed-imports").map((m) => m.message);
const probes = [];
for (const { file, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  probes.push(layerMessages(result));
}
const src = (await eslint.lintFiles([join(root, "src")])).flatMap((r) => layerMessages(r).map((m) => `${r.filePath}: ${m}`));
process.stdout.write(JSON.stringify({ probes, src }));
