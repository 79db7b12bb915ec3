import { useCallback, useEffect, useRef, useState } from 'react';
import { listComments, type Comment, type CommentPage } from '../api/comments.js';
import { useI18n } from '../i18n/index.js';
import { Empty, ErrorBox, Loading } from './Async.js';
import { CommentForm } from './CommentForm.js';
import { CommentItem } from './CommentItem.js';

type Sort = 'hot' | 'new';

/** Pages of comments by offset; "hot" order shifts as people like, so pages are not keyset. */
function useCommentPages(code: string, sort: Sort) {
  const [items, setItems] = useState<Comment[]>([]);
  const [meta, setMeta] = useState<Omit<CommentPage, 'items'> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const ctl = useRef<AbortController | null>(null);

  const load = useCallback(
    async (offset: number) => {
      ctl.current?.abort();
      const c = new AbortController();
      ctl.current = c;
      setLoading(true);
      setError(null);
      try {
        const page = await listComments(code, { sort, offset, limit: 20 }, c.signal);
        if (c.signal.aborted) return;
        setItems((prev) => (offset ? [...prev, ...page.items] : page.items));
        setMeta({ total: page.total, counts: page.counts, nextOffset: page.nextOffset });
      } catch (e) {
        if (!c.signal.aborted) setError(e);
      } finally {
        if (!c.signal.aborted) setLoading(false);
      }
    },
    [code, sort],
  );

  useEffect(() => {
    void load(0);
    return () => ctl.current?.abort();
  }, [load]);

  const replace = (c: Comment) => setItems((prev) => prev.map((x) => (x.id === c.id ? { ...x, ...c } : x)));
  return {
    items,
    meta,
    loading,
    error,
    reload: () => void load(0),
    more: () => meta?.nextOffset != null && void load(meta.nextOffset),
    replace,
  };
}

/** Comments and thanks (评论与锦旗) on an item: hottest or newest, likes, and moderation for staff. */
export function Comments({
  code,
  canThank,
  moderate = false,
  canReply = false,
}: {
  code: string;
  canThank: boolean;
  moderate?: boolean;
  canReply?: boolean;
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState<Sort>('hot');
  const pages = useCommentPages(code, sort);
  const { items, meta } = pages;

  return (
    <section className="panel comments" data-testid="comments" aria-labelledby="comments-h">
      <div className="section-head">
        <h2 id="comments-h">{t('comments.title')}</h2>
        {meta && (
          <span className="muted" data-testid="comment-counts">
            {t('comments.counts', { comments: meta.counts.comment, thanks: meta.counts.thanks })}
          </span>
        )}
      </div>
      <div className="tabs" role="group" aria-label={t('comments.sort')}>
        {(['hot', 'new'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`tab${sort === s ? ' active' : ''}`}
            aria-pressed={sort === s}
            onClick={() => setSort(s)}
            data-testid={`comments-sort-${s}`}
          >
            {t(s === 'hot' ? 'comments.hot' : 'comments.new')}
          </button>
        ))}
      </div>
      {!items.length && pages.loading ? (
        <Loading />
      ) : !items.length && pages.error ? (
        <ErrorBox error={pages.error} onRetry={pages.reload} />
      ) : !items.length ? (
        <Empty testId="comments-empty">{t('comments.empty')}</Empty>
      ) : (
        <ul className="comment-list" aria-busy={pages.loading} data-testid="comment-list">
          {items.map((c) => (
            <CommentItem key={c.id} comment={c} moderate={moderate} canReply={canReply} onChange={pages.replace} />
          ))}
        </ul>
      )}
      {items.length > 0 && pages.error != null && <ErrorBox error={pages.error} onRetry={pages.more} />}
      {meta?.nextOffset != null && (
        <button
          type="button"
          className="btn btn-block"
          onClick={pages.more}
          disabled={pages.loading}
          data-testid="comments-more"
        >
          {pages.loading ? t('state.loading') : t('list.loadMore')}
        </button>
      )}
      <CommentForm
        code={code}
        canThank={canThank}
        onPosted={() => {
          setSort('new');
          pages.reload();
        }}
      />
    </section>
  );
}
