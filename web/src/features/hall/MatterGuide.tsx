import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { hallApi } from './api.js';
import { useHallT } from './messages.js';
import { Days, useVocab, yuan } from './shared.js';
import './hall.css';

/** One matter's service guide: everything an applicant needs to come once. */
export default function MatterGuide({ params }: { params: Record<string, string> }) {
  const t = useHallT();
  const { name } = useVocab();
  const state = useAsync((s) => hallApi.matter(params.code, s), [params.code]);
  return (
    <div className="page">
      <Async state={state}>
        {(m) => (
          <article data-testid="matter-guide">
            <h1>{m.name}</h1>
            <p className="muted">
              {m.code} · {t('guide.version', { n: m.version, from: m.effectiveFrom ?? '—' })}
            </p>
            <dl className="dl panel">
              {(
                [
                  ['guide.type', name('matterTypes', m.type)],
                  ['guide.body', `${m.department.name} · ${m.implementingBody}`],
                  ['guide.audience', name('audiences', m.audience)],
                  ['guide.promised', <Days key="p" n={m.promisedDays} />],
                  ['guide.statutory', <Days key="s" n={m.statutoryDays} />],
                  [
                    'guide.fee',
                    m.feeFen ? `${yuan(m.feeFen)} 元${m.feeNote ? `（${m.feeNote}）` : ''}` : t('guide.free'),
                  ],
                  [
                    'guide.mode',
                    `${name('serviceModes', m.serviceMode)}${m.atMostOnce ? ` · ${t('guide.atMostOnce')}` : ''}`,
                  ],
                  ['guide.freeServices', m.freeServices.map((f) => name('freeServices', f)).join('、') || '—'],
                  ['guide.conditions', m.conditions || '—'],
                  ['guide.basis', m.legalBasis],
                ] as const
              ).map(([k, v]) => (
                <div className="dl-row" key={k}>
                  <dt>{t(k)}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <h2>{t('guide.materials')}</h2>
            <div className="table-wrap">
              <table className="table" data-testid="guide-materials">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('guide.material')}</th>
                    <th scope="col">{t('guide.form')}</th>
                    <th scope="col">{t('guide.copies')}</th>
                    <th scope="col">{t('guide.required')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.materials.map((x) => (
                    <tr key={x.id}>
                      <td>{x.seq}</td>
                      <td>{x.name}</td>
                      <td>{name('materialForms', x.form)}</td>
                      <td>{x.copies}</td>
                      <td>{x.required ? t('guide.required') : t('guide.deferrable')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </article>
        )}
      </Async>
    </div>
  );
}
