import { defineMessages } from '../../i18n/feature-messages.js';

/** Settings → area boundaries. */
export const useBoundaryT = defineMessages(
  {
    'bnd.title': '区域边界',
    'bnd.lead':
      '上传 GeoJSON（WGS-84 经纬度）：单个 Polygon、MultiPolygon 或 Feature 对应所选区域；' +
      'FeatureCollection 按各要素的 properties.code（区域编码）对应区域。',
    'bnd.area': '区域',
    'bnd.areaHint': '上传单个边界时选择；FeatureCollection 无需选择',
    'bnd.file': 'GeoJSON 文件',
    'bnd.text': '或粘贴 GeoJSON',
    'bnd.upload': '上传边界',
    'bnd.saved': '已保存',
    'bnd.chosen': '所选区域',
    'bnd.chooseArea': '请先选择区域',
    'bnd.noCode': '没有与 properties.code 对应的区域',
    'bnd.json': '不是有效的 JSON',
    'bnd.empty': 'FeatureCollection 中没有要素',
  },
  {
    'bnd.title': 'Area boundaries',
    'bnd.lead':
      'Upload GeoJSON (WGS-84 longitude/latitude): one Polygon, MultiPolygon or Feature for the chosen area, ' +
      'or a FeatureCollection whose features name their area by properties.code.',
    'bnd.area': 'Area',
    'bnd.areaHint': 'For a single boundary; a FeatureCollection names its areas',
    'bnd.file': 'GeoJSON file',
    'bnd.text': 'or paste GeoJSON',
    'bnd.upload': 'Upload boundary',
    'bnd.saved': 'saved',
    'bnd.chosen': 'chosen area',
    'bnd.chooseArea': 'Choose the area first',
    'bnd.noCode': 'no area has this properties.code',
    'bnd.json': 'not valid JSON',
    'bnd.empty': 'the FeatureCollection has no features',
  },
);
