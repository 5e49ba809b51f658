import type { Bilingual } from '../../shared/text.js';
import type { ActKind } from '../situation/schema.js';

interface ActProvision {
  article: 4 | 21 | 22;
  item?: number;
  /** Forbidden only when done 擅自 (without authorization). */
  onlyIfUnauthorized: boolean;
  label: Bilingual;
}

/**
 * Which provision each act falls under. `obstruct_operation` and
 * `interrupt_operation` on a public-area system also fall under art 9 ¶1.
 */
export const ACT_PROVISIONS: Readonly<Record<ActKind, ActProvision>> = {
  damage_system: { article: 21, item: 1, onlyIfUnauthorized: false, label: { zh: '损坏技防系统', en: 'damaging the system' } },
  remove_system: { article: 21, item: 1, onlyIfUnauthorized: true, label: { zh: '擅自拆除技防系统', en: 'removing the system without authorization' } },
  obstruct_operation: { article: 21, item: 2, onlyIfUnauthorized: false, label: { zh: '妨碍技防系统的正常使用', en: 'obstructing normal use of the system' } },
  interrupt_operation: { article: 21, item: 2, onlyIfUnauthorized: true, label: { zh: '擅自中断技防系统的正常使用', en: 'interrupting normal use of the system without authorization' } },
  change_purpose_or_scope: { article: 21, item: 3, onlyIfUnauthorized: true, label: { zh: '擅自改变技防系统的用途和使用范围', en: "changing the system's purpose or scope of use without authorization" } },
  tamper_program_or_records: { article: 21, item: 4, onlyIfUnauthorized: false, label: { zh: '删改或者破坏技防系统的运行程序和运行记录', en: "altering or destroying the system's programs or operation records" } },
  other_sabotage: { article: 21, item: 5, onlyIfUnauthorized: false, label: { zh: '破坏或者妨碍技防系统正常使用的其他行为', en: 'other acts that sabotage or obstruct normal use of the system' } },
  trade_info: { article: 22, item: 1, onlyIfUnauthorized: false, label: { zh: '买卖采获信息', en: 'buying or selling captured information' } },
  unlawful_use_info: { article: 22, item: 1, onlyIfUnauthorized: false, label: { zh: '违法使用采获信息', en: 'unlawful use of captured information' } },
  unlawful_dissemination_info: { article: 22, item: 1, onlyIfUnauthorized: false, label: { zh: '违法传播采获信息', en: 'unlawful dissemination of captured information' } },
  infringe_privacy_with_info: { article: 22, item: 2, onlyIfUnauthorized: false, label: { zh: '利用采获信息侵犯他人隐私权或者其他合法权益', en: "using captured information to infringe others' privacy or other lawful rights" } },
  provide_info: { article: 22, item: 3, onlyIfUnauthorized: true, label: { zh: '擅自提供采获信息', en: 'providing captured information without authorization' } },
  copy_info: { article: 22, item: 3, onlyIfUnauthorized: true, label: { zh: '擅自复制采获信息', en: 'copying captured information without authorization' } },
  rephotograph_info: { article: 22, item: 3, onlyIfUnauthorized: true, label: { zh: '擅自翻拍采获信息', en: 're-photographing captured information without authorization' } },
  alter_info: { article: 22, item: 3, onlyIfUnauthorized: true, label: { zh: '擅自删改采获信息', en: 'altering or deleting captured information without authorization' } },
  hide_info: { article: 22, item: 3, onlyIfUnauthorized: true, label: { zh: '擅自隐匿采获信息', en: 'hiding captured information without authorization' } },
  destroy_info: { article: 22, item: 3, onlyIfUnauthorized: true, label: { zh: '擅自毁弃采获信息', en: 'destroying captured information without authorization' } },
  other_unlawful_use_info: { article: 22, item: 4, onlyIfUnauthorized: false, label: { zh: '违法使用采获信息的其他行为', en: 'other unlawful use of captured information' } },
  infringe_rights_with_system: { article: 4, onlyIfUnauthorized: false, label: { zh: '利用技防系统侵犯他人合法权益', en: "using a system to infringe others' lawful rights" } },
};

export function actKindsOf(article: number, item: number): ActKind[] {
  return (Object.keys(ACT_PROVISIONS) as ActKind[]).filter((k) => ACT_PROVISIONS[k].article === article && ACT_PROVISIONS[k].item === item);
}
