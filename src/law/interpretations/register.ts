import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';

export interface Reading {
  id: string;
  text: Bilingual;
}

/**
 * A question the text leaves open, the readings it allows, the one the
 * platform follows and why. `docs/interpretations.md` is rendered from this
 * register (a test keeps the two equal). Where code branches on a reading it
 * asks `chosenReading`, so a different reading is chosen here, in one place.
 */
export interface Interpretation {
  id: string;
  citations: Citation[];
  question: Bilingual;
  readings: Reading[];
  chosen: string;
  reason: Bilingual;
  /** Ids of the rules whose outcome depends on the reading. */
  rules: string[];
  /** Exported data that carries the reading, if any. */
  data?: string;
}

export const INTERPRETATIONS = [
  {
    id: 'art35.illegal-gains-fine',
    citations: [{ article: 35 }],
    question: {
      zh: '第三十五条“有违法所得的，没收违法所得，处违法所得三倍罚款”：三倍罚款是代替对单位3万元、对个人1万元的罚款，还是在其之外另处？',
      en: 'Art 35 "where there are illegal gains, the illegal gains are confiscated and a fine of three times the illegal gains is imposed": does the three-times fine replace the fixed fine (30,000 yuan for a unit, 10,000 yuan for an individual), or come on top of it?',
    },
    readings: [
      { id: 'cumulative', text: { zh: '另处：固定罚款照处，另没收违法所得并处违法所得三倍罚款', en: 'On top: the fixed fine stands; the gains are confiscated and three times the gains is fined in addition' } },
      { id: 'instead', text: { zh: '代替：有违法所得的，只处违法所得三倍罚款，不再处固定罚款', en: 'Instead: with illegal gains, only three times the gains is fined, not the fixed amount' } },
      { id: 'higher', text: { zh: '取高：固定罚款与三倍罚款取较高者', en: 'The higher: whichever of the fixed fine and three times the gains is larger' } },
    ],
    chosen: 'cumulative',
    reason: {
      zh: '（一）固定罚款一句不附条件，“有违法所得的”一句以条件增加后果，与同条“给他人造成损失的，依法予以赔偿”“构成犯罪的，依法追究刑事责任”一样是在基本后果之上叠加；（二）条例需要替代时会重述数额，如第三十四条“情节严重的，对单位处3万元罚款，对直接责任人处1万元罚款”，第三十五条没有重述；（三）“代替”会使违法所得少于固定罚款三分之一者比没有违法所得者罚得更轻（例如个人获利100元只罚300元），违背过罚相当（《行政处罚法》第五条）；（四）“取高”在文本中没有依据。罚款总额不超过固定罚款加违法所得三倍。',
      en: '(1) The fixed fine is stated without condition; "where there are illegal gains" adds a consequence under a condition, like "where loss is caused to others, compensation…" and "where it constitutes a crime…" in the same article, which plainly add to the basic consequence. (2) Where the regulation replaces amounts it restates them, as art 34 does for serious cases; art 35 restates nothing. (3) "Instead" would punish an offender with small gains less than one with none (an individual who made 100 yuan would pay 300 yuan instead of 10,000), against proportionality (Administrative Penalty Law art 5). (4) "The higher" has no footing in the text. The total never exceeds the fixed fine plus three times the gains.',
    },
    rules: ['art35.fines-and-confiscation'],
  },
  {
    id: 'art32.payer',
    citations: [{ article: 32 }, { article: 11 }],
    question: {
      zh: '第三十二条“处5000元罚款”没有写明对象：由单位缴纳，还是由单位负责人等个人缴纳？',
      en: 'Art 32 "a fine of 5,000 yuan" names no payer: is it the unit, or its person in charge?',
    },
    readings: [
      { id: 'unit', text: { zh: '单位：罚款由违反第十一条的单位缴纳', en: 'The unit that breached art 11 pays' } },
      { id: 'responsible_person', text: { zh: '个人：比照第三十一条，由单位负责人及相关责任人缴纳', en: 'By analogy with art 31, the person in charge and other responsible persons pay' } },
    ],
    chosen: 'unit',
    reason: {
      zh: '第三十二条处罚违反第十一条的行为，第十一条的义务主体是“应当安装技防系统的单位”；条例要处罚个人时会写明（第三十一条“对单位负责人及相关责任人”、第三十四条“对直接责任人”），第三十二条没有写；处罚法定（《行政处罚法》第四条），不能类推出对个人的罚款。因此由单位缴纳，个人也不能成为第三十二条的当事人。',
      en: 'Art 32 punishes breaches of art 11, whose duties rest on "the unit that must install a system". Where the regulation fines people it names them (art 31 "the person in charge and other responsible persons", art 34 "the directly responsible person"); art 32 names no one. Penalties need an express basis (Administrative Penalty Law art 4) and cannot be extended by analogy. So the unit pays, and an individual cannot be the party under art 32.',
    },
    rules: ['art32.rectify-then-fine', 'art11.i1.maintenance-rules', 'art11.i2.designated-trained-operator', 'art11.i3.captured-information-rules', 'art11.i4.duty-roster-and-emergency-plan'],
  },
  {
    id: 'art23.national-rules',
    citations: [{ article: 23, paragraph: 2 }],
    question: {
      zh: '第二十三条第二款“国家另有规定的，从其规定”：哪些国家规定可以改变三十日的最短留存时间？国家规定的期限较短时，是否也从其规定？',
      en: 'Art 23 ¶2 "where the State provides otherwise, its provisions prevail": which national rules change the 30-day minimum, and does a shorter national period prevail too?',
    },
    readings: [
      {
        id: 'longest_floor',
        text: {
          zh: '较长者：在评估日施行、适用于该类系统的国家规定（法律、行政法规、部门规章、强制性国家标准）规定更长最短期限的，适用更长者；不长于三十日的，结果不变，但一并列出出处',
          en: 'The longer: a national rule (law, administrative regulation, ministerial rule, mandatory national standard) in force on the day and covering the category that sets a longer minimum governs; one that does not changes nothing but is cited alongside',
        },
      },
      { id: 'national_replaces', text: { zh: '替代：有国家规定的，以国家规定的期限代替三十日，即使更短', en: 'Replace: a national period replaces the 30 days, even when shorter' } },
    ],
    chosen: 'longest_floor',
    reason: {
      zh: '两者都是“不少于”的下限，按较长者留存即同时遵守两者，不会使单位违反任何一方；已知的国家规定（国务院令第799号，2025年4月1日起施行）同为不少于三十日；推荐性标准（GB/T、GA/T）不属“国家规定”。最短留存时间按类别（社会公共区域系统、重点单位系统、第十条各项）在RETENTION_FLOORS中逐条配置并注明出处，新增国家规定只需在该表中加一行。若将来出现较短的国家下限或上限，应重新审视本解释。',
      en: 'Both are floors ("no fewer than"); keeping the longer one obeys both and never puts a unit in breach of either. The national rule known (State Council Decree No. 799, in force 2025-04-01) also requires at least 30 days. Recommended standards (GB/T, GA/T) are not "national provisions". The minimum is configured per category (public-area systems, key-unit systems, each art 10 item) in RETENTION_FLOORS with its source; a new national rule is one more row there. Should a shorter national floor, or a maximum, ever appear, this reading must be revisited.',
    },
    rules: ['art23.p2.minimum-retention', 'art23.p2.seal-or-erase-after-expiry'],
    data: 'RETENTION_FLOORS',
  },
  {
    id: 'art10.unit-types',
    citations: [{ article: 10, paragraph: 1 }, { article: 10, paragraph: 2 }],
    question: {
      zh: '第十条第一款列举十二项“场所和部位”：登记中的单位类型如何对应到各项？“大型”“重要”“等”如何判断？',
      en: 'Art 10 ¶1 lists twelve items of "places and parts": how does a registered unit type map to them, and how are "large", "important" and "and the like" judged?',
    },
    readings: [
      {
        id: 'maintained_mapping',
        text: {
          zh: '对照表：维护一张单位类型到项目的对照表；“大型”“重要”体现为登记时所选的类型（如“大型商场”）；表外的单位只有经县以上人民政府确定（第十二项）才属重点单位',
          en: 'A table: a maintained table from unit type to item; "large" and "important" are carried by the type chosen at registration (e.g. large_shopping_mall); a unit outside the table is a key unit only when a county-or-higher government designates it (item 12)',
        },
      },
      { id: 'case_by_case', text: { zh: '逐案认定：不设对照表，由公安机关对每个单位个别认定', en: 'Case by case: no table; the police decide for each unit' } },
    ],
    chosen: 'maintained_mapping',
    reason: {
      zh: '登记、检查和统计都需要稳定的类别；对照表集中在一处维护（UNIT_TYPE_ART10_ITEM），改动即全局生效；条例没有给出规模门槛的数值，由登记时选择类型体现，不编造数值。第（五）项“涉密场所除外”和第（十一）项“已建成并有安装条件”作为例外实现。',
      en: 'Registration, inspection and statistics need stable categories; the table lives in one place (UNIT_TYPE_ART10_ITEM) and a change applies everywhere. The regulation gives no size thresholds, so none are invented: the registering user picks the type. The exceptions of item 5 (secret sites) and item 11 (existing communities only where installation is feasible) are encoded as exceptions.',
    },
    rules: ['art10.p1.key-unit-must-install', 'art10.p2.key-unit-status'],
    data: 'UNIT_TYPE_ART10_ITEM',
  },
  {
    id: 'art8.public-area-kinds',
    citations: [{ article: 8, paragraph: 2 }],
    question: {
      zh: '第八条第二款“广场、公园、主要道路、治安复杂区域路段以及路口，地下通道、过街天桥、隧道、大型桥梁等社会公共区域应当安装技防系统”：列举是否穷尽？“路口”指哪些路口？',
      en: 'Art 8 ¶2 lists "squares, parks, main roads, road sections in areas with complex public order and intersections, underpasses, footbridges, tunnels, large bridges and other public areas": is the list closed, and which intersections are meant?',
    },
    readings: [
      {
        id: 'named_kinds',
        text: {
          zh: '列明的九类：安装义务只及于列明的九类区域；其他区域由政府统筹规划（第五条、第八条第一款），不作违法判断；“路口”指主要道路和治安复杂区域路段的路口',
          en: 'The nine named kinds: the duty reaches the nine kinds named; other areas are for government planning (art 5, art 8 ¶1) and never a violation; "intersections" are those of main roads and complex-order road sections',
        },
      },
      { id: 'open_list', text: { zh: '开放列举：“等”为等外，类似区域同样负有安装义务', en: 'Open list: "and other" reaches similar areas too' } },
      { id: 'all_intersections', text: { zh: '所有路口：任何路口都应当安装', en: 'Every intersection must be covered' } },
    ],
    chosen: 'named_kinds',
    reason: {
      zh: '认定“违反”需要确定的范围：列明的九类可以在登记中确定，“类似区域”无法客观判断；“以及路口”紧接“主要道路、治安复杂区域路段”，读作这些道路的路口，与该句以道路为中心的列举相符。',
      en: 'A violation needs a definite scope: the nine kinds can be recorded, "similar areas" cannot be judged objectively. "And intersections" follows "main roads, road sections in areas with complex public order" and reads as the intersections of those roads, in keeping with a list built around roads.',
    },
    rules: ['art8.p2.required-public-area-coverage'],
    data: 'PUBLIC_AREA_KINDS',
  },
  {
    id: 'art25.others-privacy',
    citations: [{ article: 25, paragraph: 1 }],
    question: {
      zh: '第二十五条第一款“但涉及国家秘密、国家安全和他人隐私的除外”：画面中出现其他人，是否就不得查看？',
      en: 'Art 25 ¶1 "except where state secrets, national security or the privacy of others are involved": does the mere presence of other people in the footage bar viewing?',
    },
    readings: [
      {
        id: 'private_matters',
        text: {
          zh: '私密内容：排除的是揭示他人私密空间、私密活动、私密信息的内容（《民法典》第一千零三十二条）；他人在公共场所偶然入镜本身不是隐私，但查看只限于涉及申请人合法权益的内容（第（四）项），本款只允许查看，不提供复制',
          en: "Private matters: what is excluded is content revealing another person's private space, activities or information (Civil Code art 1032); others appearing incidentally in a public place is not in itself their privacy, but viewing is limited to content concerning the applicant (item 4), and this paragraph allows viewing only, never a copy",
        },
      },
      { id: 'any_third_party', text: { zh: '任何第三人：画面中出现任何可识别的第三人即不得查看', en: 'Any third party: any identifiable third person in the footage bars viewing' } },
    ],
    chosen: 'private_matters',
    reason: {
      zh: '社会公共区域的画面几乎总有他人入镜，按第二种读法第一款将形同虚设；《民法典》所称隐私是私人生活安宁和不愿为他人知晓的私密空间、私密活动、私密信息；第（四）项、“只查看”和民警陪同或持文书查看已经限制了对他人信息的接触，必要时可对无关部分遮蔽。',
      en: 'Public-area footage nearly always shows other people, so the second reading would empty the paragraph. Privacy in the Civil Code is the peace of private life and private space, activities and information one does not wish others to know. Item 4, viewing only, and the presence of an officer or a viewing document already limit exposure of others; unrelated parts can be masked where needed.',
    },
    rules: ['art25.p1.excluded-content', 'art25.p1.only-own-content'],
  },
  {
    id: 'art31.individual-offender',
    citations: [{ article: 31 }],
    question: {
      zh: '第三十一条只规定“对单位处3万元罚款，对单位负责人及相关责任人处5000元罚款”：个人擅自在社会公共区域安装技防系统或者妨碍其运行，逾期不改正的，是否罚款？',
      en: 'Art 31 fines only "the unit 30,000 yuan, its person in charge and other responsible persons 5,000 yuan": is an individual who installs a system in a public area, or obstructs one, and does not rectify in time, fined?',
    },
    readings: [
      { id: 'order_only', text: { zh: '只责令改正：条文没有规定对个人的罚款，只责令限期改正', en: 'Order only: the article sets no fine for individuals; only the rectification order applies' } },
      { id: 'by_analogy_5000', text: { zh: '比照：比照“相关责任人”罚5000元', en: 'By analogy: 5,000 yuan as for "other responsible persons"' } },
    ],
    chosen: 'order_only',
    reason: {
      zh: '处罚法定（《行政处罚法》第四条）：条例没有规定对个人的罚款，不能类推；同一行为如属第二十一条的行为，另依第三十四条处罚；是否构成其他法律上的违法由有关机关依该法处理，平台不作推断。',
      en: 'Penalties need an express basis (Administrative Penalty Law art 4): the article sets no fine for individuals and none can be made up by analogy. Where the same act falls under art 21, art 34 applies to it; whether it breaks another law is for the authority under that law, and the platform does not guess.',
    },
    rules: ['art31.rectify-then-fine'],
  },
  {
    id: 'art34.individual-offender',
    citations: [{ article: 34 }, { article: 21 }],
    question: {
      zh: '第三十四条“对单位处1万元罚款，对直接责任人处5000元罚款”：个人实施第二十一条禁止的行为的，如何处罚？',
      en: 'Art 34 fines "the unit 10,000 yuan and the directly responsible person 5,000 yuan": how is an individual who commits an act art 21 forbids punished?',
    },
    readings: [
      { id: 'as_direct_responsible', text: { zh: '个人即直接责任人：罚5000元，情节严重的罚1万元', en: 'The individual is the directly responsible person: 5,000 yuan, or 10,000 yuan in serious cases' } },
      { id: 'no_fine', text: { zh: '不罚：条文只针对单位及其直接责任人', en: 'No fine: the article speaks only of units and their directly responsible persons' } },
    ],
    chosen: 'as_direct_responsible',
    reason: {
      zh: '第二十一条约束“任何单位和个人”，第三十四条处罚“违反本条例第二十一条规定的”全部行为；“直接责任人”是直接实施行为的人，个人自己实施时就是直接责任人。若个人不罚，第二十一条对个人的禁止将没有罚则。',
      en: 'Art 21 binds "any unit or individual", and art 34 punishes every breach of art 21. The "directly responsible person" is the one who did the act; an individual acting alone is that person. Otherwise art 21 would bind individuals with no sanction.',
    },
    rules: ['art34.fines'],
  },
  {
    id: 'art31-34.obstruction-overlap',
    citations: [{ article: 9, paragraph: 1 }, { article: 21, paragraph: 1, item: 2 }, { article: 31, paragraph: 1, item: 3 }, { article: 34 }],
    question: {
      zh: '妨碍社会公共区域技防系统正常运行，同时违反第九条第一款（第三十一条第（三）项：责令限期改正，逾期不改正罚款）和第二十一条第（二）项（第三十四条：直接罚款）：两条都适用吗？',
      en: 'Obstructing a public-area system breaks both art 9 ¶1 (art 31 (3): rectification order, fine if missed) and art 21 (2) (art 34: immediate fine): do both apply?',
    },
    readings: [
      {
        id: 'higher_fine',
        text: {
          zh: '两条规则都给出结论并注明重合；罚款不累加，按《行政处罚法》第二十九条“按照罚款数额高的规定处罚”',
          en: 'Both rules report, each noting the overlap; fines are not added up: under Administrative Penalty Law art 29 the provision with the higher fine applies',
        },
      },
      { id: 'cumulative', text: { zh: '累加：两条罚款都处', en: 'Cumulative: both fines' } },
      { id: 'special_only', text: { zh: '只适用第三十四条', en: 'Art 34 only' } },
    ],
    chosen: 'higher_fine',
    reason: {
      zh: '《行政处罚法》第二十九条：对当事人的同一个违法行为，不得给予两次以上罚款；同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚。平台列出两项结论，由作出决定的公安机关按较高者处罚。',
      en: 'Administrative Penalty Law art 29: one unlawful act is not fined twice; where it breaks several provisions carrying fines, the one with the higher fine applies. The platform shows both findings and the deciding police organ applies the higher.',
    },
    rules: ['art9.p1.no-obstruction-of-public-area-systems', 'art21.i2.no-obstruction-or-interruption', 'art31.rectify-then-fine', 'art34.fines'],
  },
  {
    id: 'art24.investigating-organs',
    citations: [{ article: 24, paragraph: 1 }, { article: 24, paragraph: 2 }],
    question: {
      zh: '第二十四条第一款“具有法定刑事侦查权和依法具有公共突发事件事故调查权的国家机关”包括哪些机关？',
      en: 'Which organs are "state organs with statutory criminal investigation power or with lawful power to investigate public emergencies and accidents" (art 24 ¶1)?',
    },
    readings: [
      {
        id: 'criminal_procedure_law',
        text: {
          zh: '依《刑事诉讼法》具有侦查权的机关（公安机关含海关缉私部门、国家安全机关、人民检察院、军队保卫部门、中国海警局、监狱）和依法具有突发事件事故调查权的机关；监察委员会和人民法院不在本款之内；第二款只限公安机关、国家安全机关',
          en: 'Organs with investigation power under the Criminal Procedure Law (public security incl. customs anti-smuggling police, state security, procuratorates, military security departments, the China Coast Guard, prisons) and organs lawfully empowered to investigate emergencies and accidents; supervisory commissions and courts are outside this paragraph; ¶2 is for public and state security only',
        },
      },
      { id: 'include_supervisory', text: { zh: '包括监察委员会', en: 'Supervisory commissions included' } },
    ],
    chosen: 'criminal_procedure_law',
    reason: {
      zh: '条文用“刑事侦查权”；《监察法》上的调查不是刑事诉讼法上的侦查，监察机关依《监察法》调取证据，不需要借助本款；法院审判，不侦查。',
      en: 'The text says "criminal investigation power" (侦查); investigation by supervisory commissions under the Supervision Law is a different power and they gather evidence under that law; courts try cases and do not investigate.',
    },
    rules: ['art24.p1.lawful-organ', 'art24.p2.emergency-direct-use'],
    data: 'ORGAN_POWERS',
  },
  {
    id: 'art14.private-places',
    citations: [{ article: 14 }],
    question: {
      zh: '第十四条“等涉及他人隐私的场所和部位”：禁止是否限于列明的场所？“针对居民住宅窗口、门口”如何判断？',
      en: 'Art 14 "and other places and parts involving the privacy of others": is the ban limited to the places named, and when is a device "aimed at" the window or door of a home?',
    },
    readings: [
      {
        id: 'named_plus_marked',
        text: {
          zh: '列明的六类一律禁止；“等”为等外，其他涉及他人隐私的场所（如母婴室、试衣间）登记为“其他涉及他人隐私的场所”，同样禁止；“针对”指设备视场对准住宅窗口或门口，而非偶然拍到',
          en: 'The six named kinds are always forbidden; "and other" reaches further private places (a nursing room, a fitting room), recorded as other_private_place and equally forbidden; "aimed at" means the field of view is pointed at the window or door, not an incidental glimpse',
        },
      },
      { id: 'named_only', text: { zh: '只限列明的六类', en: 'Only the six named kinds' } },
    ],
    chosen: 'named_plus_marked',
    reason: {
      zh: '条文以“涉及他人隐私”为实质标准，列举只是示例；但规则需要确定的输入，因此以登记时的场所标记实现；是否“针对”由登记的设备位置和视场认定。',
      en: 'The test in the text is "involving the privacy of others"; the list gives examples. A rule needs definite input, so the reading is carried by the place recorded for the device; whether it is "aimed at" a home is judged from its recorded position and field of view.',
    },
    rules: ['art14.no-capture-in-private-places'],
    data: 'PRIVATE_PLACE_KINDS',
  },
] as const satisfies readonly Interpretation[];

export type InterpretationId = (typeof INTERPRETATIONS)[number]['id'];
type ReadingOf<I extends InterpretationId> = Extract<(typeof INTERPRETATIONS)[number], { id: I }>['readings'][number]['id'];

/** Readings to use instead of the chosen ones, for a what-if on the interpretation itself. */
export type ReadingOverrides = { [I in InterpretationId]?: ReadingOf<I> };

export function getInterpretation(id: string): Interpretation | undefined {
  return (INTERPRETATIONS as readonly Interpretation[]).find((i) => i.id === id);
}

/** The reading in effect: the override if given, else the register's choice. */
export function chosenReading<I extends InterpretationId>(id: I, overrides: ReadingOverrides = {}): ReadingOf<I> {
  const o = overrides[id];
  if (o !== undefined) return o as ReadingOf<I>;
  return getInterpretation(id)!.chosen as ReadingOf<I>;
}
