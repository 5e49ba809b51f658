import type { Bilingual } from '../../shared/text.js';

/**
 * @see art 29: 公安机关及其工作人员依法实施备案公示、监督检查时，不得收取费用或者谋取其他利益，
 * 不得指定产品和服务，不得利用职权影响、限制当事人的自主选择权。
 * @see art 36 (2), (3)
 *
 * The forms have no field for a fee, a designated product or a recommended
 * provider. What a client sends anyway is looked at here before the schema
 * check, so that the attempt is refused with Art 29 and recorded for
 * oversight, rather than dismissed as a mere unknown field.
 */

/** Field names that can only mean a fee, a price, or a product or provider the police prescribe. */
const FEE_KEY = /(fee|charge|price|cost|payment|tariff|收费|费用)/i;
const DESIGNATION_KEY = /(designat|recommend|preferred|mandatory(product|provider|brand)|required(product|provider|brand|supplier)|指定|推荐)/i;
const FEE: Bilingual = { zh: '收取费用', en: 'charging a fee' };
const DESIGNATION: Bilingual = { zh: '指定产品和服务', en: 'designating products or services' };

/** Phrases in an official's text that charge a fee or prescribe a product or provider. */
const FORBIDDEN_TEXT: readonly { pattern: RegExp; what: Bilingual }[] = [
  { pattern: /(收取|缴纳|交纳|支付)[^。；;,，]{0,12}(费|费用)|备案费|检查费|检测费|审查费|服务费|手续费|工本费/, what: FEE },
  { pattern: /\b(pay|charge|charged|charging)\b[^.;]{0,30}\bfees?\b|\b(filing|inspection|review|service|processing) fees?\b/i, what: FEE },
  {
    pattern: /(指定|推荐|必须|应当|只能|统一)(购买|采购|选用|使用|安装|委托)[^。；;]{0,20}(产品|品牌|厂家|厂商|公司|单位|服务)|指定(产品|品牌|厂家|服务单位)/,
    what: DESIGNATION,
  },
  {
    pattern: /\b(must|shall|only)\b[^.;]{0,20}\b(buy|purchase|use|install|hire|engage)\b[^.;]{0,30}\b(brand|product|supplier|company|provider|vendor)\b|\b(recommended|designated|approved) (brand|product|supplier|provider|vendor)s?\b/i,
    what: DESIGNATION,
  },
];

export interface ForbiddenEntry {
  /** `key` for a field name, `text` for a phrase in free text, `name` for a registered product or provider. */
  kind: 'key' | 'text' | 'name';
  path: string;
  what: Bilingual;
  /** The offending key, phrase or name. */
  match: string;
}

function walk(value: unknown, path: string, key: string | null, visit: (path: string, key: string | null, v: unknown) => void) {
  visit(path, key, value);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, null, visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, k, visit);
}

/**
 * Fields in which an official tells a party what to do. Naming a registered
 * product or provider there is designating it; describing facts (a hazard, a
 * broken camera of a given model) may name them.
 */
export const PRESCRIBING_FIELDS = new Set(['requirements', 'explanation', 'reason', 'note', 'notes', 'statement', 'scope']);

/**
 * What in an official's input Art 29 forbids. `names` are the registered
 * products, manufacturers and filed providers an official may not prescribe
 * (the item's own subject excluded by the caller).
 */
export function findForbiddenEntries(input: unknown, names: readonly string[] = []): ForbiddenEntry[] {
  const out: ForbiddenEntry[] = [];
  const nameList = names.filter((n) => n.trim().length >= 2);
  walk(input, '', null, (path, key, v) => {
    if (key !== null && FEE_KEY.test(key)) out.push({ kind: 'key', path, what: FEE, match: key });
    else if (key !== null && DESIGNATION_KEY.test(key)) out.push({ kind: 'key', path, what: DESIGNATION, match: key });
    if (typeof v !== 'string') return;
    for (const f of FORBIDDEN_TEXT) {
      const m = f.pattern.exec(v);
      if (m) out.push({ kind: 'text', path, what: f.what, match: m[0] });
    }
    const field = path.split('.').pop()!.replace(/\[\d+\]$/, '');
    if (!PRESCRIBING_FIELDS.has(field)) return;
    for (const n of nameList) {
      if (v.includes(n)) out.push({ kind: 'name', path, what: { zh: `指名产品或服务单位“${n}”`, en: `naming the product or provider "${n}"` }, match: n });
    }
  });
  return out;
}

/**
 * Fields whose name says they carry the time of an act. An official's acts
 * are timed by the server's clock (Art 36): a client-supplied time is refused.
 */
export const BACKDATING_KEY = /^(at|date|actedAt|decidedAt|acceptedAt|issuedAt|orderedAt|inspectedAt|completedAt|signedAt|occurredAt|effectiveDate|timestamp)$/i;

export function findBackdating(input: unknown): string[] {
  const out: string[] = [];
  walk(input, '', null, (path, key) => {
    if (key !== null && BACKDATING_KEY.test(key)) out.push(path);
  });
  return out;
}
