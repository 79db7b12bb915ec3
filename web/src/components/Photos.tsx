import type { Attachment } from '../api/problems.js';
import { attachmentSrc } from '../api/problems.js';
import { useI18n } from '../i18n/index.js';
import { formatBytes } from '../lib/format.js';

export function Photos({ attachments, token }: { attachments: Attachment[]; token?: string }) {
  const { t } = useI18n();
  if (!attachments.length) return null;
  return (
    <ul className="photos" data-testid="photos" aria-label={t('problem.photos')}>
      {attachments.map((a) => {
        const src = attachmentSrc(a, token);
        return (
          <li key={a.id}>
            <a href={src} target="_blank" rel="noopener noreferrer">
              {a.mime.startsWith('image/') ? (
                <img src={src} alt={a.filename} loading="lazy" />
              ) : (
                <span className="file-chip">
                  {a.filename} ({formatBytes(a.size)})
                </span>
              )}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
