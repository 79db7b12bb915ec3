/** Back-office messages added with issue #18: the paged board, settlement ranks, the workspace's to-do. */
export const zhWork = {
  'board.search': '搜索问题标题或编号',
  'board.searchButton': '搜索',
  'board.unit': '责任单位',
  'board.area': '区域',
  'board.showing': '第 {from}–{to} 条，共 {total} 条',
  'board.none': '没有符合条件的预警',
  'board.noMissing': '没有缺报周报的办件',
  'board.pager': '翻页',
};
