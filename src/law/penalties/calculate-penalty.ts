import type { Citation } from '../../shared/citation.js';
import { AppError, validationError } from '../../shared/errors.js';
import type { Bilingual } from '../../shared/text.js';
import { chosenReading, type ReadingOverrides } from '../interpretations/register.js';
import { FINES, type FineParameterName } from '../parameters/fines.js';
import { parameterAt } from '../parameters/parameter.js';
import { REGULATION_IN_FORCE_FROM } from '../parameters/regulation.js';
import { assertIsoDate, type IsoDate } from '../rules/dates.js';
import { RuleErrors, noSuchPenalty } from '../rules/rule-errors.js';
import type { Fine, PenaltyDecision, PenaltyInput, Payer } from './penalty-schema.js';

type Order = PenaltyDecision['orders'][number];
type Referral = PenaltyDecision['referrals'][number];

/** 30000 → 3万元, 5000 → 5000元, 1234.5 → 1234.5元 */
export function yuanZh(n: number): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000}万元` : `${n}元`;
}
/** 30000 → 30,000 yuan (by hand: Intl formatting costs more than a whole assessment). */
export function yuanEn(n: number): string {
  const [int, frac] = (Math.round(n * 100) / 100).toString().split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''} yuan`;
}

const PAYER_TEXT: Record<Payer, Bilingual> = {
  unit: { zh: '单位', en: 'the unit' },
  responsible_person: { zh: '单位负责人及相关责任人（每人）', en: 'each person in charge of the unit and each other responsible person' },
  direct_responsible_person: { zh: '直接责任人', en: 'the directly responsible person' },
  individual: { zh: '个人', en: 'the individual' },
};

function amount(name: FineParameterName, asOf: IsoDate): number {
  const v = parameterAt(FINES[name], asOf);
  if (!v) throw new AppError(RuleErrors.JF_LAW_NOT_IN_FORCE, { params: { date: asOf } });
  return v.value;
}

function fine(payer: Payer, name: FineParameterName, asOf: IsoDate, citation: Citation, perPerson = false): Fine {
  const amountYuan = amount(name, asOf);
  const p = PAYER_TEXT[payer];
  return {
    payer,
    amountYuan,
    ...(perPerson ? { perPerson: true } : {}),
    basis: { zh: `对${p.zh}处${yuanZh(amountYuan)}罚款`, en: `a fine of ${yuanEn(amountYuan)} on ${p.en}` },
    citation,
  };
}

const referral = {
  damages: (citation: Citation, zhCondition: string, enCondition: string): Referral => ({
    kind: 'damages',
    condition: { zh: zhCondition, en: enCondition },
    text: { zh: '依法予以赔偿', en: 'compensation according to law' },
    citation,
  }),
  criminal: (citation: Citation): Referral => ({
    kind: 'criminal_liability',
    condition: { zh: '构成犯罪的', en: 'where it constitutes a crime' },
    text: { zh: '依法追究刑事责任', en: 'criminal liability is pursued according to law' },
    citation,
  }),
};

const rectifyOrder = (citation: Citation): Order => ({
  kind: 'rectify_within_time_limit',
  text: { zh: '由公安机关责令限期改正', en: 'the public security organ orders rectification within a time limit' },
  citation,
});

const MISSED_DEADLINE: Bilingual = { zh: '逾期不改正的', en: 'if not rectified by the time limit' };

/** Fines that follow a rectification order only once its time limit is missed (art 31, 32). */
function afterDeadline(rectifiedInTime: boolean | undefined, fines: Fine[]): Pick<PenaltyDecision, 'fines' | 'contingentFines'> {
  if (rectifiedInTime === true) return { fines: [] };
  if (rectifiedInTime === false) return { fines };
  return { fines: [], contingentFines: { condition: MISSED_DEADLINE, fines } };
}

function checkItem(article: number, item: number | undefined, allowed: readonly number[], what: Bilingual): void {
  if (item === undefined || allowed.includes(item)) return;
  throw noSuchPenalty(
    { zh: `第${article}条没有对应第（${item}）项的处罚（${what.zh}）`, en: `Art ${article} has no penalty for item (${item}) (${what.en})` },
    { article },
  );
}

