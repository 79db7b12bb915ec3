import { useI18n } from '../../i18n/index.js';
import { defineMessages } from '../../i18n/feature-messages.js';
import { Link } from '../../router.js';
import { campaignsApi } from './api.js';
import { usePagedTable } from './scaffold.js';
import { Outcome } from './shared.js';
import { useSubmit } from './useSubmit.js';

const useT = defineMessages(
  {
    'attached.title': '关联事项',
    'attached.lead': '从热点聚类或按编号附加到本专项整治的事项',
    'attached.code': '编号',
    'attached.item': '事项',
    'attached.status': '状态',
    'attached.department': '责任部门',
    'attached.deadline': '办理时限',
    'attached.detach': '移出',
    'attached.detachLabel': '将 {code} 移出本专项整治',
  },
  {
    'attached.title': 'Attached items',
    'attached.lead': 'Items attached to this campaign from a hot spot or by code',
    'attached.code': 'Code',
    'attached.item': 'Item',
    'attached.status': 'Status',
    'attached.department': 'Department',
    'attached.deadline': 'Deadline',
    'attached.detach': 'Detach',
    'attached.detachLabel': 'Detach {code} from this campaign',
  },
);

/**
 * The items attached to a campaign (GET /api/v1/campaigns/:id/items), paged: code linked to the
 * item, title, status, department, deadline; in the back office each can be detached again.
 */
export function AttachedItems({ campaignId, admin }: { campaignId: number; admin?: boolean }) {
  const t = useT();
  const { t: core } = useI18n();
  const { busy, error, run } = useSubmit();
  const detach = (code: string) =>
    run(async () => {
      await campaignsApi.detach(campaignId, code);
      list.reload();
    });
  const list = usePagedTable(
    (page, s) => campaignsApi.items(campaignId, page, s),
    {
      testId: 'attached-items',
      head: [
        t('attached.code'),
        t('attached.item'),
        t('attached.status'),
        t('attached.department'),
        t('attached.deadline'),
        ...(admin ? [''] : []),
      ],
      rowKey: (x) => x.code,
      cells: (x) => [
        <Link key="code" to={admin ? `/admin/problems/${x.code}` : `/problems/${x.code}`}>
          {x.code}
        </Link>,
        x.title,
        core(`status.${x.status}` as 'status.closed'),
        x.departmentName ?? '—',
        x.deadline?.slice(0, 10) ?? '—',
        ...(admin
          ? [
              <button
                key="detach"
                type="button"
                className="btn btn-small"
                disabled={busy}
                aria-label={t('attached.detachLabel', { code: x.code })}
                onClick={() => detach(x.code)}
                data-testid="attached-detach"
              >
                {t('attached.detach')}
              </button>,
            ]
          : []),
      ],
    },
    [campaignId],
  );
  return (
    <section data-testid="campaign-attached">
      <h2>{t('attached.title')}</h2>
      <p className="muted">{t('attached.lead')}</p>
      <Outcome error={error} />
      {list.view}
    </section>
  );
}
