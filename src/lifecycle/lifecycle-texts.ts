/**
 * Why the state table refused an action, in both languages, for the API's answer. The English
 * sentence is the one `decide` gives; the Chinese names the action and state as the UI does.
 */
import type { Bilingual } from '../errors.js';
import type { Action, Decision, State } from './lifecycle.js';
import { STATE_LABELS } from '../sheets/completion.js';

const ACTION_ZH: Record<Action, string> = {
  accept: '受理',
  reject: '不予受理',
  merge: '合并',
  assign: '交办',
  sign: '签收',
  return: '退单',
  progress: '报送进展',
  rectify: '整改完成',
  verify: '验收',
  close: '销号',
  reopen: '重新打开',
  long_term: '转长期整改',
  note: '备注',
};

export function refusalText(d: Extract<Decision, { ok: false }>, action: Action, state: State): Bilingual {
  const name = ACTION_ZH[action] ?? action;
  const zh =
    d.refusal === 'invalid_transition'
      ? `事项当前为“${STATE_LABELS[state] ?? state}”，不能${name}`
      : d.refusal === 'forbidden'
        ? `您无权对该事项执行“${name}”`
        : `“${name}”需要填写：${(d.missing ?? []).join('、')}`;
  return { zh, en: d.message };
}
