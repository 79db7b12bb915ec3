import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { campaignsApi } from './api.js';
import { useCmpT } from './messages.js';
import { ItemTable } from './shared.js';
import { SheetUpload } from './SheetUpload.js';

/** A forum and what became of each point raised. */
export default function AdminForum({ params }: { params: Record<string, string> }) {
  const t = useCmpT();
  const f = useAsync((s) => campaignsApi.forum(Number(params.id), s), [params.id]);
  return (
    <Async state={f}>
      {(d) => (
        <div>
          <h1>{d.title}</h1>
          <p>
            {d.forumDate} · {d.place} · {d.host}
          </p>
          <p>{d.attendees}</p>
          {d.subjects.length > 0 && <p className="muted">{d.subjects.map((s) => s.name).join('、')}</p>}
          <p>{d.minutes}</p>
          <h2>{t('forum.outcome')}</h2>
          <ItemTable items={d.items} admin testId="forum-items" />
          <SheetUpload url={`/api/v1/forums/${d.id}/points/sheet`} kind="findings" onDone={f.reload} />
        </div>
      )}
    </Async>
  );
}
