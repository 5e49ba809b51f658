import { article, buildText, chapter, item, para } from './build.js';
import type { Instrument } from './types.js';

/**
 * 辽宁省公共安全技术防范条例 — the regulation this platform carries out.
 *
 * The Chinese is the authentic text, reproduced character for character from
 * the published version (a test compares it with the text line by line). The
 * English is a working translation for the platform's users; it follows the
 * glossary used throughout the code (technical prevention system, key unit,
 * captured information, public area, filing, design-scheme review …) and has
 * no legal force.
 *
 * A line that is not an item starts a new paragraph (款); the items (项) that
 * follow a lead line belong to that paragraph.
 */
const text = buildText([
  chapter(1, '总 则', 'General Provisions', [
    article(
      1,
      para(
        '为了加强公共安全技术防范，维护公共安全，保护公民、法人和其他组织的合法权益，根据有关法律、法规，结合本省实际，制定本条例。',
        'These Regulations are formulated in accordance with the relevant laws and regulations and in the light of the actual circumstances of this Province, for the purposes of strengthening public security technical prevention, maintaining public security, and protecting the lawful rights and interests of citizens, legal persons and other organizations.',
      ),
    ),
    article(
      2,
      para(
        '在本省行政区域内从事公共安全技术防范活动及其监督管理，适用本条例。',
        'These Regulations apply to public security technical prevention activities carried out within the administrative area of this Province, and to their supervision and administration.',
      ),
    ),
    article(
      3,
      para(
        '本条例所称公共安全技术防范，是指运用安全技术防范产品和安全技术防范系统，预防、制止违法犯罪，维护公共安全的活动。',
        'For the purposes of these Regulations, public security technical prevention means activities that use security technical prevention products and security technical prevention systems to prevent and stop illegal and criminal acts and to maintain public security.',
      ),
      para(
        '安全技术防范产品（以下简称技防产品），是指用于防抢劫、防盗窃、防爆炸、防入侵、防破坏等防止国家、集体、个人财产以及人身安全受到侵害并列入国家《安全技术防范产品目录》的专用产品。',
        'Security technical prevention products (hereinafter "technical prevention products") means special-purpose products that are used to protect the property of the State, collectives and individuals and personal safety from harm, such as protection against robbery, theft, explosion, intrusion and sabotage, and that are included in the national Catalogue of Security Technical Prevention Products.',
      ),
      para(
        '安全技术防范系统（以下简称技防系统），是指综合运用技防产品和其他相关产品组合形成的入侵报警系统、视频和音频监控系统、出入口识别控制系统、防盗抢防护系统、防爆安全检查系统等，或者以这些系统为子系统组合、集成的电子系统或者网络。',
        'Security technical prevention systems (hereinafter "technical prevention systems") means intrusion alarm systems, video and audio surveillance systems, entrance and exit identification and control systems, anti-theft and anti-robbery protection systems, explosive security inspection systems and the like, formed by the combined use of technical prevention products and other related products, or electronic systems or networks that combine or integrate these systems as subsystems.',
      ),
    ),
    article(
      4,
      para(
        '公共安全技术防范工作应当遵循合法、公开、有序、适当的原则。',
        'Public security technical prevention work shall follow the principles of legality, openness, order and appropriateness.',
      ),
      para(
        '任何单位和个人不得利用技防系统侵犯公民、法人和其他组织的合法权益。',
        'No unit or individual may use a technical prevention system to infringe the lawful rights and interests of citizens, legal persons or other organizations.',
      ),
    ),
    article(
      5,
      para(
        '省、市、县（含县级市、区，下同）人民政府应当加强对公共安全技术防范工作的领导，建立协调工作机制，统筹社会公共区域技防系统的规划建设、资金保障、资源整合与综合利用，并将其纳入城乡建设和社会发展规划以及社会综合治理体系。',
        "The people's governments of the Province, cities and counties (including county-level cities and districts; the same applies below) shall strengthen their leadership over public security technical prevention work, establish coordination mechanisms, make overall arrangements for the planning and construction, funding, integration of resources and comprehensive use of technical prevention systems in public areas, and incorporate them into urban and rural construction and social development plans and into the system of comprehensive social governance.",
      ),
    ),
    article(
      6,
      para(
        '省、市、县公安机关主管公共安全技术防范的监督管理工作。',
        'The public security organs of the Province, cities and counties are in charge of the supervision and administration of public security technical prevention.',
      ),
      para(
        '发展和改革、财政、住房和城乡建设、工商行政管理、质量技术监督、安全生产监督等部门在各自职责范围内，做好公共安全技术防范的有关工作。',
        'The departments of development and reform, finance, housing and urban-rural development, administration for industry and commerce, quality and technical supervision, work safety supervision and others shall, within their respective remits, carry out the related work of public security technical prevention.',
      ),
    ),
    article(
      7,
      para(
        '国家机关、企业事业单位以及其他组织应当增强安全技术防范意识，依法履行防范义务，做好本单位的公共安全技术防范工作。',
        'State organs, enterprises, public institutions and other organizations shall raise their awareness of security technical prevention, perform their prevention obligations according to law, and carry out the public security technical prevention work of their own units properly.',
      ),
      para(
        '有关行业组织应当依法推动行业自律，开展行业培训和服务诚信建设，配合公安机关等有关部门做好公共安全技术防范工作。',
        'The relevant trade organizations shall, according to law, promote self-discipline within the trade, carry out training for the trade and the building of integrity in services, and assist the public security organs and other relevant departments in public security technical prevention work.',
      ),
    ),
  ]),
  chapter(2, '技防系统管理', 'Administration of Technical Prevention Systems', [
    article(
      8,
      para(
        '社会公共区域的技防系统属于市政基础设施，应当由市或者县人民政府指派有关部门统一组织规划建设、运行维护，并提供建设、运行、维护的资金。',
        "Technical prevention systems in public areas are municipal infrastructure; the people's government of the city or county shall designate the relevant departments to organize their planning and construction and their operation and maintenance in a unified way, and shall provide the funds for their construction, operation and maintenance.",
      ),
      para(
        '广场、公园、主要道路、治安复杂区域路段以及路口，地下通道、过街天桥、隧道、大型桥梁等社会公共区域应当安装技防系统。',
        'Technical prevention systems shall be installed in public areas such as squares, parks, main roads, road sections and intersections in areas where public order is complex, underpasses, footbridges, tunnels and large bridges.',
      ),
    ),
    article(
      9,
      para(
        '除政府组织建设社会公共区域技防系统外，任何单位和个人不得在社会公共区域安装技防系统，不得妨碍社会公共区域技防系统的正常运行。',
        'Except for technical prevention systems in public areas whose construction is organized by the government, no unit or individual may install a technical prevention system in a public area, or obstruct the normal operation of a technical prevention system in a public area.',
      ),
      para(
        '因市政施工建设等公共利益需要，确需调整社会公共区域技防系统的，建设单位应当事先征求当地市或者县公安机关意见，并在恢复原状或者复建方案协商一致后施工。',
        'Where a technical prevention system in a public area truly needs to be adjusted because of the needs of the public interest, such as municipal construction works, the construction unit shall seek the opinion of the local city or county public security organ in advance, and shall begin construction only after agreement has been reached on a plan for restoring the original state or for rebuilding.',
      ),
    ),
    article(
      10,
      para(
        '下列场所和部位应当安装技防系统：',
        'Technical prevention systems shall be installed in the following places and parts:',
        [
          item('（一）广播电台、电视台、通讯社等重要新闻单位；', '(1) important news organizations such as radio stations, television stations and news agencies;'),
          item('（二）港口、码头、机场、地铁、大型车站等交通枢纽以及公共交通工具；', '(2) transport hubs such as ports, wharves, airports, metros and large stations, and public transport vehicles;'),
          item('（三）电信、邮政、金融机构的营业、存放场所，印制、存放、销毁有价证券场所；', '(3) the business and storage premises of telecommunications, postal and financial institutions, and premises where negotiable securities are printed, stored or destroyed;'),
          item('（四）大型能源动力设施、水利设施和城市水、电、燃气、热力供应设施以及油库、加油（气）站；', '(4) large energy and power facilities, water conservancy facilities, urban water, electricity, gas and heat supply facilities, and oil depots and filling (gas) stations;'),
          item('（五）重要科研、生产单位的研究、试验和资料存放场所，涉密场所除外；', '(5) the research, testing and records storage premises of important scientific research and production units, except premises involving State secrets;'),
          item('（六）重要物资仓库，以及排放污染物的企业事业单位的生产、存放场所；', '(6) important materials warehouses, and the production and storage premises of enterprises and public institutions that discharge pollutants;'),
          item('（七）学校、幼儿园、医疗机构，大型商场、农贸市场以及文化娱乐场所、体育场馆、宾馆、酒店、旅游景区等人员密集场所；', "(7) crowded places such as schools, kindergartens, medical institutions, large shopping malls, farmers' markets, cultural and entertainment venues, sports venues, guesthouses, hotels and tourist attractions;"),
          item('（八）重点文物保护单位、档案馆等用于收藏、陈列、展览具有重要价值的物品、资料的场所或者部位；', '(8) premises or parts used for collecting, displaying or exhibiting articles and materials of important value, such as key cultural relics protection units and archives;'),
          item('（九）易燃、易爆、剧毒、放射性物品，或者管制药品和病菌等危险物品的研制、生产、销售、存放场所或者部位；', '(9) premises or parts where dangerous articles, such as flammable, explosive, highly toxic or radioactive articles, or controlled drugs and pathogens, are developed, produced, sold or stored;'),
          item('（十）印制、存储属于国家秘密的文件、试卷、信息等资料的场所或者部位；', '(10) premises or parts where documents, examination papers, information and other materials that are State secrets are printed or stored;'),
          item('（十一）新建居民住宅小区和已建成并有安装条件的居民小区；', '(11) newly built residential quarters, and existing residential quarters where the conditions for installation exist;'),
          item('（十二）县以上人民政府确定的其他重要场所和部位。', "(12) other important places and parts determined by the people's governments at or above the county level."),
        ],
      ),
      para(
        '具有前款规定场所和部位的单位属于技术防范重点单位，应当由本单位负责安装建设和管理、使用、维护技防系统，履行公共安全技术防范责任。',
        'Units that have places or parts specified in the preceding paragraph are key units of technical prevention (key units); they shall themselves be responsible for installing and building, and for managing, using and maintaining, technical prevention systems, and shall fulfil their responsibilities for public security technical prevention.',
      ),
    ),
    article(
      11,
      para(
        '应当安装技防系统的单位应当履行下列义务：',
        'A unit that is required to install a technical prevention system shall perform the following obligations:',
        [
          item('（一）制定技防系统使用、保养、维护和更新制度；', '(1) establish rules for the use, upkeep, maintenance and renewal of the technical prevention system;'),
          item('（二）指定专人负责技防系统的运行、维护、管理工作，并对其进行相应业务培训，保障正常运行；', '(2) designate specific persons to be responsible for the operation, maintenance and management of the technical prevention system, give them the corresponding professional training, and ensure its normal operation;'),
          item('（三）建立技防系统使用中所采集的信息资料（以下简称采获信息）的查询、调取、登记和保密制度；', '(3) establish rules for querying, retrieving, registering and keeping confidential the information and materials collected in the use of the technical prevention system (hereinafter "captured information");'),
          item('（四）建立相应的值班制度和应急处置预案。', '(4) establish a corresponding duty system and an emergency response plan.'),
        ],
      ),
    ),
    article(
      12,
      para(
        '应当安装技防系统的新建、改建、扩建建设工程，建设单位应当将技防系统与建设工程同步设计、同步施工、同步验收，并在建设工程验收结论中说明技防系统的验收情况。',
        'For new construction, reconstruction and extension projects in which a technical prevention system is required to be installed, the construction unit shall design, build and accept the technical prevention system at the same time as the construction project, and shall state the results of the acceptance of the technical prevention system in the acceptance conclusions of the construction project.',
      ),
      para(
        '社会公共区域和技术防范重点单位技防系统的设计方案，应当由建设单位组织设计、施工单位和技术专家进行论证，或者委托具有相应资质的专业机构论证，并在论证通过后进行施工图设计和施工。',
        'The design scheme of a technical prevention system of a public area or of a key unit shall undergo design-scheme review, organized by the construction unit with the design and construction units and technical experts, or entrusted to a professional institution with the corresponding qualifications; construction drawings shall be designed and construction carried out only after the scheme has passed the review.',
      ),
    ),
    article(
      13,
      para(
        '技防系统的设计、安装、验收应当符合国家标准、行业标准或者地方标准。',
        'The design, installation and acceptance of technical prevention systems shall conform to national standards, industry standards or local standards.',
      ),
    ),
    article(
      14,
      para(
        '禁止在宾馆客房、集体宿舍的寝室、公共浴室、更衣室、卫生间以及针对居民住宅窗口、门口等涉及他人隐私的场所和部位安装、使用具有视（音）频采集功能的技防系统。',
        "It is prohibited to install or use technical prevention systems with video (audio) capture functions in places and parts that involve the privacy of others, such as guest rooms of hotels, bedrooms of collective dormitories, public baths, changing rooms and toilets, or aimed at the windows and doors of residents' homes.",
      ),
    ),
    article(
      15,
      para(
        '在具有视频采集功能技防系统的覆盖区域，应当设置明显提示性的标识。标识的样式由省公安机关统一制定。',
        'Conspicuous signage giving notice shall be set up in the areas covered by technical prevention systems with video capture functions. The design of the signage shall be prescribed uniformly by the provincial public security organ.',
      ),
    ),
    article(
      16,
      para(
        '从事技防系统设计、安装、维护和报警运营服务的单位应当具备下列条件，并持相应证明材料到经营场所所在地的市公安机关备案：',
        'A unit engaged in the design, installation and maintenance of technical prevention systems and in alarm operation services shall meet the following conditions and shall, with the corresponding supporting documents, make a filing with the public security organ of the city where its business premises are located:',
        [
          item('（一）营业执照；', '(1) a business licence;'),
          item('（二）有与经营业务相适应的经过专业培训的管理、技术人员；', '(2) management and technical personnel, with professional training, appropriate to its business;'),
          item('（三）有与经营业务相适应的技术设备和场所；', '(3) technical equipment and premises appropriate to its business;'),
          item('（四）有健全的安全管理和岗位责任制度；', '(4) sound rules on security management and on post responsibilities;'),
          item('（五）法律、法规规定的其他条件。', '(5) other conditions prescribed by laws and regulations.'),
        ],
      ),
    ),
    article(
      17,
      para(
        '在本省从事技防系统设计、安装、维护和报警运营服务的外省单位和个人，应当持相应证明材料到省公安机关备案。',
        'Units and individuals from other provinces engaged in the design, installation and maintenance of technical prevention systems and in alarm operation services in this Province shall make a filing with the provincial public security organ with the corresponding supporting documents.',
      ),
    ),
    article(
      18,
      para(
        '省、市公安机关收到备案材料后，应当及时将备案单位名录向社会公布。',
        'After receiving filing materials, the provincial and city public security organs shall promptly publish the list of filed units to the public.',
      ),
    ),
    article(
      19,
      para(
        '涉及国家秘密、国家安全技防系统的安装和报警运营服务，经有关部门依法履行程序后，应当由符合国家规定的单位承担。',
        'The installation of, and alarm operation services for, technical prevention systems involving State secrets or national security shall, after the relevant departments have carried out the procedures according to law, be undertaken by units that meet the requirements of the State.',
      ),
    ),
    article(
      20,
      para(
        '从事技防系统设计、安装、维护和报警运营服务的单位应当履行下列义务：',
        'A unit engaged in the design, installation and maintenance of technical prevention systems and in alarm operation services shall perform the following obligations:',
        [
          item('（一）对从业人员进行业务和保密教育培训；', '(1) give its employees professional and confidentiality education and training;'),
          item('（二）依法施工，并将相关建设资料存档备查；', '(2) carry out construction according to law, and keep the related construction materials on file for inspection;'),
          item('（三）对在业务中涉及的客户信息保守秘密；', '(3) keep confidential the customer information it comes into contact with in its business;'),
          item('（四）设计、安装、维护符合相关标准并保证质量，履行服务承诺。', '(4) design, install and maintain in conformity with the relevant standards and guarantee quality, and honour its service commitments.'),
        ],
      ),
    ),
    article(
      21,
      para(
        '对社会公共区域和技术防范重点单位的技防系统，任何单位和个人不得有下列行为：',
        'No unit or individual may commit any of the following acts against the technical prevention systems of public areas and key units:',
        [
          item('（一）损坏或者擅自拆除技防系统；', '(1) damaging, or removing without authorization, a technical prevention system;'),
          item('（二）妨碍或者擅自中断技防系统的正常使用；', '(2) obstructing, or interrupting without authorization, the normal use of a technical prevention system;'),
          item('（三）擅自改变技防系统的用途和使用范围；', '(3) changing without authorization the purpose or the scope of use of a technical prevention system;'),
          item('（四）删改或者破坏技防系统的运行程序和运行记录；', '(4) deleting, altering or destroying the operating programs or operating records of a technical prevention system;'),
          item('（五）破坏或者妨碍技防系统正常使用的其他行为。', '(5) other acts that destroy or obstruct the normal use of a technical prevention system.'),
        ],
      ),
    ),
  ]),
  chapter(3, '信息使用管理', 'Administration of the Use of Information', [
    article(
      22,
      para(
        '任何单位和个人不得有下列行为：',
        'No unit or individual may commit any of the following acts:',
        [
          item('（一）买卖或者违法使用、传播采获信息；', '(1) buying or selling captured information, or using or disseminating it unlawfully;'),
          item('（二）利用采获信息侵犯他人隐私权或者其他合法权益；', '(2) using captured information to infringe the right of privacy or other lawful rights and interests of others;'),
          item('（三）擅自提供、复制、翻拍或者删改、隐匿、毁弃采获信息；', '(3) without authorization, providing, copying or re-photographing captured information, or deleting, altering, concealing or destroying it;'),
          item('（四）违法使用采获信息的其他行为。', '(4) other acts of unlawful use of captured information.'),
        ],
      ),
    ),
    article(
      23,
      para(
        '技防系统使用单位应当采取技术手段，加强对采获信息的管理，保障信息安全。',
        'Units using technical prevention systems shall adopt technical means to strengthen the management of captured information and ensure information security.',
      ),
      para(
        '社会公共区域和技术防范重点单位技防系统的采获信息留存时间不得少于三十日。国家另有规定的，从其规定。留存期满，公安机关没有要求提取的，即可以自行封存或者消除。',
        'Captured information of the technical prevention systems of public areas and key units shall be retained for no less than thirty days. Where the State provides otherwise, those provisions apply. When the retention period has expired and the public security organ has not requested extraction, the information may be sealed or erased by the unit itself.',
      ),
    ),
    article(
      24,
      para(
        '具有法定刑事侦查权和依法具有公共突发事件事故调查权的国家机关，其工作人员依法履行职务时可以查看、复制、使用采获信息。查看、复制、使用采获信息时应当遵守下列规定：',
        'Staff of State organs that have statutory power of criminal investigation, or lawful power to investigate public emergencies and accidents, may view, copy and use captured information when performing their duties according to law. When viewing, copying or using captured information they shall comply with the following provisions:',
        [
          item('（一）工作人员不得少于两人；', '(1) there shall be no fewer than two staff members;'),
          item('（二）出示单位证明和工作证件；', '(2) they shall produce a certificate of their unit and their work credentials;'),
          item('（三）履行相关登记手续；', '(3) they shall complete the relevant registration formalities;'),
          item('（四）获取的信息只限于执行职务需要范围，并承担保密义务。', '(4) the information obtained shall be limited to the scope needed for performing their duties, and they shall bear an obligation of confidentiality.'),
        ],
      ),
      para(
        '为了国家利益、社会公共利益，在紧急情况下，公安机关、国家安全机关可以直接使用相关的技防系统，也可以将该系统接入其指定的技防系统或者其他技术平台。',
        'In the interests of the State or the public interest, in an emergency, the public security organs and State security organs may use the relevant technical prevention system directly, and may also connect that system to a technical prevention system or other technical platform that they designate.',
      ),
    ),
    article(
      25,
      para(
        '社会公共区域和技术防范重点单位技防系统使用单位以外的公民、法人和其他组织，因涉及其合法权益事由，可以按照下列规定申请查看社会公共区域和技术防范重点单位的采获信息，但涉及国家秘密、国家安全和他人隐私的除外：',
        'Citizens, legal persons and other organizations, other than the units using the technical prevention systems of public areas and key units, may, for reasons concerning their lawful rights and interests, apply in accordance with the following provisions to view captured information of public areas and key units, except where State secrets, national security or the privacy of others are involved:',
        [
          item('（一）到当地公安派出所登记，说明查看理由并提供居民身份证；', '(1) register at the local police station, stating the reasons for viewing and producing a resident identity card;'),
          item('（二）经公安派出所同意，由公安民警现场陪同或者持公安派出所出具的查看采获信息文书进行查看；', '(2) with the consent of the police station, view the information accompanied on site by a police officer, or holding a document for viewing captured information issued by the police station;'),
          item('（三）到采获单位履行相关登记手续；', '(3) complete the relevant registration formalities at the unit that captured the information;'),
          item('（四）查看的信息只限于涉及其合法权益的内容。', '(4) the information viewed shall be limited to content concerning their lawful rights and interests.'),
        ],
      ),
      para(
        '需要调取作为行政、民事、刑事案件证据的采获信息的，由负有举证责任一方向公安机关提出书面申请，并出具有效证明，经公安机关备案并出具手续后，持相关手续进行调取。',
        'Where captured information needs to be retrieved as evidence in an administrative, civil or criminal case, the party bearing the burden of proof shall submit a written application to the public security organ and produce valid proof; after the public security organ has placed the application on file and issued the formalities, the information shall be retrieved upon presentation of those formalities.',
      ),
    ),
  ]),
  chapter(4, '监督管理', 'Supervision and Administration', [
    article(
      26,
      para(
        '公安机关应当开展安全技术防范工作监督检查，及时发现并督促整改安全技术防范隐患，进行安全技术防范宣传教育。',
        'Public security organs shall carry out supervisory inspections of security technical prevention work, promptly discover security technical prevention hazards and urge their rectification, and conduct publicity and education on security technical prevention.',
      ),
    ),
    article(
      27,
      para(
        '公安机关实施监督检查包括下列内容：',
        'Supervisory inspections carried out by public security organs cover the following:',
        [
          item('（一）技术防范重点单位依法履行技防系统安装义务的情况；', '(1) whether key units perform their obligation to install technical prevention systems according to law;'),
          item('（二）技术防范重点单位建立和执行日常运行维护、采获信息管理和使用等制度情况；', '(2) whether key units establish and implement rules on day-to-day operation and maintenance, and on the management and use of captured information;'),
          item('（三）生产和销售技防产品的单位和个人执行国家相关规定的情况、程序和技防系统设计、施工、维护、报警运营服务单位的备案情况；', '(3) the implementation of the relevant State provisions and procedures by units and individuals that produce and sell technical prevention products, and the filing of units providing design, construction, maintenance and alarm operation services for technical prevention systems;'),
          item('（四）社会公共区域和技术防范重点单位技防系统的方案论证和工程检验、验收情况；', '(4) the design-scheme review, engineering inspection and acceptance of the technical prevention systems of public areas and key units;'),
          item('（五）其他依法需要监督检查的事项。', '(5) other matters subject to supervisory inspection according to law.'),
        ],
      ),
      para(
        '公安机关实施监督检查时，有关单位和个人应当予以配合。',
        'When public security organs carry out supervisory inspections, the units and individuals concerned shall cooperate.',
      ),
    ),
    article(
      28,
      para(
        '从事技防系统设计、安装、维护及报警运营服务的单位，发生违法行为，或者因服务受到用户投诉，公安机关应当在查证属实后将其列入目录，向社会发布警示公告。',
        'Where a unit engaged in the design, installation and maintenance of technical prevention systems or in alarm operation services commits an illegal act, or is the subject of complaints from users about its services, the public security organ shall, after verifying the facts, enter it in a list and issue a warning announcement to the public.',
      ),
    ),
    article(
      29,
      para(
        '公安机关及其工作人员依法实施备案公示、监督检查时，不得收取费用或者谋取其他利益，不得指定产品和服务，不得利用职权影响、限制当事人的自主选择权。',
        "When carrying out the publication of filings and supervisory inspections according to law, public security organs and their staff shall not charge fees or seek other benefits, shall not designate products or services, and shall not use their powers to influence or restrict the parties' right of independent choice.",
      ),
    ),
    article(
      30,
      para(
        '对利用采获信息为公安机关查处违法犯罪活动提供重要线索或者证据，以及利用技防系统制止犯罪活动的单位和个人，由公安机关给予表彰或者奖励。',
        'Units and individuals that use captured information to provide important leads or evidence to public security organs for investigating and dealing with illegal and criminal activities, or that use technical prevention systems to stop criminal activities, shall be given commendations or rewards by the public security organs.',
      ),
    ),
  ]),
  chapter(5, '法律责任', 'Legal Liability', [
    article(
      31,
      para(
        '违反本条例规定，有下列情形之一的，由公安机关责令限期改正；逾期不改正的，对单位处3万元罚款，对单位负责人及相关责任人处5000元罚款：',
        'Where, in violation of these Regulations, any of the following circumstances occurs, the public security organ shall order rectification within a time limit; where it is not rectified within the time limit, the unit shall be fined 30,000 yuan, and the person in charge of the unit and the other responsible persons shall be fined 5,000 yuan:',
        [
          item('（一）未依法安装技防系统的；', '(1) failing to install a technical prevention system according to law;'),
          item('（二）擅自在社会公共区域安装技防系统的；', '(2) installing a technical prevention system in a public area without authorization;'),
          item('（三）妨碍社会公共区域技防系统正常运行的；', '(3) obstructing the normal operation of a technical prevention system in a public area;'),
          item('（四）社会公共区域和技术防范重点单位技防系统设计方案未经论证或者论证未通过或者未按照论证方案进行施工的。', '(4) the design scheme of a technical prevention system of a public area or of a key unit has not undergone design-scheme review, or has failed the review, or construction has not been carried out in accordance with the reviewed scheme.'),
        ],
      ),
    ),
    article(
      32,
      para(
        '违反本条例第十一条规定的，由公安机关责令限期改正；逾期不改正的，处5000元罚款。',
        'Where Article 11 of these Regulations is violated, the public security organ shall order rectification within a time limit; where it is not rectified within the time limit, a fine of 5,000 yuan shall be imposed.',
      ),
    ),
    article(
      33,
      para(
        '违反本条例第十四条规定的，由公安机关责令拆除；拒不拆除的，依法予以强制拆除；构成侵犯他人隐私权的，对直接责任人依照《中华人民共和国治安管理处罚法》的相关规定处罚；构成犯罪的，依法追究刑事责任。',
        "Where Article 14 of these Regulations is violated, the public security organ shall order removal; where removal is refused, forced removal shall be carried out according to law; where the act constitutes an infringement of the right of privacy of others, the directly responsible person shall be punished in accordance with the relevant provisions of the Law of the People's Republic of China on Penalties for Administration of Public Security; where a crime is constituted, criminal liability shall be pursued according to law.",
      ),
    ),
    article(
      34,
      para(
        '违反本条例第二十一条规定的，由公安机关对单位处1万元罚款，对直接责任人处5000元罚款；情节严重的，对单位处3万元罚款，对直接责任人处1万元罚款；造成损失的，依法予以赔偿；构成犯罪的，依法追究刑事责任。',
        'Where Article 21 of these Regulations is violated, the public security organ shall impose a fine of 10,000 yuan on the unit and 5,000 yuan on the directly responsible person; where the circumstances are serious, a fine of 30,000 yuan on the unit and 10,000 yuan on the directly responsible person; where losses are caused, compensation shall be made according to law; where a crime is constituted, criminal liability shall be pursued according to law.',
      ),
    ),
    article(
      35,
      para(
        '违反本条例第二十二条第一项、第三项、第四项规定的，由公安机关对单位处3万元罚款，对个人处1万元罚款；有违法所得的，没收违法所得，处违法所得三倍罚款；给他人造成损失的，依法予以赔偿；构成犯罪的，依法追究刑事责任。',
        'Where item (1), (3) or (4) of Article 22 of these Regulations is violated, the public security organ shall impose a fine of 30,000 yuan on a unit and 10,000 yuan on an individual; where there are illegal gains, the illegal gains shall be confiscated and a fine of three times the illegal gains imposed; where losses are caused to others, compensation shall be made according to law; where a crime is constituted, criminal liability shall be pursued according to law.',
      ),
    ),
    article(
      36,
      para(
        '公安机关和其他有关部门工作人员在安全技术防范管理工作中，有下列情形之一的，依法给予行政处分；构成犯罪的，依法追究刑事责任：',
        'Where staff of public security organs or other relevant departments are, in security technical prevention administration, in any of the following circumstances, they shall be given administrative sanctions according to law; where a crime is constituted, criminal liability shall be pursued according to law:',
        [
          item('（一）未依法履行安全技术防范监督管理或者行业指导职责，造成严重危害后果的；', '(1) failing to perform the duties of supervision and administration of security technical prevention, or of guidance of the trade, according to law, causing serious harmful consequences;'),
          item('（二）在实施备案公告、监督检查过程中，收取费用或者谋取其他利益的；', '(2) charging fees or seeking other benefits in the course of the publication of filings or supervisory inspections;'),
          item('（三）指定产品和服务或者利用职权影响、限制当事人自主选择权的；', "(3) designating products or services, or using their powers to influence or restrict the parties' right of independent choice;"),
          item('（四）在安全技术防范管理工作中玩忽职守、徇私舞弊、滥用职权的其他情形。', '(4) other circumstances of dereliction of duty, favouritism and malpractice, or abuse of power in security technical prevention administration.'),
        ],
      ),
    ),
  ]),
  chapter(6, '附 则', 'Supplementary Provisions', [
    article(
      37,
      para(
        '本条例自2015年2月1日起施行。',
        'These Regulations come into force on 1 February 2015.',
      ),
    ),
  ]),
]);

export const LIAONING_2014: Instrument = {
  id: 'liaoning-2014',
  title: {
    zh: '辽宁省公共安全技术防范条例',
    en: 'Liaoning Province Regulations on Public Security Technical Prevention',
  },
  citedAs: { zh: '《辽宁省公共安全技术防范条例》', en: 'Liaoning Regulations' },
  adopted: '2014-11-27',
  adoptedBy: {
    zh: '2014年11月27日辽宁省第十二届人民代表大会常务委员会第十四次会议通过',
    en: "Adopted at the 14th Meeting of the Standing Committee of the 12th People's Congress of Liaoning Province on 27 November 2014",
  },
  /** @see art 37 */
  inForce: '2015-02-01',
  level: 'provincial-regulation',
  textAvailable: true,
  chapters: text.chapters,
  articles: text.articles,
};
