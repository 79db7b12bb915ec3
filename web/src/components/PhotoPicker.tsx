import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { formatBytes } from '../lib/format.js';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 9;

/** Pick photos with preview; files failing the type/size check are refused with a message. */
export function PhotoPicker({
  id,
  files,
  onChange,
  types = PHOTO_TYPES,
  max = MAX_PHOTOS,
}: {
  id: string;
  files: File[];
  onChange: (files: File[]) => void;
  types?: string[];
  max?: number;
}) {
  const { t } = useI18n();
  const [problems, setProblems] = useState<string[]>([]);
  const previews = useMemo(
    () => files.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : '')),
    [files],
  );
  useEffect(
    () => () => {
      for (const u of previews) if (u) URL.revokeObjectURL(u);
    },
    [previews],
  );

  const add = (list: FileList | null) => {
    if (!list) return;
    const ok: File[] = [];
    const bad: string[] = [];
    for (const f of Array.from(list)) {
      if (!types.includes(f.type)) bad.push(t('photos.badType', { name: f.name }));
      else if (f.size > MAX_PHOTO_BYTES) bad.push(t('photos.tooBig', { name: f.name, size: formatBytes(f.size) }));
      else ok.push(f);
    }
    const next = [...files, ...ok];
    if (next.length > max) bad.push(t('photos.tooMany', { max }));
    setProblems(bad);
    onChange(next.slice(0, max));
  };

  return (
    <div className="photo-picker">
      {/* The native input says "no file chosen" even after photos were added (they are kept here,
          not in the input): it stays for keyboards and screen readers, hidden behind a labelled button. */}
      <label htmlFor={id} className="btn photo-choose">
        {t('photos.choose')}
      </label>
      <span className="muted photo-chosen" aria-live="polite" data-testid="photo-chosen">
        {files.length ? t('photos.chosen', { n: files.length }) : t('photos.none')}
      </span>
      <input
        id={id}
        className="file-input-hidden"
        type="file"
        accept={types.join(',')}
        multiple
        data-testid="photo-input"
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      <div className="hint" id={`${id}-hint`}>
        {t('photos.hint', { max })}
      </div>
      {problems.length > 0 && (
        <ul className="field-error" role="alert" data-testid="photo-errors">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="previews" data-testid="photo-previews">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="preview">
              {previews[i] ? <img src={previews[i]} alt={f.name} /> : <span className="file-chip">{f.name}</span>}
              <span className="preview-size muted">{formatBytes(f.size)}</span>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                data-testid="photo-remove"
                aria-label={t('photos.remove', { name: f.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
