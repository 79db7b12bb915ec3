import type { zhPortal } from './zh-portal.js';

export const enPortal: Record<keyof typeof zhPortal, string> = {
  'comments.counts': '{comments} comments · {thanks} thanks', 'comments.thanksBadge': 'Thanks', 'comments.hiddenBadge': 'Hidden',
  'comments.visible': 'Visible', 'comments.hiddenReason': 'Hidden because: {reason} ({by})', 'comments.contactStaff': 'Contact: {contact}',
  'comments.likeLabel': 'Like, {n} likes so far', 'comments.hide': 'Hide', 'comments.restore': 'Show again', 'comments.hideReason': 'Reason for hiding',
  'comments.formTitle': 'Comment or send thanks', 'comments.thanksText': 'Your thanks', 'comments.contact': 'Contact (optional)',
  'comments.contactHint': 'Only staff see it, so they can reply.', 'comments.posted': 'Posted — thank you!', 'comments.sendThanks': 'Send thanks',

  'home.byDepartment': 'By responsible unit', 'home.mostCommented': 'Most discussed', 'home.mostCommentedEmpty': 'No comments yet',
  'home.commentCount': '{n} comments', 'home.thanksCount': '{n} thanks', 'home.rate': '{rate}% rectified',

  'list.warning': 'Warning level', 'sort.relevance': 'Relevance',
  'warning.red': 'Red warning', 'warning.yellow': 'Yellow warning', 'warning.blue': 'Blue warning', 'warning.none': 'No warning',
  'reason.overdue': 'Overdue', 'reason.behind_plan': 'Behind plan', 'reason.missed_milestone': 'Missed milestone',
  'reason.missing_weekly_report': 'No report this week', 'reason.deadline_near': 'Deadline near',

  'report.addressHint': 'e.g. in front of building 3, Heping Community, Zhongshan Subdistrict', 'report.answerRequired': 'Please answer this question',
  'report.questions': 'More details',
  'verify.rating': 'How satisfied (optional)', 'field.rating': 'Rating', 'rating.5': 'Very satisfied', 'rating.4': 'Satisfied', 'rating.3': 'Basically satisfied', 'rating.2': 'Dissatisfied', 'rating.1': 'Very dissatisfied',

  'score.blackList': 'Black list', 'score.redList': 'Red list', 'score.chart': 'Composite scores', 'score.received': 'Assigned',
  'score.weights': 'Composite = response × {response} + resolution × {resolution} + satisfaction × {satisfaction} (out of 100)',
};
