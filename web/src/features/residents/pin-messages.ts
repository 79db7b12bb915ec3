import { defineMessages } from '../../i18n/feature-messages.js';

/** The pin on the report form, "already reported nearby", and the item page's map. */
export const usePinT = defineMessages(
  {
    'pin.title': '在地图上标出位置',
    'pin.hint': '点击地图放置图钉，或使用当前位置；也可以在下方直接输入经纬度。',
    'pin.map': '选择问题位置的地图',
    'pin.area': '所在区域：{area}',
    'pin.outside': '该位置不在本市任何区域内，请重新选择。',
    'pin.addressAuto': '{area}（地图选点）',
    'pin.nearby': '附近已有 {n} 条同类问题尚在办理，您可以关注它们而不必重复反映：',
    'pin.nearbyNone': '附近 {r} 米内没有尚在办理的同类问题。',
    'pin.metres': '{m} 米',
    'pin.follow': '关注此问题',
    'pin.followed': '已关注，办理进展将通知您',
    'pin.signIn': '登录后即可关注',
    'pin.item': '问题位置',
  },
  {
    'pin.title': 'Mark the place on the map',
    'pin.hint': 'Tap the map to drop a pin, or use your location; you can also type the coordinates below.',
    'pin.map': 'Map for choosing where the problem is',
    'pin.area': 'Area: {area}',
    'pin.outside': 'This point is outside every area of the city; please choose again.',
    'pin.addressAuto': '{area} (pin on map)',
    'pin.nearby':
      '{n} open reports of the same kind are already nearby; you can follow one instead of reporting again:',
    'pin.nearbyNone': 'No open report of the same kind within {r} m.',
    'pin.metres': '{m} m',
    'pin.follow': 'Follow this one',
    'pin.followed': 'Following: you will hear of its progress',
    'pin.signIn': 'Sign in to follow',
    'pin.item': 'Where it is',
  },
);
