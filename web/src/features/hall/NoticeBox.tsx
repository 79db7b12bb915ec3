import type { Notice } from './api.js';

/** A notice as printed: the same lines the PDF carries. */
export function NoticeBox({ notice }: { notice: Notice }) {
  return (
    <div className="hall-notice" data-testid="notice" data-kind={notice.kind}>
      <h3>{notice.title}</h3>
      {notice.lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </div>
  );
}
