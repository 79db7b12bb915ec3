/** Public portal messages added with comments, questions, warnings and the real rankings. */
export const zhPortal = {
  'comments.counts': '{comments} 条评论 · {thanks} 面锦旗', 'comments.thanksBadge': '送锦旗', 'comments.hiddenBadge': '已隐藏',
  'comments.visible': '公开显示', 'comments.hiddenReason': '隐藏原因：{reason}（{by}）', 'comments.contactStaff': '联系方式：{contact}',
  'comments.likeLabel': '点赞，当前 {n} 个赞', 'comments.hide': '隐藏', 'comments.restore': '恢复显示', 'comments.hideReason': '隐藏原因',
  'comments.formTitle': '发表评论或送锦旗', 'comments.thanksText': '感谢的话', 'comments.contact': '联系方式（可选）',
  'comments.contactHint': '仅工作人员可见，便于回复您。', 'comments.posted': '已发表，感谢参与！', 'comments.sendThanks': '送上锦旗',

  'home.byDepartment': '按责任单位', 'home.mostCommented': '热议问题', 'home.mostCommentedEmpty': '还没有评论',
  'home.commentCount': '{n} 条评论', 'home.thanksCount': '{n} 面锦旗', 'home.rate': '整改完成率 {rate}%',

  'list.warning': '预警等级', 'sort.relevance': '相关度',
  'warning.red': '红色预警', 'warning.yellow': '黄色预警', 'warning.blue': '蓝色预警', 'warning.none': '无预警',
  'reason.overdue': '已超期', 'reason.behind_plan': '进度滞后', 'reason.missed_milestone': '节点未完成',
  'reason.missing_weekly_report': '本周未报送进展', 'reason.deadline_near': '临近时限',

  'report.addressHint': '如：沙市区中山街道和平社区三号楼前', 'report.answerRequired': '请回答此问题',
  'report.questions': '补充信息',
  'verify.rating': '评价等级（可选）', 'field.rating': '评价等级', 'rating.5': '非常满意', 'rating.4': '满意', 'rating.3': '基本满意', 'rating.2': '不满意', 'rating.1': '非常不满意',

  'score.blackList': '黑榜', 'score.redList': '红榜', 'score.chart': '综合得分图', 'score.received': '交办件数',
  'score.weights': '综合得分 = 响应率 × {response} + 解决率 × {resolution} + 满意率 × {satisfaction}（满分 100）',
};
