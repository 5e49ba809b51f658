import type { Citation } from '../../shared/citation.js';

/**
 * The rules of Chapter 3 (and art 11, 19, 23) the vault enforces, each named by
 * its article. A refusal names one of these in its event and its error.
 */
export const VAULT_RULES = {
  /** 擅自提供、复制…：no copy without a lawful grant. */
  'art22.i3.copy-without-grant': { article: 22, item: 3 },
  /** 删改、隐匿、毁弃：content is never altered, hidden or destroyed. */
  'art22.i3.alter': { article: 22, item: 3 },
  /** 违法使用、传播：no view without a lawful grant. */
  'art22.i1.use-without-grant': { article: 22, item: 1 },
  /** 留存时间不得少于三十日 (国家另有规定的，从其规定). */
  'art23.p2.minimum-retention': { article: 23, paragraph: 2 },
  /** 留存期满，公安机关没有要求提取的，即可以自行封存或者消除. */
  'art23.p2.police-extraction': { article: 23, paragraph: 2 },
  /** 工作人员不得少于两人. */
  'art24.p1.two-officers': { article: 24, paragraph: 1, item: 1 },
  /** 出示单位证明和工作证件. */
  'art24.p1.credentials': { article: 24, paragraph: 1, item: 2 },
  /** 履行相关登记手续. */
  'art24.p1.registration': { article: 24, paragraph: 1, item: 3 },
  /** 获取的信息只限于执行职务需要范围，并承担保密义务. */
  'art24.p1.scope': { article: 24, paragraph: 1, item: 4 },
  /** 具有法定刑事侦查权和依法具有公共突发事件事故调查权的国家机关. */
  'art24.p1.organ-power': { article: 24, paragraph: 1 },
  /** 紧急情况下，公安机关、国家安全机关可以直接使用. */
  'art24.p2.emergency': { article: 24, paragraph: 2 },
  /** 涉及国家秘密、国家安全和他人隐私的除外. */
  'art25.p1.exclusions': { article: 25, paragraph: 1 },
  /** 到当地公安派出所登记，说明查看理由并提供居民身份证. */
  'art25.p1.station-registration': { article: 25, paragraph: 1, item: 1 },
  /** 经公安派出所同意，由公安民警现场陪同或者持…查看采获信息文书进行查看. */
  'art25.p1.station-approval': { article: 25, paragraph: 1, item: 2 },
  /** 到采获单位履行相关登记手续. */
  'art25.p1.unit-registration': { article: 25, paragraph: 1, item: 3 },
  /** 查看的信息只限于涉及其合法权益的内容. */
  'art25.p1.own-rights': { article: 25, paragraph: 1, item: 4 },
  /** 由负有举证责任一方向公安机关提出书面申请，并出具有效证明，经公安机关备案并出具手续. */
  'art25.p2.evidence': { article: 25, paragraph: 2 },
  /** 建立…采获信息的查询、调取、登记和保密制度. */
  'art11.i3.registration-system': { article: 11, item: 3 },
  /** 涉及国家秘密、国家安全技防系统. */
  'art19.restricted': { article: 19 },
} as const satisfies Record<string, Citation>;

export type VaultRuleId = keyof typeof VAULT_RULES;

export function citationOf(rule: VaultRuleId): Citation {
  return { ...VAULT_RULES[rule] };
}
