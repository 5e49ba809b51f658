import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';

/**
 * How long the police may take over an act the regulation asks of them
 * without a number. These are the platform's service targets, not the law's:
 * a miss is shown in the official's inbox and in the oversight view (Art 29,
 * 36 (1)), and never changes a legal outcome. Changed here, in one place.
 *
 * GAP(art 18): "及时" (promptly) has no number of days; acceptance publishes
 * at once, and the completeness check is targeted at 10 days.
 * GAP(art 26): "及时发现并督促整改" sets no period for re-inspection; 5 days after
 * the unit reports its rectification.
 * GAP(art 28): no period for verifying a complaint; 30 days.
 * GAP(art 9 ¶2): no period for the police's opinion on an adjustment; 15 days.
 */
export interface ServiceTarget {
  days: number;
  label: Bilingual;
  citation: Citation;
}

export const SERVICE_TARGETS = {
  filingCheck: { days: 10, label: { zh: '备案材料审查', en: 'Check of the filing materials' }, citation: { article: 18 } },
  adjustmentOpinion: { days: 15, label: { zh: '对调整社会公共区域技防系统提出意见', en: 'Opinion on adjusting a public-area system' }, citation: { article: 9, paragraph: 2 } },
  inspectionStart: { days: 7, label: { zh: '按计划实施监督检查', en: 'Carry out the planned inspection' }, citation: { article: 26 } },
  reinspection: { days: 5, label: { zh: '整改情况复查', en: 'Re-inspection of the reported rectification' }, citation: { article: 26 } },
  overdueDecision: { days: 30, label: { zh: '逾期未改正案件作出处理', en: 'Decide on a case not rectified in time' }, citation: { article: 31 } },
  removalFollowUp: { days: 15, label: { zh: '拒不拆除的依法强制拆除', en: 'Enforce removal refused' }, citation: { article: 33 } },
  complaintVerification: { days: 30, label: { zh: '投诉查证', en: 'Verification of a complaint' }, citation: { article: 28 } },
  rewardDecision: { days: 30, label: { zh: '表彰奖励审批', en: 'Decision on a commendation or reward' }, citation: { article: 30 } },
} as const satisfies Record<string, ServiceTarget>;

export type ServiceTargetName = keyof typeof SERVICE_TARGETS;
