import type { Problem } from '../api/problems.js';
import { CopyButton } from '../components/CopyButton.js';
import { useI18n } from '../i18n/index.js';
import { Link, withQuery } from '../router.js';

export interface UploadOutcome {
  name: string;
  ok: boolean;
  message?: string;
}

/** Shown once after a report: the code, the short code, the token and the tracking link. */
export function ReportSuccess({
  problem,
  token,
  shortCode,
  uploads,
  onAnother,
}: {
  problem: Problem;
  token: string;
  shortCode: string;
  uploads: UploadOutcome[];
  onAnother: () => void;
}) {
  const { t, join } = useI18n();
  const path = withQuery('/track', { code: problem.code, token });
  const full = `${window.location.origin}${path}`;
  const failed = uploads.filter((u) => !u.ok);
  return (
    <section
      className="panel success"
      data-testid="report-success"
      aria-labelledby="success-h"
      tabIndex={-1}
      ref={(el) => el?.focus()}
    >
      <h1 id="success-h">{t('report.successTitle')}</h1>
      <dl className="dl">
        <div className="dl-row">
          <dt>{t('report.code')}</dt>
          <dd className="code big" data-testid="tracking-code">
            {problem.code}
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('report.shortCode')}</dt>
          <dd className="code big" data-testid="short-code">
            {shortCode}
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('report.token')}</dt>
          <dd className="code" data-testid="tracking-token">
            {token}
          </dd>
        </div>
      </dl>
      <p className="muted" data-testid="short-code-note">
        {t('report.shortCodeNote')}
      </p>
      <p className="warning" role="note">
        {t('report.tokenOnce')}
      </p>
      <div className="copy-row">
        <Link to={path} data-testid="tracking-link" className="tracking-link">
          {full}
        </Link>
        <CopyButton text={full} testId="copy-tracking-link" />
      </div>
      {uploads.length > 0 && (
        <p data-testid="upload-summary" className={failed.length ? 'field-error' : 'muted'}>
          {failed.length
            ? t('report.uploadsFailed', {
                n: failed.length,
                names: join(
                  failed.map((f) => (f.message ? t('common.withDetail', { text: f.name, detail: f.message }) : f.name)),
                ),
              })
            : t('report.uploadsOk', { n: uploads.length })}
        </p>
      )}
      <div className="hero-actions">
        <Link to={path} className="btn btn-primary">
          {t('report.goTrack')}
        </Link>
        <button type="button" className="btn" onClick={onAnother} data-testid="report-another">
          {t('report.another')}
        </button>
      </div>
    </section>
  );
}
