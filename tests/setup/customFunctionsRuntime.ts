/**
 * Excel's custom-functions runtime provides the global `CustomFunctions`; Node does not. This is the
 * part of it the functions use: the error class and its codes, with the same shape as the runtime's
 * (`code` holds the Excel error text, `message` the sentence shown in the cell's tooltip).
 */
class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: CustomFunctionsError, ErrorCode };
