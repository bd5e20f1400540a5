import { normalizeText } from "../text/normalizeText";
import { CommitteeType, Deadline, DeadlineKind } from "../register/registerSchema";

/**
 * What an échéance is when its Type is blank: a recurring obligation when it has a frequency and
 * no delay, else a milestone (jalon) by a deadline.
 * @example deadlineKindOf({ kind: null, frequencyMonths: 3, delayMonths: null, … }) // "recurring"
 */
export function deadlineKindOf(deadline: Deadline): DeadlineKind {
  if (deadline.kind !== null) return deadline.kind;
  return deadline.frequencyMonths !== null && deadline.delayMonths === null ? "recurring" : "milestone";
}

/**
 * Which meetings fulfil a recurring obligation, from its label: a club territorial, a comité de
 * suivi (counted with the semesters of the comité), or any other meeting.
 * @example obligationMeetingType("Club territorial (une fois par trimestre)") // "club"
 * @example obligationMeetingType("Comité de suivi") // "steering"
 */
export function obligationMeetingType(label: string): CommitteeType {
  const text = normalizeText(label);
  if (text.includes("club")) return "club";
  if (text.includes("comite")) return "steering";
  return "other";
}
