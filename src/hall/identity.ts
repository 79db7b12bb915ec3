/**
 * Identity numbers an applicant gives at the window, checked before anything is stored: the
 * 18-digit resident ID (居民身份证号码, GB 11643-1999) and the 18-character unified social credit
 * code of an enterprise (统一社会信用代码, GB 32100-2015). Both end in a check character, so a
 * mistyped digit is caught at the desk instead of at the back office.
 */
import { type Bilingual, say } from '../errors.js';

export type ApplicantKind = 'person' | 'enterprise';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province-level codes (the first two digits) in use. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
]);

/** The check character of the first 17 digits of a resident ID. */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Why a resident ID is not valid, or null when it is. `today` bounds the birth date. */
export function residentIdProblem(raw: string, today: string): Bilingual | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id))
    return say(
      '身份证号码应为18位，前17位为数字，末位为数字或X',
      'a resident ID has 18 characters: 17 digits and a digit or X',
    );
  if (!PROVINCES.has(Number(id.slice(0, 2))))
    return say('身份证号码的地区码不存在', "the resident ID's region code does not exist");
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || birth < '1900-01-01' || birth > today)
    return say('身份证号码中的出生日期不存在', "the resident ID's date of birth does not exist");
  if (residentIdCheck(id) !== id[17])
    return say(
      '身份证号码校验位不符，请核对是否输错',
      "the resident ID's check digit does not match: check it for a typing error",
    );
  return null;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Why a unified social credit code is not valid, or null when it is. */
export function creditCodeProblem(raw: string): Bilingual | null {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code))
    return say(
      '统一社会信用代码应为18位：登记管理部门码、机构类别码、6位行政区划码、9位组织机构代码和校验码（不含I、O、S、V、Z）',
      'a unified social credit code has 18 characters: registry, kind, 6-digit area, ' +
        '9-character organisation code and check (no I, O, S, V, Z)',
    );
  if (creditCodeCheck(code) !== code[17])
    return say(
      '统一社会信用代码校验位不符，请核对是否输错',
      "the credit code's check character does not match: check it for a typing error",
    );
  return null;
}

export function identityProblem(kind: ApplicantKind, raw: string, today: string): Bilingual | null {
  return kind === 'person' ? residentIdProblem(raw, today) : creditCodeProblem(raw);
}

/** The stored, comparable form: trimmed, upper case (x → X). */
export const normalizeIdentity = (raw: string) => raw.trim().toUpperCase();

/** What is shown instead of the number: the region and the last four characters. */
export function maskIdentity(id: string): string {
  const n = normalizeIdentity(id);
  return `${n.slice(0, 4)}${'*'.repeat(Math.max(0, n.length - 8))}${n.slice(-4)}`;
}

/** A name for the public: the family name and stars (张**), or an enterprise's first characters. */
export function maskName(name: string, kind: ApplicantKind): string {
  const chars = Array.from(name.trim());
  if (kind === 'enterprise') return chars.length <= 4 ? chars.join('') : `${chars.slice(0, 4).join('')}****`;
  return chars.length <= 1 ? chars.join('') : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** A phone number as staff without contact rights see it: 138****5678. */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');
