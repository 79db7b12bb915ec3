import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { campaignsApi } from './api.js';
import { CampaignSummary } from './CampaignView.js';

/** A campaign's public page: progress rolled up from its plans, enforcement counts, the residents' verdict. */
export default function CampaignPublic({ params }: { params: Record<string, string> }) {
  const c = useAsync((s) => campaignsApi.campaign(Number(params.id), s), [params.id]);
  return (
    <div className="page">
      <Async state={c}>
        {(d) => (
          <>
            <h1>{d.name}</h1>
            <CampaignSummary c={d} />
          </>
        )}
      </Async>
    </div>
  );
}
