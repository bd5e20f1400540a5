import { CheckOptions, ConventionChecks, checkRegister } from "./checkRegister";
import { Finding } from "./findings";
import { FindingSections, conventionSection, groupFindings } from "./groupFindings";
import { placeFindings } from "./placeFindings";
import { RegisterMapping } from "../register/registerMapping";
import { Register } from "../register/registerSchema";

/**
 * The sections checkWorkbook holds — groupFindings(check.conventions, placeFindings([...readerFindings,
 * ...check.findings], mapping)) — made convention by convention each time they are walked, none
 * kept: the register is checked again at each walk (the check is pure: the same sections each
 * time). For a report written as it is made (`registre verifier`): a register of 200 000
 * conventions has over a million findings, which are never all held at once.
 * A register that names a convention twice (readRegister never gives one) is grouped whole, as
 * groupFindings groups it.
 * @example [...checkedSections(register, { asOf }, readerFindings, mapping).sections].length // register.conventions.length
 */
export function checkedSections(register: Register, options: CheckOptions, readerFindings: readonly Finding[], mapping: RegisterMapping): FindingSections {
  const ids = new Set(register.conventions.map((c) => c.id));
  if (ids.size !== register.conventions.length) {
    const check = checkRegister(register, options);
    return groupFindings(check.conventions, placeFindings(readerFindings.concat(check.findings), mapping));
  }
  // The reader's findings (a few, in workbook order), placed, by the convention they name; those
  // that name none of the register come first among the orphans, as in groupFindings.
  const readerOwn = new Map<string, Finding[]>();
  const readerOrphans: Finding[] = [];
  for (const finding of placeFindings(readerFindings, mapping)) {
    const id = finding.conventionId;
    if (id === null || !ids.has(id)) readerOrphans.push(finding);
    else {
      const own = readerOwn.get(id);
      if (own === undefined) readerOwn.set(id, [finding]);
      else own.push(finding);
    }
  }
  const checks = new ConventionChecks(register, options);
  return {
    sections: {
      *[Symbol.iterator]() {
        for (let i = 0; i < checks.count; i += 1) {
          const found: Finding[] = [];
          const summary = checks.check(i, found);
          const placed = placeFindings(found, mapping);
          const before = readerOwn.get(summary.id);
          yield conventionSection(summary, before === undefined ? placed : before.concat(placed));
        }
      },
    },
    orphans: {
      *[Symbol.iterator]() {
        yield* readerOrphans;
        const found: Finding[] = [];
        checks.orphans(found);
        yield* placeFindings(found, mapping);
      },
    },
  };
}
