"""Directive extraction: sentences that tell someone to do something or commit to doing it.

Developed on the directive sections of the seed articles (gold/*.json: 32 directives in 8 documents,
plus two sections about past work that hold none) and on the 2026 政府工作报告 of the corpus (工作回顾 vs
重点工作 sections). The cases marked "own" are written for this suite in the same genre, not copied.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest

from policykb.extract.directives import (
    extract_directives,
    has_past_marker,
    is_reporting_heading,
    mask_quotes,
    modality_of,
)
from policykb.records import MODALITIES

from .conftest import SEEDS

# (sentence, modality or None) — the sentence read on its own.
SEED_SENTENCES = [
    ("要学深悟透习近平总书记关于高质量发展的重要论述。", "should"),
    (
        "内蒙古公安工作高质量发展，必须坚持党对公安工作的绝对领导，牢牢把握“两个确立”的决定性意义，"
        "始终坚守“两个维护”的最高政治原则和根本政治规矩，才能保持正确航向、战胜风险挑战、实现高质量发展。",
        "must",
    ),
    (
        "公安机关是党和人民手中掌握的“刀把子”,必须把旗帜鲜明讲政治作为根本要求和首要任务,大力加强党的政治建设。",
        "must",
    ),
    # 必须 inside quotation marks does not govern: the bare imperative 深入贯彻 does.
    (
        "深入贯彻党的政法工作条例和公安部、自治区《实施意见》,严格落实公安机关党建工作责任制,"
        "认真履行“上级一把手必须抓好下级一把手”、政工干部向上级党组织报告履职等政治要求。",
        "should",
    ),
    (
        "要充分发挥党领导公安工作的政治优势、组织优势、密切联系群众优势,切实增强“四个意识”,"
        "坚定“四个自信”,做到“两个维护”,坚决贯彻落实党中央决策部署,为公安工作高质量发展提供坚强政治保证。",
        "should",
    ),
    (
        "近年来,内蒙古公安机关的政治生态一度遭到严重污染,必须除弊革新、正本清源,"
        "从思想上政治上组织上作风上坚决彻底全面肃清流毒影响,决不允许做“两面人”、搞“伪忠诚”。",
        "must",
    ),
    (
        "在推进公安工作现代化的进程中,我们将认真学习贯彻习近平总书记关于新时代公安工作的重要论述,"
        "牢记“公安姓党”的根本政治属性,严守政治纪律和政治规矩。",
        "will",
    ),
    (
        "自觉以党的诞生地、初心始发地、伟大建党精神孕育地公安机关的政治站位、政治自觉,坚持政治建警牵头把总,"
        "确保全警在任何时候任何情况下都坚决听从习近平总书记命令、服从党中央指挥。",
        "should",
    ),
    (
        "把全面彻底肃清孙力军政治团伙流毒影响作为一项重大和长期的政治任务,结合推进党纪学习教育,"
        '坚定从思想和制度上正本清源、挖根祛毒,确保队伍"坚定纯洁、让党放心"。',
        "should",
    ),
    (
        '坚决落实新时代党的建设总要求和党的组织路线,以"四强"党支部创建等活动为抓手,传承红色基因、发扬优良传统,'
        "切实增强基层党组织政治功能和组织功能。",
        "must",
    ),
    ("第三,必须明确公安工作与社会治理体系和治理能力现代化两者之间的包容关系。", "must"),
    (
        "藏区社会治理体系和治理能力现代化建设要全社会齐抓共管,意味着对公安工作的要求更高了,"
        "公安机关应更好地发挥职能作用,积极参与社会治理体系和治理能力现代化各项工作。",
        "should",
    ),
    # Statements in the same sections that are no directives.
    ("党政军民学、东西南北中,党是领导一切的。", None),
    (
        "治理体系和治理能力现代化是在各级党委、政府的统一领导下,建立健全党政“一把手”负责、"
        "多部门参与的平安建设工作领导机制。",
        None,
    ),
    ('习近平总书记指出:"坚持和加强党的全面领导,关系党和国家前途命运。"', None),
    (
        "全区公安机关严格执行《中国共产党政法工作条例》,严守党的政治纪律和政治规矩,持之以恒推进全面从严治党。",
        None,
    ),
    # 向科技要警力: 要 as a full verb, and 将…作为 meaning 把 (seed 004, a section about past work).
    ("坚持向科技要警力、要战斗力。", "should"),
    ("将打击治理电信网络诈骗犯罪作为民生工程、平安工程来抓。", "should"),
    ("有效提升了派出所主动防范、精准打击、服务群众的能力。", None),
]

# Own cases: the genre's traps.
OWN_SENTENCES = [
    ("各级公安机关要切实履行主体责任，确保各项措施落到实处。", "should"),
    ("这是当前公安工作的一项重要任务。", None),  # 重要
    ("主要做法是建立健全工作机制。", None),  # 主要
    ("需要指出的是，部分地区仍存在薄弱环节。", None),  # 需要…的是
    ("市委的要求是把安全稳定放在首位。", None),  # 要求 as a noun
    ("省厅即将召开全省公安工作会议。", None),  # 即将: a prediction
    ("将来，智慧警务将成为主流。", None),  # 将来, and 将成为 is a forecast
    ("全省将近两千名民警参加了培训。", None),  # 将近
    ("应对突发事件的能力显著增强。", None),  # 应对 is no modal 应
    pytest.param(
        "提升执法规范化水平的各项措施全面落地。",
        None,
        marks=pytest.mark.xfail(
            strict=True, reason="a task verb heading a noun subject (提升…的措施) is not detected"
        ),
    ),
    pytest.param(
        "焕新商品消费，加力扩围实施“两新”政策。",
        "should",
        marks=pytest.mark.xfail(strict=True, reason="a task verb missing from directive_verbs.txt (焕新)"),
    ),
    ("应急管理体系不断完善。", None),  # 应急
    ("各地应当建立健全应急处置预案。", "should"),
    ("公安机关应依法及时受理群众报警。", "should"),
    ("民警不得违规插手经济纠纷。", "prohibit"),
    ("我们不得不面对警力不足的现实。", None),  # 不得不
    ("严禁在执法过程中吃拿卡要。", "prohibit"),
    ("决不允许搞形式主义、官僚主义。", "prohibit"),
    ("坚决打赢防范化解重大风险攻坚战。", "must"),
    ("务必把安全生产摆在突出位置。", "must"),
    ("对暴力袭警行为一律依法从严查处。", "must"),
    ("杜绝“一刀切”简单化做法。", "prohibit"),
    ("我们将坚持以人民为中心的发展思想，持续深化警务改革。", "will"),
    ("今年将重点抓好以下工作。", "will"),
    ("我们将把打击电信网络诈骗作为一把手工程来抓。", "will"),
    ("持续深化“放管服”改革，优化营商环境。", "should"),
    ("深入开展了矛盾纠纷排查化解工作。", None),  # 了: a report
    ("先后破获各类刑事案件300余起。", None),
    ("已经建成覆盖全县的视频监控网络。", None),
    ("以更大力度推进平安建设。", "should"),
    ("在省委坚强领导下，全省公安机关圆满完成各项任务。", None),
    ("在云南文山，公安民警走进村寨宣讲法律知识。", None),  # 在… frame, then a subject
    ("发展是第一要务。", None),  # a verb as noun subject
    ("服务业增加值增长6%。", None),  # 服务 inside 服务业
    ("发布会上介绍，公安部全力维护社会大局稳定。", None),  # 发布 inside 发布会
    ("要奋力谱写高质量发展新篇章，必须始终坚持党的全面领导。", "must"),  # 要… purpose, 必须 governs
    ("习近平总书记强调：“必须坚持人民至上。”", None),  # the modal is inside the quotation
    ("这一年，全省经济形势比预期的要好。", None),  # 比…要: a comparison
    ("向改革要动力，向创新要活力。", None),
    ("大力提振消费。", "should"),
    ("加快推进公安大数据中心建设。", "should"),
    ("让我们更加紧密地团结在党中央周围。", "should"),
    ("只要我们坚定信心，就一定能够战胜困难。", None),  # 只要
    ("做好应保尽保工作。", "should"),
    ("低保对象应保尽保。", None),  # 应X尽X
    ("缅甸警方将我公安机关通缉的嫌疑人抓获。", None),  # 将 + noun phrase + verb means 把
    ("成功将相关犯罪嫌疑人押解回国。", None),
    ("下一步，将持续推进智慧警务建设。", "will"),
    ("抵达现场后，民警迅速疏散围观群众。", None),  # a time clause, then a subject
    ("各级党委要加强对政法工作的领导。", "should"),
    ("——坚持扩大有效需求，融入服务全国统一大市场建设。", "should"),  # a list bullet
    ("这是我们必须解决的突出问题。", None),  # 必须 inside a clause describing a noun
    ("职业教育到了必须下大力气抓好的时候。", None),
    ("坚持党的领导是必须的。", None),
    ("必须坚持以人民为中心的原则。", "must"),
    ("“十五五”时期，全省将迎来重大发展机遇。", None),  # 将迎来: a forecast
    ("将标准化建设作为统领职业教育发展的突破口。", "should"),  # 将 + noun phrase + 作为
    ("实际工作中我们将尽最大努力争取更好结果。", "will"),
    ("总书记指出：“要强化创新驱动。", None),  # quoted speech running over several sentences
    ("必须坚持人民至上。”", None),
    ("重要节点要严格落实等级勤务。", "should"),
]

# The police genre (own, written for this suite) and real sentences of ../shared/corpus (国务院 documents,
# 新闻联播, 政府工作报告): commitments, 力争/确保 tasks, prohibitions, 凡…一律, quoted and reported speech,
# questions, reports of past work and results.
GENRE_SENTENCES = [
    ("我们将持续深化公安改革，全面提升打击犯罪能力。", "will"),
    ("下一步，全市公安机关将紧盯群众急难愁盼问题，推出更多便民利民举措。", "will"),
    ("力争全年命案现案破案率保持100%。", "should"),
    ("确保全省社会大局持续安全稳定。", "should"),
    ("确保重大活动安保万无一失。", "should"),
    ("严禁利用职权插手经济纠纷。", "prohibit"),
    ("杜绝粗暴执法、选择性执法。", "prohibit"),
    ("不准酒后驾驶警车。", "prohibit"),
    ("决不让黑恶势力死灰复燃。", "prohibit"),
    ("凡涉及群众切身利益的执法事项，一律公开办理结果。", "must"),
    ("凡是进入办案区的人员，一律进行人身安全检查。", "must"),
    ("各级公安机关要切实扛起维护国家政治安全的重大责任。", "should"),
    ("总书记强调，要坚持以人民为中心的发展思想。", "should"),
    ("习近平总书记指出：“必须坚持政治建警、全面从严治警。”", None),
    ("去年以来，全省公安机关坚持以打开路，深入推进平安建设。", None),
    ("2025年，全市公安机关共破获刑事案件3200余起，抓获犯罪嫌疑人4100余名。", None),
    ("破获电信网络诈骗案件1200余起。", None),
    ("如何把握新时代公安工作的规律？", None),
    ("我们要清醒认识到，当前维护稳定的任务依然艰巨繁重。", "should"),
    ("始终保持对违法犯罪的高压严打态势。", "should"),
    ("全力以赴抓好春节期间安全防范工作。", "should"),
    ("各地公安机关务必高度重视，迅速部署，狠抓落实。", "must"),
    ("坚决防范和打击各类暴力恐怖活动。", "must"),
    ("要以“零容忍”态度严厉打击电信网络诈骗犯罪。", "should"),
    ("全体民警必须严守纪律，不得违规饮酒。", "must"),
    ("绝不允许任何人搞特权。", "prohibit"),
    ("持续开展“夏季治安打击整治行动”。", "should"),
    ("扎实推进“枫桥式公安派出所”创建。", "should"),
    ("今年以来，我局共开展治安巡逻1.2万余次，化解矛盾纠纷800余起。", None),
    ("会议要求，各级公安机关要进一步提高政治站位。", "should"),
    ("会议强调，必须坚持严格规范公正文明执法。", "must"),
    ("该案的成功侦破，有力震慑了违法犯罪分子。", None),
    ("全省刑事案件立案数同比下降12.3%。", None),
    ("民警迅速赶到现场，将嫌疑人抓获。", None),
    ("各单位应当于每月5日前报送工作情况。", "should"),
    ("对顶风违纪的，一律从严查处。", "must"),
    ("严防发生重大群体性事件。", "should"),
    ("坚决杜绝执法不公问题。", "must"),
    ("防止“灯下黑”问题发生。", "should"),
    ("今后，我们将把更多警力投向街面。", "will"),
    ("各地区各部门要结合实际认真贯彻执行。", "should"),
    ("任何单位和个人不得以任何理由拒绝、阻挠。", "prohibit"),
    ("对工作不力、造成严重后果的，依法依规严肃追究责任。", "should"),
    ("对发现的问题，要立行立改。", "should"),
    ("有关部门要加强协调配合，形成工作合力。", "should"),
    ("重大事项要及时向党委政府报告。", "should"),
    ("坚决守住不发生系统性风险的底线。", "must"),
    ("我们将一如既往支持民营企业发展。", "will"),  # fixed on this branch
    ("下一步，我局将继续加大打击力度。", "will"),
    ("公安部将会同有关部门开展专项督导。", "will"),  # fixed on this branch
    ("要不断提升人民群众的安全感满意度。", "should"),  # fixed on this branch
    ("切实做到守土有责、守土负责、守土尽责。", "should"),
    ("进一步健全完善矛盾纠纷多元化解机制。", "should"),
    ("全面落实安全生产责任制。", "should"),
    ("严厉打击各类违法犯罪活动，坚决维护社会稳定。", "should"),
    ("严格规范执法行为，不断提升执法公信力。", "should"),
    ("着力破解基层警力不足难题。", "should"),
    ("要把防范化解风险摆在突出位置。", "should"),
    ("未经批准，不得擅自对外发布信息。", "prohibit"),
    ("禁止任何组织和个人非法收集个人信息。", "prohibit"),
    ("各地不要搞“一刀切”。", "prohibit"),
    ("严禁弄虚作假、虚报瞒报。", "prohibit"),
    ("决不能让老实人吃亏。", "prohibit"),
    ("务必把安全责任落实到每一个环节。", "must"),
    ("各级领导干部必须以身作则、率先垂范。", "must"),
    ("今年以来，全国公安机关破获涉枪案件2000余起。", None),
    ("近日，公安部召开会议部署专项行动。", None),
    ("会上，与会代表进行了深入交流。", None),
    ("全市公安机关深入开展夏季治安打击整治行动，取得明显成效。", None),
    ("这次行动共摧毁犯罪团伙56个。", None),
    ("为什么要推进警务改革？", None),  # fixed on this branch
    ("群众的安全感是检验公安工作的重要标准。", None),
    ("今年是“十四五”规划收官之年。", None),
    ("通过专项行动，全市治安形势持续向好。", None),
    ("截至目前，已抓获犯罪嫌疑人120名。", None),
    ("2024年，全区公安机关紧紧围绕中心工作，全力防风险、保安全、护稳定。", None),
    ("一年来，我们坚持以人民为中心，推进平安建设。", None),
    ("总书记的重要讲话为做好新时代公安工作指明了方向。", None),
    ("新的一年，我们将以更加昂扬的姿态奋进新征程。", "will"),
    ("各县（市、区）公安局要于6月底前完成自查。", "should"),
    ("凡不符合规定的，一律予以清退。", "must"),
    ("对违反规定的，一经查实，一律严肃处理。", "must"),
    ("未经许可擅自经营的，由公安机关依法予以取缔。", None),
    ("下半年，要重点抓好以下几项工作。", "should"),
    ("要深刻认识到，安全是发展的前提。", "should"),
    # corpus (guowuyuan/, xwlb/, gov-work-reports-*)
    ("要着力防范重点领域风险。", "should"),
    (
        "各级行政执法机关要明确具体负责本单位重大执法决定法制审核的工作机构，确保法制审核工作有机构承担、有专人负责。",
        "should",
    ),
    ("坚持执法为民。", "should"),
    ("加力扩围实施“两新”政策。", "should"),
    ("习近平强调，总体国家安全观是建设更高水平平安中国的重要遵循，必须坚定不移贯彻。", "must"),
    ("将成立国际打击电信网络诈骗联盟，有效应对跨国电诈犯罪。", "will"),
    ("行政执法全过程记录是行政执法活动合法有效的重要保证。", None),
    ("职业教育与普通教育是两种不同教育类型，具有同等重要地位。", None),
    (
        "充分利用全国一体化在线政务服务平台，在确保信息安全的前提下，加快推进跨地区、跨部门执法信息系统互联互通，"
        "已建设并使用的有关执法信息系统要加强业务协同，打通信息壁垒，实现数据共享互通，解决“信息孤岛”等问题。",
        "should",
    ),
    pytest.param(
        "从警30年，邱建军先后参与破获各类刑事案件1800余起，誓要保护群众的坚定信仰，早已成为他的本能。",
        None,
        marks=pytest.mark.xfail(
            strict=True, reason="a modal inside a noun phrase subject (誓要…的信仰，…成为) still governs"
        ),
    ),
    pytest.param(
        "会同有关部门制定实施细则。",
        "should",
        marks=pytest.mark.xfail(
            strict=True, reason="有关 after a task verb reads as a stop word (会同有关部门)"
        ),
    ),
]


@pytest.mark.parametrize(("sentence", "modality"), GENRE_SENTENCES)
def test_modality_of_genre_sentences(sentence: str, modality: str | None) -> None:
    assert modality_of(sentence) == modality


def test_question_in_a_paragraph_is_no_directive() -> None:
    hits = extract_directives("如何把握新时代公安工作的规律？要坚持问题导向。")
    assert [(h.text, h.modality) for h in hits] == [("要坚持问题导向。", "should")]


def test_yao_bu_adverb_is_a_modal() -> None:
    hits = extract_directives("要不折不扣地落实各项部署。")
    assert [(h.modality, h.verb) for h in hits] == [("should", "落实")]


@pytest.mark.parametrize(("sentence", "modality"), SEED_SENTENCES)
def test_modality_of_seed_sentences(sentence: str, modality: str | None) -> None:
    assert modality_of(sentence) == modality


@pytest.mark.parametrize(("sentence", "modality"), OWN_SENTENCES)
def test_modality_of_own_sentences(sentence: str, modality: str | None) -> None:
    assert modality_of(sentence) == modality


# (paragraph, reporting, [(directive text, modality)]) — the paragraph as the pipeline passes it.
PARAGRAPHS = [
    # seed 000: two directives and a report-like middle sentence that is a "must".
    (
        "要学深悟透习近平总书记关于高质量发展的重要论述。党的十八大以来,习近平总书记就高质量发展作出一系列重要论述,"
        "为推动高质量发展提供了根本遵循,必须坚持不懈武装头脑,做到学懂弄通做实。要深入学习党的十九届五中全会精神。",
        False,
        [
            ("要学深悟透习近平总书记关于高质量发展的重要论述。", "should"),
            (
                "党的十八大以来,习近平总书记就高质量发展作出一系列重要论述,为推动高质量发展提供了根本遵循,"
                "必须坚持不懈武装头脑,做到学懂弄通做实。",
                "must",
            ),
            ("要深入学习党的十九届五中全会精神。", "should"),
        ],
    ),
    # seed 002 (湖南): an enumerated heading (一是加强政治领导。) is no directive; the tasks under it are.
    (
        "一是加强政治领导。坚持从政治上建设和掌握公安机关, 严格执行《中国共产党政法工作条例》,"
        "定期向党委汇报公安工作。",
        False,
        [
            (
                "坚持从政治上建设和掌握公安机关, 严格执行《中国共产党政法工作条例》,定期向党委汇报公安工作。",
                "should",
            )
        ],
    ),
    # seed 002 (山东): 近年来 turns the paragraph to past work until 我们将.
    (
        "近年来, 省厅党委始终坚持从政治上建设和掌握公安机关。严格落实“第一议题”制度, 加强政治督察和巡察。"
        "在推进公安工作现代化的进程中, 我们将认真学习贯彻习近平总书记关于新时代公安工作的重要论述。"
        "牢固树立强基导向, 大力推进派出所长进乡镇班子。",
        False,
        [
            (
                "在推进公安工作现代化的进程中, 我们将认真学习贯彻习近平总书记关于新时代公安工作的重要论述。",
                "will",
            ),
            ("牢固树立强基导向, 大力推进派出所长进乡镇班子。", "should"),
        ],
    ),
    # seed 004: a section about past work — bare imperatives only report.
    (
        "二是严明纪律规矩，锻造过硬作风。持续深化全面从严管党治警，巩固拓展政法队伍教育整顿成果。"
        "严格执行各项警纪警规，加强日常监督管理。",
        True,
        [],
    ),
    # Own: a 工作回顾 paragraph with a closing commitment.
    (
        "过去一年，全省上下深入推进平安建设，社会大局保持稳定。政府作风建设还要进一步加强。"
        "对于这些问题，我们将高度重视，采取有效措施加以解决。",
        True,
        [("对于这些问题，我们将高度重视，采取有效措施加以解决。", "will")],
    ),
    # Own: a 重点工作 paragraph of bare imperatives under a numbered heading sentence.
    (
        "（一）大力提振消费。实施提振消费专项行动，落实育儿补贴政策。严禁以任何名义违规举债。",
        False,
        [
            ("实施提振消费专项行动，落实育儿补贴政策。", "should"),
            ("严禁以任何名义违规举债。", "prohibit"),
        ],
    ),
]


@pytest.mark.parametrize(("paragraph", "reporting", "expected"), PARAGRAPHS)
def test_extract_directives(paragraph: str, reporting: bool, expected: list[tuple[str, str]]) -> None:
    hits = extract_directives(paragraph, reporting=reporting)
    assert [(h.text, h.modality) for h in hits] == expected
    for h in hits:
        assert paragraph[h.start : h.end] == h.text


@pytest.mark.parametrize(
    ("paragraph", "verb"),
    [
        ("要深化构建公安“大监督”格局。", "深化"),
        ("必须毫不动摇地坚持党对公安工作的绝对领导。", "坚持"),
        ("要以扫黑除恶为龙头,统筹推进打击整治枪爆违法犯罪。", "统筹推进"),
        ("大力提振消费。", "提振"),
        ("务必把安全生产摆在突出位置。", "摆在"),
        ("杜绝“一刀切”简单化做法。", "杜绝"),
        ("我们将持续深化公安改革。", "持续深化"),
    ],
)
def test_directive_verb(paragraph: str, verb: str) -> None:
    (hit,) = extract_directives(paragraph)
    assert hit.verb == verb


@pytest.mark.parametrize(
    ("title", "reporting"),
    [
        ("工作回顾", True),
        ("一、2025年工作回顾", True),
        ("主要经验做法与工作成效", True),
        ("过去五年工作回顾", True),
        ("五年来的主要成就", True),
        ("一、“十四五”时期和2025年工作回顾", True),
        ("三、2026年重点工作", False),
        ("二、“十五五”时期主要目标任务", False),
        ("四、改进举措与对策建议", False),
        ("坚持以党的政治建设为统领，坚定把牢高质量发展的正确方向", False),
        ("凝心铸魂", False),
    ],
)
def test_is_reporting_heading(title: str, reporting: bool) -> None:
    assert is_reporting_heading(title) is reporting


def test_mask_quotes_keeps_length() -> None:
    sentence = '认真履行“上级一把手必须抓好下级一把手”,落实"一岗双责"和《条例》。'
    masked = mask_quotes(sentence)
    assert len(masked) == len(sentence)
    assert "必须" not in masked


@pytest.mark.parametrize(
    ("sentence", "past"),
    [
        ("有效提升了派出所的服务能力。", True),
        ("为了群众，深入了解民情。", False),
        ("充分利用已有信息系统。", False),
        ("推动已建成的项目尽快投产。", False),
        ("案件数已下降两成。", True),
    ],
)
def test_has_past_marker(sentence: str, past: bool) -> None:
    assert has_past_marker(sentence) is past


def _seed_section(name: str, heading: str, next_heading: str) -> list[str]:
    """The body lines of a section of a seed file (its second occurrence: the first is the contents)."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    start = [m.end() for m in re.finditer(re.escape(heading), text)][-1]
    end = [m.start() for m in re.finditer(re.escape(next_heading), text)][-1]
    body = re.sub(r"(?<=[^\x00-\x7f])[ \t]+|[ \t]+(?=[^\x00-\x7f])", "", text[start:end])
    return [line for line in body.splitlines() if line.strip()]