function summarize(d: Omit<PenaltyDecision, 'summary'>): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  for (const o of d.orders) {
    zh.push(`${o.condition?.zh ?? ''}${o.text.zh}`);
    en.push(`${o.condition ? `${o.condition.en}, ` : ''}${o.text.en}`);
  }
  if (d.fines.length) {
    zh.push(d.fines.map((f) => f.basis.zh).join('，'));
    en.push(d.fines.map((f) => f.basis.en).join(', '));
  }
  if (d.contingentFines) {
    zh.push(`${d.contingentFines.condition.zh}，${d.contingentFines.fines.map((f) => f.basis.zh).join('，')}`);
    en.push(`${d.contingentFines.condition.en}: ${d.contingentFines.fines.map((f) => f.basis.en).join(', ')}`);
  }
  if (d.orders.length === 0 && d.fines.length === 0 && !d.contingentFines) {
    zh.push('不予罚款');
    en.push('no fine');
  }
  if (d.confiscation) {
    zh.push(d.confiscation.basis.zh);
    en.push(d.confiscation.basis.en);
  }
  for (const r of d.referrals) {
    zh.push(`${r.condition.zh}，${r.text.zh}`);
    en.push(`${r.condition.en}: ${r.text.en}`);
  }
  const enText = en.join('; ');
  return { zh: `${zh.join('；')}。`, en: `${enText.charAt(0).toUpperCase()}${enText.slice(1)}.` };
}

/**
 * What Chapter 5 provides for one violation, exactly as the article says:
 * orders, fines (payer, amount, citation), confiscation and referrals. Pure;
 * `asOf` is the day the violation is judged by. Throws a 422 AppError
 * (`JF_LAW_NO_SUCH_PENALTY`) when the article and item carry no penalty.
 */
export function calculatePenalty(input: PenaltyInput, asOf: IsoDate, options: { readings?: ReadingOverrides } = {}): PenaltyDecision {
  const readings = options.readings ?? {};
  assertIsoDate(asOf);
  if (asOf < REGULATION_IN_FORCE_FROM) throw new AppError(RuleErrors.JF_LAW_NOT_IN_FORCE, { params: { date: asOf } });
  const gains = input.illegalGainsYuan ?? 0;
  if (!Number.isFinite(gains) || gains < 0) {
    throw validationError([{ field: 'illegalGainsYuan', rule: 'minimum', message: { zh: 'illegalGainsYuan：不得小于 0', en: 'illegalGainsYuan must be at least 0' } }]);
  }
  const base = { article: input.article, ...(input.item !== undefined ? { item: input.item } : {}), offender: input.offender, asOf };
  let d: Omit<PenaltyDecision, 'summary'>;
  switch (input.article) {
    case 31:
      d = { ...base, ...art31(input, asOf) };
      break;
    case 32:
      d = { ...base, ...art32(input, asOf, readings) };
      break;
    case 33:
      d = { ...base, ...art33(input) };
      break;
    case 34:
      d = { ...base, ...art34(input, asOf) };
      break;
    case 35:
      d = { ...base, ...art35(input, asOf, gains, readings) };
      break;
    default:
      throw noSuchPenalty({ zh: `第${String(input.article)}条不是第五章规定罚则的条款`, en: `Art ${String(input.article)} is not a penalty article of Chapter 5` }, { article: 31 });
  }
  return { ...d, summary: summarize(d) };
}

type Body = Omit<PenaltyDecision, 'summary' | 'article' | 'item' | 'offender' | 'asOf'>;

/**
 * @see art 31: 责令限期改正；逾期不改正的，对单位处3万元罚款，对单位负责人及相关责任人处5000元罚款。
 * The article fines units and their people only; an individual offender gets
 * the order alone (interpretation art31.individual-offender).
 */
function art31(input: PenaltyInput, asOf: IsoDate): Body {
  checkItem(31, input.item, [1, 2, 3, 4], { zh: '第三十一条只有第（一）至（四）项', en: 'Art 31 has items (1) to (4)' });
  const citation: Citation = input.item ? { article: 31, paragraph: 1, item: input.item } : { article: 31 };
  const fines =
    input.offender === 'unit'
      ? [fine('unit', 'art31Unit', asOf, { article: 31 }), fine('responsible_person', 'art31ResponsiblePerson', asOf, { article: 31 }, true)]
      : [];
  return {
    orders: [rectifyOrder(citation)],
    ...afterDeadline(input.rectifiedInTime, fines),
    referrals: [],
    interpretations: input.offender === 'individual' ? ['art31.individual-offender'] : [],
  };
}

