import { useState } from 'react';
import { getQuestions, putQuestions } from '../../api/supervision.js';
import type { Question } from '../../api/supervision.js';
import { Async, useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { RefSelect } from '../../components/RefSelect.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { QuestionRow, toDraft, fromDraft, type Draft } from './QuestionRow.js';

/** A category's extra questions (asked on the report form and as Open311 attributes), edited as a set. */
export function QuestionsEditor() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [categoryId, setCategoryId] = useState('');
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const state = useAsync(
    async (s) => {
      const items: Question[] = categoryId ? await getQuestions(Number(categoryId), s) : [];
      setDrafts(items.map(toDraft));
      return items;
    },
    [categoryId],
  );

  const save = async () => {
    if (!drafts) return;
    setMsg(null);
    try {
      const saved = await putQuestions(Number(categoryId), drafts.map(fromDraft));
      setDrafts(saved.items.map(toDraft));
      setMsg({ ok: true, text: t('settings.saved') });
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  const update = (i: number, d: Draft | null) =>
    setDrafts((cur) => (cur ?? []).flatMap((x, j) => (j === i ? (d ? [d] : []) : [x])));
  const move = (i: number, by: number) =>
    setDrafts((cur) => {
      const list = [...(cur ?? [])];
      const j = i + by;
      if (j < 0 || j >= list.length) return list;
      [list[i], list[j]] = [list[j], list[i]];
      return list;
    });

  return (
    <section className="panel" data-testid="questions-editor">
      <h2>{t('settings.questions')}</h2>
      <p className="muted">{t('questions.lead')}</p>
      <Field id="q-category" label={t('problem.category')}>
        <RefSelect
          kind="categories"
          id="q-category"
          value={categoryId}
          onChange={(v) => {
            setCategoryId(v);
            setMsg(null);
          }}
          emptyLabel={t('common.choose')}
          testId="q-category"
        />
      </Field>
      {categoryId && (
        <Async state={state}>
          {() => (
            <>
              {!drafts?.length && <p className="muted">{t('questions.none')}</p>}
              <ol className="question-list">
                {(drafts ?? []).map((d, i) => (
                  <QuestionRow
                    key={i}
                    index={i}
                    draft={d}
                    onChange={(x) => update(i, x)}
                    onMove={(by) => move(i, by)}
                  />
                ))}
              </ol>
              <div className="button-row">
                <button
                  type="button"
                  className="btn"
                  data-testid="q-add"
                  onClick={() =>
                    setDrafts((cur) => [
                      ...(cur ?? []),
                      {
                        code: '',
                        label: '',
                        labelEn: '',
                        help: '',
                        helpEn: '',
                        datatype: 'string',
                        required: false,
                        options: '',
                      },
                    ])
                  }
                >
                  {t('questions.add')}
                </button>
                <button type="button" className="btn btn-primary" onClick={() => void save()} data-testid="q-save">
                  {t('common.save')}
                </button>
              </div>
            </>
          )}
        </Async>
      )}
      {msg && (
        <p className={msg.ok ? 'state state-ok' : 'state state-error'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
    </section>
  );
}
