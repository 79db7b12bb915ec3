import { useLocation } from '../../router.js';
import { hallApi } from './api.js';
import { useHallT } from './messages.js';
import { RateForm } from './RateForm.js';
import './hall.css';

/** The page the SMS links to once a case is done: 好差评 with the case's access code. */
export default function RatePage() {
  const t = useHallT();
  const { search } = useLocation();
  const no = search.get('no') ?? '';
  const token = search.get('token') ?? '';
  return (
    <div className="page narrow">
      <h1>{t('rate.title')}</h1>
      <p className="muted">
        {t('case.number')} {no}
      </p>
      <section className="panel">
        <RateForm onSubmit={async (r) => (await hallApi.rate(no, { ...r, token })).problemCode} />
      </section>
    </div>
  );
}
