import type { Attachment } from '../api/problems.js';
import { attachmentSrc } from '../api/problems.js';
import { useI18n } from '../i18n/index.js';
import { formatBytes } from '../lib/format.js';

function PhotoGrid({
  attachments,
  token,
  label,
  testId,
}: {
  attachments: Attachment[];
  token?: string;
  label: string;
  testId: string;
}) {
  return (
    <ul className="photos" data-testid={testId} aria-label={label}>
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

/** Photos added before the item was dispatched (the report's) and after (the unit's work). */
export function splitPhotos(attachments: Attachment[], assignedAt: string | null | undefined) {
  const after = (a: Attachment) => !!assignedAt && !!a.createdAt && a.createdAt >= assignedAt;
  return { before: attachments.filter((a) => !after(a)), after: attachments.filter(after) };
}

/**
 * An item's photos; once a unit has added its own they are shown in two labelled groups, the
 * report's ("before") and the rectification's ("after"), instead of one unlabelled grid.
 */
export function Photos({
  attachments,
  token,
  assignedAt,
  only,
}: {
  attachments: Attachment[];
  token?: string;
  assignedAt?: string | null;
  only?: 'before' | 'after';
}) {
  const { t } = useI18n();
  if (!attachments.length) return null;
  const { before, after } = splitPhotos(attachments, assignedAt);
  if (!only && !after.length)
    return <PhotoGrid attachments={before} token={token} label={t('problem.photos')} testId="photos" />;
  const group = (which: 'before' | 'after', list: Attachment[]) =>
    list.length > 0 && (
      <figure className="photo-group" key={which}>
        <figcaption>{t(which === 'before' ? 'photos.before' : 'photos.after')}</figcaption>
        <PhotoGrid
          attachments={list}
          token={token}
          label={t(which === 'before' ? 'photos.before' : 'photos.after')}
          testId={`photos-${which}`}
        />
      </figure>
    );
  return (
    <div data-testid="photos">
      {(!only || only === 'before') && group('before', before)}
      {(!only || only === 'after') && group('after', after)}
    </div>
  );
}
