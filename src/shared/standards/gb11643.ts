/**
 * GB 11643-1999 citizen identity number (公民身份号码): 6-digit address code,
 * 8-digit birth date, 3-digit sequence, and a check digit (ISO 7064 MOD 11-2,
 * X standing for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type ResidentIdProblem = 'format' | 'birth-date' | 'check-digit';

export function checkResidentId(id: string): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birth-date';
  return residentIdCheckDigit(id.slice(0, 17)) === id[17] ? null : 'check-digit';
}
