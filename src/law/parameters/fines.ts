import { REGULATION_IN_FORCE_FROM } from './regulation.js';
import { liaoning, type Parameter } from './parameter.js';

function yuan(id: string, value: number, article: number, zh: string, en: string): Parameter<number> {
  return { id, unit: 'yuan', description: { zh, en }, values: [{ from: REGULATION_IN_FORCE_FROM, value, source: liaoning(article) }] };
}

/**
 * The fines of Chapter 5, as dated parameters. Each amount is exactly the one
 * the article states; an amendment adds a value with `amendParameter`.
 */
export const FINES = {
  /** @see art 31: 逾期不改正的，对单位处3万元罚款 */
  art31Unit: yuan('fine.art31.unit', 30_000, 31, '第三十一条 对单位的罚款', 'Art 31 fine on the unit'),
  /** @see art 31: 对单位负责人及相关责任人处5000元罚款 */
  art31ResponsiblePerson: yuan('fine.art31.responsible-person', 5_000, 31, '第三十一条 对单位负责人及相关责任人的罚款（每人）', 'Art 31 fine on each person in charge or responsible person of the unit'),
  /** @see art 32: 逾期不改正的，处5000元罚款 */
  art32: yuan('fine.art32', 5_000, 32, '第三十二条 罚款', 'Art 32 fine'),
  /** @see art 34: 对单位处1万元罚款 */
  art34Unit: yuan('fine.art34.unit', 10_000, 34, '第三十四条 对单位的罚款', 'Art 34 fine on the unit'),
  /** @see art 34: 对直接责任人处5000元罚款 */
  art34DirectResponsible: yuan('fine.art34.direct-responsible', 5_000, 34, '第三十四条 对直接责任人的罚款', 'Art 34 fine on the directly responsible person'),
  /** @see art 34: 情节严重的，对单位处3万元罚款 */
  art34SeriousUnit: yuan('fine.art34.serious.unit', 30_000, 34, '第三十四条 情节严重的，对单位的罚款', 'Art 34 fine on the unit, serious case'),
  /** @see art 34: 情节严重的，…对直接责任人处1万元罚款 */
  art34SeriousDirectResponsible: yuan('fine.art34.serious.direct-responsible', 10_000, 34, '第三十四条 情节严重的，对直接责任人的罚款', 'Art 34 fine on the directly responsible person, serious case'),
  /** @see art 35: 对单位处3万元罚款 */
  art35Unit: yuan('fine.art35.unit', 30_000, 35, '第三十五条 对单位的罚款', 'Art 35 fine on a unit'),
  /** @see art 35: 对个人处1万元罚款 */
  art35Individual: yuan('fine.art35.individual', 10_000, 35, '第三十五条 对个人的罚款', 'Art 35 fine on an individual'),
  /** @see art 35: 有违法所得的，没收违法所得，处违法所得三倍罚款 */
  art35IllegalGainsMultiple: {
    id: 'fine.art35.illegal-gains-multiple',
    unit: 'multiple',
    description: { zh: '第三十五条 违法所得的倍数', en: 'Art 35 multiple of the illegal gains' },
    values: [{ from: REGULATION_IN_FORCE_FROM, value: 3, source: liaoning(35) }],
  } satisfies Parameter<number>,
} as const satisfies Record<string, Parameter<number>>;

export type FineParameterName = keyof typeof FINES;
