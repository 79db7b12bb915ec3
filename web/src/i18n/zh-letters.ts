/** Core-page messages for supervision letters (issue #18 fix 10): timeline labels and the issue link. */
export const zhLetters = {
  'action.letter_issued': '签发督办函 / 约谈',
  'action.letter_acknowledged': '签收督办函 / 约谈',
  'action.letter_replied': '书面回复督办函 / 约谈',
  'action.letter_overdue': '督办函逾期未回复',
  'field.docNumber': '文号',
  'field.signedBy': '签收人',
  'letters.issue': '发督办函 / 约谈',
  'letters.issueFor': '发督办函 / 约谈：「{title}」',
};
