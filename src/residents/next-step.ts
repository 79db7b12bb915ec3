/** What happens next to a resident's report, in words a resident reads (both languages). */
const NEXT: Record<string, { zh: string; en: string }> = {
  submitted: { zh: '等待受理中心审核', en: 'Waiting for the acceptance centre' },
  accepted: { zh: '已受理，等待交办责任单位', en: 'Accepted; waiting to be assigned' },
  assigned: { zh: '已交办，等待责任单位签收', en: 'Assigned; waiting for the unit to sign' },
  in_progress: { zh: '责任单位整改中', en: 'The unit is working on it' },
  long_term: { zh: '长期整改，按阶段推进', en: 'Long-term work in stages' },
  rectified: { zh: '已整改，请您验证评价', en: 'Rectified: please verify and rate' },
  verified: { zh: '您已验证，等待办结', en: 'Verified; waiting to be closed' },
  closed: { zh: '已办结', en: 'Closed' },
  rejected: { zh: '未予受理', en: 'Not accepted' },
  merged: { zh: '已与相同问题合并办理', en: 'Merged with the same problem' },
};

export const nextStep = (status: string) => NEXT[status] ?? { zh: status, en: status };
