import { ConventionSummary } from "./checkRegister";
import { Finding, severityRank } from "./findings";

export interface ConventionSection {
  readonly summary: ConventionSummary;
  /** The convention's findings, the late ones first, then the soon ones, then the data ones. */
  readonly findings: readonly Finding[];
}

export interface GroupedFindings {
  /** One section per convention, in register order (with or without findings). */
  readonly sections: readonly ConventionSection[];
  /** Findings of rows that name no convention of the register (or none at all), in the order given. */
  readonly orphans: readonly Finding[];
}

/**
 * The findings of a check (the reader's and the check's) grouped by convention, the late ones
 * first within each; the order given is kept otherwise. A finding without a place of its own takes
 * its convention's row.
 * @example groupFindings([team2], [dataFinding, lateFinding]).sections[0].findings // [lateFinding, dataFinding]
 */
export function groupFindings(conventions: readonly ConventionSummary[], findings: readonly Finding[]): GroupedFindings {
  const byId = new Map<string, Finding[]>(conventions.map((c) => [c.id, []]));
  const orphans: Finding[] = [];
  for (const finding of findings) {
    const list = finding.conventionId === null ? undefined : byId.get(finding.conventionId);
    if (list === undefined) orphans.push(finding);
    else list.push(finding);
  }
  const sections = conventions.map((summary) => {
    const own = byId.get(summary.id) ?? [];
    let inOrder = true;
    for (let i = 0; i < own.length; i += 1) {
      const f = own[i];
      if (f.location === undefined && summary.source !== null) own[i] = { ...f, location: { sheet: summary.source.sheet, row: summary.source.row } };
      if (i > 0 && severityRank(own[i - 1].code) > severityRank(f.code)) inOrder = false;
    }
    // The late first, then the soon, then the data to correct; the sort is stable, and only done
    // when the findings are not in that order already.
    return { summary, findings: inOrder ? own : own.sort((a, b) => severityRank(a.code) - severityRank(b.code)) };
  });
  return { sections, orphans };
}