def test_seed_section_about_past_work_holds_no_directive() -> None:
    lines = _seed_section(
        "004_b7f468352ddaff21.txt", "一、主要经验做法与工作成效", "二、核心工作机制与保障体系"
    )
    assert is_reporting_heading("主要经验做法与工作成效")
    assert [h.text for line in lines for h in extract_directives(line, reporting=True)] == []
    # Read as a plan, the same bare imperatives would be directives: the flag is what tells them apart.
    assert sum(len(extract_directives(line)) for line in lines) > 10


def test_every_hit_has_a_known_modality() -> None:
    lines = _seed_section("002_d22b8e4d8431076b.txt", "坚持党的领导,铸牢忠诚警魂", "二、坚持履职尽责")
    hits = [h for line in lines for h in extract_directives(line)]
    assert hits
    assert {h.modality for h in hits} <= set(MODALITIES)


DATA_KINDS = {
    "modality.tsv": None,
    "directive_verbs.txt": {"verb", "adverb", "modifier", "frame", "connective", "stop"},
    "reporting_markers.txt": {"heading", "lead", "both"},
}


@pytest.mark.parametrize("name", sorted(DATA_KINDS))
def test_data_file_is_well_formed(name: str) -> None:
    text = resources.files("policykb").joinpath("data", name).read_text(encoding="utf-8")
    assert text.startswith("#")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if name == "modality.tsv":
        assert rows[0] == ["word", "modality", "kind"]
        for word, modality, kind in rows[1:]:
            assert word
            assert kind in {"modal", "lead", "verbal", "need", "none", "disposal"}
            assert (modality == "-") is (kind in {"none", "disposal"})
            assert modality == "-" or modality in MODALITIES
        return
    kinds = DATA_KINDS[name]
    assert kinds is not None
    for row in rows:
        assert row[0] and len(row) <= 2
        assert len(row) == 1 or row[1] in kinds


@pytest.mark.xfail(
    strict=True, reason="a modal word as the object of a task verb (强化严禁…等措施) still governs"
)
def test_nominal_prohibition_in_a_report_is_no_directive() -> None:
    # 政府工作报告 2025 (北京), 工作回顾: 严禁 names a measure that was strengthened.
    paragraph = "狠抓安全生产工作，强化严禁违规边营业边施工、严禁电动自行车进楼入户等红线措施。"
    assert extract_directives(paragraph, reporting=True) == []


def test_explicit_modal_governs_after_a_past_bare_imperative() -> None:
    # 国务院 document: 已建设 rules out the opening bare imperative; the later 要 still governs.
    paragraph = "加快推进执法信息系统互联互通，已建设并使用的有关执法信息系统要加强业务协同。"
    assert [h.modality for h in extract_directives(paragraph)] == ["should"]
