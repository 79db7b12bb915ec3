import { AppError, say } from '../errors.js';
import { creditCodeProblem } from '../hall/identity.js';

/** The unified social credit code (统一社会信用代码) an enterprise subject must have: 18 characters, check digit. */
export function checkCreditCode(raw: string | null | undefined, kind: string): string | null {
  const code = raw?.trim().toUpperCase() || null;
  if (kind === 'enterprise' && !code)
    throw new AppError(
      'validation_failed',
      say('企业须填写统一社会信用代码', 'an enterprise needs its unified social credit code'),
      {
        field: 'creditCode',
      },
    );
  if (code) {
    const problem = creditCodeProblem(code);
    if (problem) throw new AppError('validation_failed', problem, { field: 'creditCode' });
  }
  return code;
}
