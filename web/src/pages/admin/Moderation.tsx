import { useState } from 'react';
import { moderationQueue, type Comment } from '../../api/comments.js';
import { Async } from '../../components/Async.js';
import { CommentItem } from '../../components/CommentItem.js';
import { Field } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';

/** Comment moderation (评论管理): the newest comments across items; hide with a reason, or restore. */
export function Moderation() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<'' | 'visible' | 'hidden'>('');
  const [offset, setOffset] = useState(0);
  const state = useAsync(
    (s) => moderationQueue({ hidden: filter ? filter === 'hidden' : undefined, offset }, s),
    [filter, offset],
  );
  const replace = (c: Comment) =>
    state.data &&
    state.setData({ ...state.data, items: state.data.items.map((x) => (x.id === c.id ? { ...x, ...c } : x)) });

  return (
    <div>
      <h1>{t('nav.comments')}</h1>
      <div className="panel form-inline">
        <Field id="mod-filter" label={t('problem.status')}>
          <select
            id="mod-filter"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as typeof filter);
              setOffset(0);
            }}
            data-testid="mod-filter"
          >
            <option value="">{t('common.all')}</option>
            <option value="visible">{t('comments.visible')}</option>
            <option value="hidden">{t('comments.hiddenBadge')}</option>
          </select>
        </Field>
      </div>
      <Async state={state} isEmpty={(d) => d.items.length === 0} empty={t('comments.empty')}>
        {(d) => (
          <>
            <ul className="comment-list panel" data-testid="moderation-list">
              {d.items.map((c) => (
                <CommentItem
                  key={c.id}
                  comment={c}
                  moderate
                  onChange={replace}
                  context={
                    c.problem && (
                      <p className="muted small">
                        <Link to={`/admin/problems/${encodeURIComponent(c.problem.code)}`}>{c.problem.code}</Link>{' '}
                        {c.problem.title}
                      </p>
                    )
                  }
                />
              ))}
            </ul>
            <div className="button-row">
              {offset > 0 && (
                <button type="button" className="btn" onClick={() => setOffset(Math.max(0, offset - 20))}>
                  {t('common.previous')}
                </button>
              )}
              {d.nextOffset != null && (
                <button type="button" className="btn" onClick={() => setOffset(d.nextOffset!)}>
                  {t('common.next')}
                </button>
              )}
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
