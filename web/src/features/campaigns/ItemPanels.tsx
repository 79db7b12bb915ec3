import { useAsync } from '../../lib/use-async.js';
import { campaignsApi } from './api.js';
import { PanelCard } from './CampaignView.js';
import { useMoreT } from './more-messages.js';
import { ProgrammeSummary, ProgrammeTable } from './ProgrammeView.js';
import './campaigns.css';

/**
 * What an item's public page shows of the campaigns: the residents' panels that judged it and, for a
 * programme, its parts and sub-projects rolled up. Nothing at all for an item without either.
 */
export default function ItemPanels({ code }: { code: string }) {
  const t = useMoreT();
  const panels = useAsync((s) => campaignsApi.itemPanels(code, s), [code]);
  const programme = useAsync((s) => campaignsApi.programme(code, s), [code]);
  const p = programme.data;
  return (
    <>
      {p && p.parts.length > 0 && (
        <section className="panel" data-testid="item-programme">
          <h2>{t('prog.title')}</h2>
          <ProgrammeSummary p={p} />
          <ProgrammeTable p={p} />
        </section>
      )}
      {panels.data && panels.data.items.length > 0 && (
        <section className="panel" data-testid="item-panels">
          <h2>{t('panels.title')}</h2>
          {panels.data.items.map((x) => (
            <PanelCard key={x.id} p={x} />
          ))}
        </section>
      )}
    </>
  );
}