/**
 * @see art 32: 违反本条例第十一条规定的，由公安机关责令限期改正；逾期不改正的，处5000元罚款。
 * Art 11 binds the unit that must install a system, so the unit pays
 * (interpretation art32.payer) and an individual cannot commit this violation.
 */
function art32(input: PenaltyInput, asOf: IsoDate, readings: ReadingOverrides): Body {
  checkItem(32, input.item, [1, 2, 3, 4], { zh: '第十一条只有第（一）至（四）项', en: 'Art 11 has items (1) to (4)' });
  if (input.offender === 'individual') {
    throw noSuchPenalty(
      { zh: '第三十二条处罚违反第十一条的单位，第十一条的义务由应当安装技防系统的单位承担', en: 'Art 32 punishes breaches of art 11, whose duties rest on the unit that must install a system, not on individuals' },
      { article: 32 },
    );
  }
  return {
    violated: input.item ? { article: 11, paragraph: 1, item: input.item } : { article: 11 },
    orders: [rectifyOrder({ article: 32 })],
    ...afterDeadline(input.rectifiedInTime, [
      chosenReading('art32.payer', readings) === 'unit' ? fine('unit', 'art32', asOf, { article: 32 }) : fine('responsible_person', 'art32', asOf, { article: 32 }, true),
    ]),
    referrals: [],
    interpretations: ['art32.payer'],
  };
}

/**
 * @see art 33: 责令拆除；拒不拆除的，依法予以强制拆除；构成侵犯他人隐私权的，对直接责任人依照《中华人民共和国治安管理处罚法》的相关规定处罚；构成犯罪的，依法追究刑事责任。
 * No fine of its own.
 */
function art33(input: PenaltyInput): Body {
  if (input.item !== undefined) {
    throw noSuchPenalty({ zh: '第三十三条（违反第十四条）不分项', en: 'Art 33 (breach of art 14) has no items' }, { article: 33 });
  }
  const c: Citation = { article: 33 };
  return {
    violated: { article: 14 },
    orders: [
      { kind: 'removal', text: { zh: '由公安机关责令拆除', en: 'the public security organ orders removal' }, citation: c },
      {
        kind: 'forced_removal',
        condition: { zh: '拒不拆除的', en: 'if removal is refused' },
        text: { zh: '依法予以强制拆除', en: 'removal is enforced according to law' },
        citation: c,
      },
    ],
    fines: [],
    referrals: [
      {
        kind: 'public_security_administration_punishment',
        condition: { zh: '构成侵犯他人隐私权的', en: "where it infringes others' right to privacy" },
        text: {
          zh: '对直接责任人依照《中华人民共和国治安管理处罚法》的相关规定处罚',
          en: 'the directly responsible person is punished under the Public Security Administration Punishments Law',
        },
        citation: c,
      },
      referral.criminal(c),
    ],
    interpretations: [],
  };
}

/**
 * @see art 34: 对单位处1万元罚款，对直接责任人处5000元罚款；情节严重的，对单位处3万元罚款，对直接责任人处1万元罚款；
 * 造成损失的，依法予以赔偿；构成犯罪的，依法追究刑事责任。
 * 情节严重 is an exception that replaces the base amounts. An individual
 * offender is the directly responsible person (interpretation art34.individual-offender).
 */
function art34(input: PenaltyInput, asOf: IsoDate): Body {
  checkItem(34, input.item, [1, 2, 3, 4, 5], { zh: '第二十一条只有第（一）至（五）项', en: 'Art 21 has items (1) to (5)' });
  const c: Citation = { article: 34 };
  const baseTier = { unit: 'art34Unit', person: 'art34DirectResponsible' } as const;
  const seriousTier = { unit: 'art34SeriousUnit', person: 'art34SeriousDirectResponsible' } as const;
  const tier = input.serious ? seriousTier : baseTier;
  const fines =
    input.offender === 'unit'
      ? [fine('unit', tier.unit, asOf, c), fine('direct_responsible_person', tier.person, asOf, c)]
      : [fine('individual', tier.person, asOf, c)];
  return {
    violated: input.item ? { article: 21, paragraph: 1, item: input.item } : { article: 21 },
    orders: [],
    fines,
    referrals: [referral.damages(c, '造成损失的', 'where it caused loss'), referral.criminal(c)],
    interpretations: input.offender === 'individual' ? ['art34.individual-offender'] : [],
  };
}

