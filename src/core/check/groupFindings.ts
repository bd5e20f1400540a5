import { ConventionSummary } from "./checkRegister";
import { Finding, severityRank } from "./findings";

export interface ConventionSection {
  readonly summary: ConventionSummary;
  /** The convention's findings, the late ones first, then the soon ones, then the data ones. */
  readonly findings: readonly Finding[];
}

/** The findings by convention, as the reports read them: held (GroupedFindings) or made as they are walked (checkedSections). */
export interface FindingSections {
  /** One section per convention, in register order (with or without findings); may be walked more than once. */
  readonly sections: Iterable<ConventionSection>;
  /** Findings of rows that name no convention of the register (or none at all), in the order given. */
  readonly orphans: Iterable<Finding>;
}

export interface GroupedFindings extends FindingSections {
  readonly sections: readonly ConventionSection[];
  readonly orphans: readonly Finding[];
}

/**
 * The findings of a check (the reader's and the check's) grouped by convention, the late ones
 * first within each; the order given is kept otherwise. A finding without a place of its own takes
 * its convention's row.
 * @example groupFindings([team2], [dataFinding, lateFinding]).sections[0].findings // [lateFinding, dataFinding]
 */
export function groupFindings(conventions: readonly ConventionSummary[], findings: readonly Finding[]): GroupedFindings {
  // A group per reference (conventions sharing one share its findings), each finding's group
  // (-1: an orphan), then each group's findings in an array of their number: a register's
  // hundreds of thousands of lists are kept with the sections.
  const groups = new Map<string, number>();
  const sectionGroup = new Int32Array(conventions.length);
  conventions.forEach((c, i) => {
    let group = groups.get(c.id);
    if (group === undefined) {
      group = groups.size;
      groups.set(c.id, group);
    }
    sectionGroup[i] = group;
  });
  const groupOf = new Int32Array(findings.length);
  const counts = new Int32Array(groups.size);
  const orphans: Finding[] = [];
  // A convention's findings mostly follow one another (the check's do): its group is looked up once.
  let lastId: string | null = null;
  let lastGroup = -1;
  findings.forEach((finding, i) => {
    const id = finding.conventionId;
    if (id !== lastId) {
      lastId = id;
      lastGroup = id === null ? -1 : (groups.get(id) ?? -1);
    }
    const group = lastGroup;
    groupOf[i] = group;
    if (group < 0) orphans.push(finding);
    else counts[group] += 1;
  });
  const lists: Finding[][] = Array.from(counts, (count) => new Array<Finding>(count));
  counts.fill(0);
  findings.forEach((finding, i) => {
    const group = groupOf[i];
    if (group >= 0) lists[group][counts[group]++] = finding;
  });
  const sections = conventions.map((summary, s) => conventionSection(summary, lists[sectionGroup[s]]));
  return { sections, orphans };
}

/**
 * A convention's section from its findings (`own`, changed in place): a finding without a place
 * of its own takes the convention's row, the late ones come first, then the soon ones, then the
 * data ones, the order given kept otherwise.
 * @example conventionSection(team2, [dataFinding, lateFinding]).findings // [lateFinding, dataFinding]
 */
export function conventionSection(summary: ConventionSummary, own: Finding[]): ConventionSection {
  let inOrder = true;
  for (let i = 0; i < own.length; i += 1) {
    const f = own[i];
    if (f.location === undefined && summary.source !== null) own[i] = { ...f, location: { sheet: summary.source.sheet, row: summary.source.row } };
    if (i > 0 && severityRank(own[i - 1].code) > severityRank(f.code)) inOrder = false;
  }
  // The sort is stable, and only done when the findings are not in that order already.
  if (!inOrder) sortBySeverity(own);
  return { summary, findings: own };
}

/**
 * A convention's findings by severity, in place, the order kept within each (stable): an insertion
 * sort, which for a convention's handful of findings costs less than Array's sort and makes no array.
 */
function sortBySeverity(findings: Finding[]): void {
  for (let i = 1; i < findings.length; i += 1) {
    const finding = findings[i];
    const rank = severityRank(finding.code);
    let j = i - 1;
    while (j >= 0 && severityRank(findings[j].code) > rank) {
      findings[j + 1] = findings[j];
      j -= 1;
    }
    findings[j + 1] = finding;
  }
}
