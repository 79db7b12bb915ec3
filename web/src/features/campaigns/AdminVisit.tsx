import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { campaignsApi } from './api.js';
import { useCmpT } from './messages.js';
import { ItemTable } from './shared.js';
import { SheetUpload } from './SheetUpload.js';

/** A visit and what became of its findings. */
export default function AdminVisit({ params }: { params: Record<string, string> }) {
  const t = useCmpT();
  const v = useAsync((s) => campaignsApi.visit(Number(params.id), s), [params.id]);
  return (
    <Async state={v}>
      {(d) => (
        <div>
          <h1>
            {d.leaderName} · {d.place}
          </h1>
          <p>
            {d.visitDate} · {d.topic} · {d.met}
          </p>
          <h2>{t('visit.found')}</h2>
          <ItemTable items={d.items} admin testId="visit-items" />
          <SheetUpload url={`/api/v1/visits/${d.id}/findings/sheet`} kind="findings" onDone={v.reload} />
        </div>
      )}
    </Async>
  );
}