/**
 * @see art 35: 违反本条例第二十二条第一项、第三项、第四项规定的，由公安机关对单位处3万元罚款，对个人处1万元罚款；
 * 有违法所得的，没收违法所得，处违法所得三倍罚款；给他人造成损失的，依法予以赔偿；构成犯罪的，依法追究刑事责任。
 * Art 22 item 2 is not listed: no penalty here. The three-times fine is added
 * to the fixed fine (interpretation art35.illegal-gains-fine).
 */
function art35(input: PenaltyInput, asOf: IsoDate, gains: number, readings: ReadingOverrides): Body {
  if (input.item === undefined) {
    throw noSuchPenalty(
      { zh: '第三十五条须指明违反第二十二条第几项（第（一）、（三）、（四）项）', en: 'Art 35 needs the item of art 22 that was breached ((1), (3) or (4))' },
      { article: 35 },
    );
  }
  if (input.item === 2) {
    throw noSuchPenalty(
      {
        zh: '第三十五条只处罚违反第二十二条第一项、第三项、第四项的行为，不包括第（二）项（利用采获信息侵犯他人隐私权或者其他合法权益）',
        en: "Art 35 punishes breaches of art 22 items (1), (3) and (4) only, not item (2) (using captured information to infringe others' privacy or other lawful rights)",
      },
      { article: 35 },
    );
  }
  checkItem(35, input.item, [1, 3, 4], { zh: '第二十二条只有第（一）至（四）项', en: 'Art 22 has items (1) to (4)' });
  const c: Citation = { article: 35 };
  const payer: Payer = input.offender === 'unit' ? 'unit' : 'individual';
  const fixed = input.offender === 'unit' ? fine('unit', 'art35Unit', asOf, c) : fine('individual', 'art35Individual', asOf, c);
  let fines: Fine[] = [fixed];
  let confiscation: PenaltyDecision['confiscation'];
  const interpretations: string[] = [];
  if (gains > 0) {
    const multiple = amount('art35IllegalGainsMultiple', asOf);
    const fen = Math.round(gains * 100);
    const amountYuan = (fen * multiple) / 100;
    confiscation = {
      amountYuan: fen / 100,
      basis: { zh: `没收违法所得${yuanZh(fen / 100)}`, en: `confiscation of the illegal gains of ${yuanEn(fen / 100)}` },
      citation: c,
    };
    const gainsFine: Fine = {
      payer,
      amountYuan,
      basis: {
        zh: `对${PAYER_TEXT[payer].zh}处违法所得${multiple}倍罚款${yuanZh(amountYuan)}`,
        en: `a fine of ${multiple} times the illegal gains, ${yuanEn(amountYuan)}, on ${PAYER_TEXT[payer].en}`,
      },
      citation: c,
    };
    // The reading decides how the two fines combine (interpretation art35.illegal-gains-fine).
    const reading = chosenReading('art35.illegal-gains-fine', readings);
    if (reading === 'cumulative') fines = [fixed, gainsFine];
    else if (reading === 'instead') fines = [gainsFine];
    else fines = [gainsFine.amountYuan > fixed.amountYuan ? gainsFine : fixed];
    interpretations.push('art35.illegal-gains-fine');
  }
  return {
    violated: { article: 22, paragraph: 1, item: input.item },
    orders: [],
    fines,
    ...(confiscation ? { confiscation } : {}),
    referrals: [referral.damages(c, '给他人造成损失的', 'where it caused loss to others'), referral.criminal(c)],
    interpretations,
  };
}

/** The most an article allows on each payer, for checks and tests: fixed amounts, plus the art 35 multiple of the gains. */
export function maximumFines(article: PenaltyInput['article'], asOf: IsoDate, illegalGainsYuan = 0): Partial<Record<Payer, number>> {
  switch (article) {
    case 31:
      return { unit: amount('art31Unit', asOf), responsible_person: amount('art31ResponsiblePerson', asOf) };
    case 32:
      return { unit: amount('art32', asOf) };
    case 33:
      return {};
    case 34:
      return { unit: amount('art34SeriousUnit', asOf), direct_responsible_person: amount('art34SeriousDirectResponsible', asOf), individual: amount('art34SeriousDirectResponsible', asOf) };
    case 35: {
      const g = (Math.round(illegalGainsYuan * 100) * amount('art35IllegalGainsMultiple', asOf)) / 100;
      return { unit: amount('art35Unit', asOf) + g, individual: amount('art35Individual', asOf) + g };
    }
  }
}
