import { DEMO_AREAS } from './demo-reference.js';
import { DEMO_BOUNDARIES } from '../residents/demo-map.js';
import { bounds, contains } from '../residents/geo.js';
import type { Chooser } from './demo-random.js';
import type { PlaceKind } from './demo-phrases.js';

/** A district's streets, its rural towns and the point its built-up area gathers around. */
interface District {
  streets: string[];
  towns: string[];
  centre: [lng: number, lat: number];
}
const DISTRICTS: Record<string, District> = {
  'jz-ss': {
    streets: ['北京路', '江津路', '塔桥路', '红门路', '园林路', '航空路', '北湖路', '中山路', '胜利街', '长港路'],
    towns: ['观音垱镇', '岑河镇'],
    centre: [112.3, 30.34],
  },
  'jz-jz': {
    streets: ['荆州北路', '荆中路', '郢都路', '屈原路', '东门路', '太岳路', '西环路', '楚都大道', '三义街'],
    towns: ['纪南镇', '川店镇', '马山镇'],
    centre: [112.12, 30.4],
  },
  'jz-jl': {
    streets: ['江汉路', '迎宾大道', '新建路', '楚天路', '荆江大道'],
    towns: ['郝穴镇', '熊河镇', '白马寺镇'],
    centre: [112.35, 30.05],
  },
  'jz-sz': {
    streets: ['玉岭路', '言程路', '白云路', '德胜路', '民主路', '乐乡大道'],
    towns: ['卸甲坪乡', '刘家场镇', '八宝镇'],
    centre: [111.77, 30.18],
  },
  'jz-kfq': {
    streets: ['东方大道', '沙岑路', '联合路', '深圳大道', '三湾路', '江津东路', '豉湖路'],
    towns: ['联合街道'],
    centre: [112.3, 30.22],
  },
};
const ESTATE_A = [
  '金色',
  '阳光',
  '滨江',
  '锦绣',
  '幸福',
  '和谐',
  '荆江',
  '楚天',
  '翠湖',
  '御景',
  '盛世',
  '江汉',
  '文昌',
];
const ESTATE_B = ['家园', '花园', '名苑', '新村', '华府', '雅居', '小区', '公寓'];
const LANDMARKS = ['农贸市场附近', '公交站旁', '商业街', '中学门口', '医院门口', '广场', '十字路口', '菜市场门口'];
const COMPANY_A = ['恒通', '华盛', '长江', '楚源', '鑫达', '荆泰', '佳美', '盛隆', '宏发', '天成', '瑞丰', '金鹰'];
const COMPANY_B = ['机械', '化工', '纺织', '食品', '电子', '汽车零部件', '新型建材', '包装', '生物科技'];
const VILLAGE_A = '王李张刘陈杨黄周徐孙胡郭何高罗';
const VILLAGE_B = ['家湾村', '家台村', '家岭村', '家垸村', '河村', '桥村'];
const OFFICES = ['政务服务中心', '医保服务大厅', '不动产登记中心', '市民之家'];

export interface Place {
  /** For the title: an estate, a street, a village, a company. */
  short: string;
  /** What opens the description. */
  lead: string;
  address: string;
  lat: number;
  lng: number;
}

const districtOf = (code: string): string => {
  let a = DEMO_AREAS.find((x) => x.code === code);
  while (a && a.level !== 'district') a = DEMO_AREAS.find((x) => x.code === a!.parent);
  return a?.code ?? 'jz-ss';
};
const nameOf = (code: string) => DEMO_AREAS.find((a) => a.code === code)!.name;

/** A point inside the district: most near its centre, as a city's reports gather, the rest anywhere in it. */
function pointIn(c: Chooser, district: string, rural: boolean): [number, number] {
  const g = DEMO_BOUNDARIES[district];
  const [minLng, minLat, maxLng, maxLat] = bounds(g);
  const [cx, cy] = DISTRICTS[district].centre;
  const near = !rural && c.chance(0.75);
  for (;;) {
    const gauss = () => (c.rnd() + c.rnd() + c.rnd() - 1.5) * 0.035;
    const lng = near ? cx + gauss() : c.between(minLng, maxLng);
    const lat = near ? cy + gauss() : c.between(minLat, maxLat);
    if (contains(g, lng, lat)) return [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
  }
}

/** Where a report of this kind happened in this area, with a street address and a point on the map. */
export function placeIn(c: Chooser, areaCode: string, kind: PlaceKind): Place {
  const district = districtOf(areaCode);
  const d = DISTRICTS[district];
  const area = DEMO_AREAS.find((a) => a.code === areaCode)!;
  const street = c.pick(d.streets);
  const no = `${1 + Math.floor(c.rnd() * 260)}号`;
  const prefix = nameOf(district);
  const rural = kind === 'village' && (district !== 'jz-ss' || area.level === 'village');
  const [lng, lat] = pointIn(c, district, rural);
  const at = (short: string, lead: string, address: string): Place => ({ short, lead, address, lat, lng });
  const estate = `${c.pick(ESTATE_A)}${c.pick(ESTATE_B)}`;
  if (rural) {
    const town =
      area.level === 'village' ? nameOf(area.parent!) : area.level === 'township' ? area.name : c.pick(d.towns);
    const village = area.level === 'village' ? area.name : `${c.pick([...VILLAGE_A])}${c.pick(VILLAGE_B)}`;
    const group = `${1 + Math.floor(c.rnd() * 9)}组`;
    return at(`${village}${group}`, `${town}${village}${group}`, `${prefix}${town}${village}${group}`);
  }
  switch (kind) {
    case 'street': {
      const landmark = c.pick(LANDMARKS);
      return at(`${street}${landmark.replace(/附近|旁|门口$/, '')}`, `${street}${landmark}`, `${prefix}${street}${no}`);
    }
    case 'enterprise': {
      const company = `${c.pick(COMPANY_A)}${c.pick(COMPANY_B)}`;
      return at(`${company}公司`, `荆州市${company}有限公司反映，`, `${prefix}${street}${no}`);
    }
    case 'office': {
      const office = `${prefix}${c.pick(OFFICES)}`;
      return at(office, `在${office}办事时遇到：`, `${prefix}${street}${no}`);
    }
    case 'school':
      return at(estate, `${estate}的家长反映，`, `${prefix}${street}${no}${estate}`);
    default: {
      const building = `${1 + Math.floor(c.rnd() * 24)}栋`;
      return at(estate, `${estate}${building}`, `${prefix}${street}${no}${estate}${building}`);
    }
  }
}
