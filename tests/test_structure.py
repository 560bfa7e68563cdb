"""Header and outline of articles: title, subtitle, bylines, abstract, keywords, editors,
home region, sections, and the body left once clutter and page artifacts are taken out.

Every case is a short synthetic article written for this module in the genre of the seeds:
provincial police chiefs' signed articles, magazine compilations, county research reports,
provincial government work reports, news features and web pages. None is copied from a
seed and every person named is fictional; places are real, so that regions resolve.
Known gaps are strict xfails (a fix shows as XPASS: move the case up).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from policykb.parse import parse_text
from policykb.records import Article

from .conftest import SHARED


def parse_one(text: str) -> Article:
    articles = parse_text(text).articles
    assert len(articles) == 1, [a.title for a in articles]
    return articles[0]


def outline(article: Article) -> list[tuple[int, str, str]]:
    return [(s.depth, s.label, s.title) for s in article.sections]


def authors(article: Article) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    return [(a.name, a.role, a.positions, a.region) for a in article.authors]


def field_of(article: Article, name: str) -> Any:
    if name == "authors":
        return authors(article)
    if name == "sections":
        return outline(article)
    return getattr(article, name)


# ---------------------------------------------------------------------------------------------
# Texts. Each is one article (or one file) of the genre, written for this module.

SIGNED_MARK_FOOTNOTE = """\
以改革强警推动甘肃公安工作现代化

■ 贺振东

摘要 推动公安工作现代化，必须坚持改革创新，为建设幸福美好新甘肃提供坚强安全保障。

关键词 公安改革 警务模式 基层治理

党的二十届三中全会对进一步全面深化改革作出系统部署，全省公安机关坚持把改革作为推动公安工作现代化的关键一招，紧盯基层所需、实战所急、群众所盼，推出了一批管

作者：甘肃省副省长、省公安厅厅长

根本、利长远的改革举措，公安工作的整体效能明显提升。

一、深化机构改革，构建科学高效的警务体系

按照大部门、大警种的思路，全省公安机关稳步推进机构职能优化，减少指挥层级，提高运行效率。

二、深化基层改革，夯实平安建设的根基

全省派出所全面推行警务网格化勤务模式，推动警力下沉一线，群众安全感持续提升。

责任编辑 孟繁星
"""

TITLE_BYLINE_ONE_LINE = """\
以新安全格局保障新发展格局 青海省公安厅党委书记、厅长 马德全

近年来，全省公安机关坚决扛起维护国家政治安全和社会大局稳定的重任，各项工作取得新的进展。

一、坚持政治引领，筑牢忠诚警魂

全省公安机关深入开展政治轮训，教育引导广大民警坚定理想信念。

二、坚持服务大局，护航高质量发展

围绕生态保护和高质量发展，全省公安机关持续优化法治化营商环境。
"""

NAME_WITH_SPACE = """\
全力护航江西高质量发展 江西省副省长、省公安厅厅长 周 岚

过去一年，全省公安机关坚持稳中求进工作总基调，全力防风险、保安全、护稳定、促发展。

一、着力防范化解重大风险

坚持把防范化解重大风险摆在突出位置，健全风险研判预警机制。
"""

SUBTITLE_DASH = """\
以警网融合激活基层治理末梢

——关于推进城市社区警务改革的几点思考

■ 许文博 梁静

社区是社会治理的基本单元，也是公安机关服务群众的最前沿。近年来，我们在推进城市社区警务改革中进行了一些探索。

一、社区警务改革的现实需要

随着城市化进程加快，社区人口流动性增强，传统的管理方式已难以适应新形势。
"""

SECOND_TITLE_LINE = """\
守护千里陇原平安

为谱写中国式现代化甘肃篇章贡献公安力量

五年来，全省公安机关坚持以人民为中心的发展思想，全力维护社会大局持续安全稳定，人民群众安全感稳步提升。

一、守护政治安全

全省公安机关坚决捍卫国家政治安全，深入开展反渗透、反颠覆、反分裂斗争。
"""

TITLE_TWO_LINES_DOC_TYPE = """\
关于加强全县农村地区社会治安防控体系建设的

调研报告

为全面掌握全县农村地区社会治安防控体系建设情况，课题组深入乡镇派出所、村委会开展了专题调研，现将有关情况报告如下。

一、基本情况

全县共有派出所十二个，其中农村派出所九个，承担着全县大部分农村地区的治安管理任务。
"""

TITLE_TWO_LINES_SHORT_TAIL = """\
奋力开创新时代平安四川建设

新局面

■ 罗家宁

平安是人民幸福安康的基本要求，是改革发展的基本前提。全省公安机关始终把建设更高水平的平安四川作为重要任务。

一、坚持打防并举，压降刑事案件

全省公安机关深入推进打击电信网络诈骗犯罪，发案数持续下降。
"""

STRAY_SPACE_TITLE = """\
推进警务系 统集成改革 提升公安机关整体效能

■ 韩明哲

系统集成是全面深化公安改革的内在要求。近年来，我们坚持问题导向，推动各项改革举措相互配合、协同高效。

一、强化顶层设计

坚持把系统观念贯穿改革全过程，科学制定改革路线图和时间表。
"""

WORK_REPORT_LINE = """\
下载
打印
【字号：
加大
还原
减小
】
2026年江西省政府工作报告
——2026年1月21日在江西省第十四届人民代表大会第五次会议上
来源：江西日报
时间：2026-01-28
江西省省长 叶青松
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。
一、2025年工作回顾
过去一年，我们坚持以习近平新时代中国特色社会主义思想为指导，全省经济运行稳中有进，社会大局保持稳定。
二、2026年工作安排
今年政府工作的总体要求是，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。
"""

WORK_REPORT_CAPTION = """\
2026年云南省政府工作报告
——2026年1月16日在云南省第十四届人民代表大会第五次会议上
1月16日，在云南省第十四届人民代表大会第五次会议上，云南省人民政府省长方卓然作政府工作报告。
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议，并请各位政协委员提出意见。
一、过去一年的工作
过去一年，面对复杂严峻的外部环境，全省上下团结奋斗，经济社会发展主要目标任务顺利完成。
"""

NEWS_FEATURE = """\
## 乡村振兴路上的“平安守护者”

<p>近年来，四川凉山彝族自治州公安机关深入推进平安乡村建设，在全州组建了一支由民警、辅警和村干部组成的巡防队伍。</p>
<p>在凉山州昭觉县，巡防队员每天走村入户，排查化解矛盾纠纷，宣传防范电信网络诈骗知识。</p>
<p>凉山州公安局负责人表示，下一步将继续完善乡村治安防控体系。</p>

（记者 杨晓川 龙春燕）
"""

NEWS_ONE_REPORTER = """\
山东：“警保联控”护航群众平安出行

近日，山东省公安厅交警总队联合保险机构在全省推行“警保联控”工作模式，提升交通事故快处快赔效率。

据介绍，这一模式已在济南、青岛等地试点，群众办理事故理赔的平均时间明显缩短。

（石振宇）
"""

WEB_PAGE = """\
您的位置：首页 > 新闻中心 > 工作动态
山西：扎实推进平安乡村建设
发布时间：2025-03-12 09:30
来源：山西省公安厅
【字号 大 中 小】
分享 打印 关闭
<p>近日，全省平安乡村建设推进会在太原召开，会议总结了一年来的工作成效，部署下一阶段重点任务。</p>
<p>会议要求，各级公安机关要坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层。</p><br>
扫一扫在手机打开当前页
[查看原文](http://www.example.gov.cn/content/2025-03/12/art_1024.html)
"""

HTML_REMNANTS = """\
<p><strong>打造新时代公安铁军</strong></p>
<p>■ 沈嘉禾</p>
<p>队伍建设是公安工作的根本。<br>全省公安机关坚持政治建警、从严治警，锻造忠诚干净担当的公安铁军。</p>
<p>一、坚持政治建警</p>
<p>深入开展政治轮训，筑牢忠诚警魂。<br></p>
"""

MARKDOWN = """\
# 护航高原明珠建设平安拉萨

## 筑牢忠诚警魂

### 坚持党对公安工作的绝对领导

全市公安机关始终把党的政治建设摆在首位，坚决做到绝对忠诚、绝对纯洁、绝对可靠。

### 深化全警政治轮训

分批次组织全市民警参加政治轮训，推动理论学习走深走实。

## 守护万家平安

### 严打突出违法犯罪

坚持打早打小、露头就打，全市刑事案件立案数持续下降。
"""

FOUR_LEVELS = """\
关于全县公安机关推进执法规范化建设情况的调研报告

为全面了解全县公安机关执法规范化建设情况，调研组采取座谈交流、实地查看等方式开展了调研。

一、主要做法

全县公安机关把执法规范化建设作为基础性工程来抓。

（一）健全执法制度体系

围绕执法办案各环节，制定完善了一批执法制度。

1.完善执法办案流程

对受案、立案、侦查、审核等环节进行全流程梳理。

（1）建立案件分级审核制度。对重大疑难案件实行集体研究，确保案件质量。

（2）推行执法全过程记录。执法记录仪配备率达到百分之百。

2.强化执法监督管理

依托执法办案管理中心，实现对案件的实时监督。

（二）提升民警执法能力

定期开展执法资格等级考试和实战化培训。

二、存在问题

部分民警执法理念仍需转变，基层执法力量相对薄弱。
"""

TOP_LEVEL_PAREN = """\
深化“放管服”改革 优化法治化营商环境

■ 陶子谦

优化营商环境是公安机关服务高质量发展的重要抓手。

（一）推进户政业务“一网通办”

全面推行户籍业务网上办理，群众办事少跑腿。

1.拓展线上服务事项

将更多高频户政业务纳入网上办理范围。

2.优化窗口服务流程

实行“一窗通办”，推行容缺受理。

（二）提升出入境服务水平

在县级公安机关全面设立出入境业务受理窗口。
"""

ASCII_PAREN = """\
关于XX县派出所工作的调研报告

按照局党委安排，调研组对全县派出所工作进行了调研，现将有关情况报告如下。

(一)基本情况

全县共设派出所八个，核定编制一百余名。

(二)主要问题

部分派出所警力不足，非警务活动较多。

(三)对策建议

推动警力向基层倾斜，减轻基层负担。
"""

LIST_AFTER_COLON = """\
关于推进县域社会治理现代化的调研报告

一、基本做法

全县围绕矛盾纠纷源头化解，主要包括：一是建立村级调解室，配齐专职调解员；二是推行网格员包片联户，做到小事不出村；三是完善诉调对接机制，引导群众依法维权。

二、存在问题

基层力量仍显薄弱，部分网格员身兼数职。
"""

SERIES_FROM_TWO = """\
强化基层派出所建设

一、主要成效

去年以来，全市派出所警力下沉比例提高。二是二级警长制度全面推行。三是群众满意度稳步上升。

二、下步打算

一是优化警力配置，推动警力向一线倾斜。二是加强智慧派出所建设，提升科技应用水平。
"""

RUN_IN_ENUM = """\
坚持和发展新时代基层治理经验

■ 龚立平

基层是社会治理的基础，矛盾纠纷化解得好不好，直接关系群众的安全感。

一、坚持源头治理

一是健全矛盾纠纷排查机制。全县组建排查小分队，做到底数清、情况明。二是完善多元化解平台。依托综治中心整合调解力量，实现一站式受理。三是强化信访积案化解。实行领导包案，推动积案清仓见底。

二、坚持依法治理

全县公安机关坚持严格规范公正文明执法，依法维护群众合法权益。
"""

ENUM_UNDER_PAREN = """\
关于县公安局推进科技兴警工作的调研报告

近年来，县公安局坚持向科技要警力，科技信息化水平不断提升。

一、主要做法

（一）强化基础设施建设

一是完善视频监控网络。在城区主要路口新增高清探头。二是建设智慧安防小区。新建智慧安防小区一批，实现发案下降。

（二）深化数据融合应用

全面整合各类数据资源，服务实战能力明显增强。
"""

ORDINALS = """\
发挥公安机关在社会治理中的主力军作用

■ 孔德胜

推进社会治理现代化，是新时代赋予公安机关的重要任务。笔者认为，要着重做好以下几方面工作。

一、准确把握职能定位

首先，必须坚持党对公安工作的绝对领导。这是做好公安工作的根本保证。其次，必须坚持以人民为中心。公安工作的出发点和落脚点是维护人民群众的根本利益。第三，必须坚持依法履职。要严格在法律授权范围内开展工作。

二、全面履行职责使命

公安机关要主动融入党委领导的社会治理体系，发挥好主力军作用。
"""

HEADING_RUN_IN = """\
锻造新时代高素质过硬公安队伍

■ 焦文远

队伍建设是公安工作的根本，必须坚持全面从严管党治警。

一、坚持政治建警。全省公安机关始终把政治建设摆在首位，深入开展政治轮训，筑牢忠诚警魂。

二、坚持素质强警。大力开展实战化练兵，全面提升民警履职能力。

三、坚持从严治警。持之以恒正风肃纪，推动队伍作风持续向好。
"""

INLINE_HEADING_SPACE = """\
推进社会治理现代化的公安实践

■ 常立新

推进社会治理现代化，是公安机关的重要职责。结合工作实际，笔者认为要做到“三个到位”。

一、职能认识到位 公安机关是社会治理的重要力量，必须准确把握自身定位，主动担当作为。

二、措施落实到位 要把各项工作措施落细落实，确保取得实效，切实提升群众的安全感和满意度。
"""

YIYAO_TOP = """\
关于进一步加强新时代公安宣传工作的意见

做好新时代公安宣传工作，对于展示公安机关良好形象具有重要意义。

一要坚持正确政治方向。牢牢把握公安宣传工作的政治属性，坚持团结稳定鼓劲、正面宣传为主。

二要创新宣传方式方法。充分运用新媒体平台，讲好新时代公安故事。

三要加强宣传队伍建设。选优配强宣传干部，提升宣传工作专业化水平。
"""

TRAPS = """\
全力推进平安建设

■ 傅光远

2025年，全省公安机关坚持稳中求进，各项工作取得新成效。

一、主要成效

1.5万名民警下沉社区开展走访活动，收集社情民意，化解矛盾纠纷。

一是全年未发生有重大影响的案事件，社会大局保持稳定，群众安全感进一步提升。

2024年以来，各地先后出台了一系列加强基层基础建设的政策措施。

二、下一步打算

继续深化平安建设，推动各项工作再上新台阶。
"""

HEADING_STRAY_SPACE = """\
深化公安改革 激发警务活力

■ 欧阳立诚

近年来，全省公安机关深入推进公安改革，警务运行效能不断提升。

（一）深化机构改革

优化机构设置，减少管理层级，推动警力下沉。

（二）推进警务系 统集成改革

围绕合成作战，整合情报、指挥、侦查等力量，打造一体化作战平台。
"""

HEADING_STRAY_SPACE_RUN_IN = """\
深化公安改革 激发警务活力

■ 欧阳立诚

近年来，全省公安机关深入推进公安改革，警务运行效能不断提升。

（一）深化机构改革。优化机构设置，减少管理层级，推动警力下沉。

（二）推进警务系 统集成改革。围绕合成作战，整合情报、指挥、侦查等力量，打造一体化作战平台。
"""

TOC_REPORT = """\
一、基本情况
二、主要做法
（一）强化源头防控
（二）深化专项整治
三、存在问题
四、对策建议
关于全县道路交通安全治理情况的调研报告
为深入了解全县道路交通安全治理情况，调研组深入乡镇、企业和运输公司开展了专题调研。
一、基本情况
全县公路通车里程较长，农村道路点多线长，交通安全管理任务繁重。
二、主要做法
（一）强化源头防控
对重点车辆、重点驾驶人开展常态化排查，督促运输企业落实主体责任。
（二）深化专项整治
持续开展酒驾醉驾、超员超载等突出违法行为专项整治。
三、存在问题
部分农村道路安全设施不足，群众交通安全意识有待提升。
四、对策建议
加大农村道路安全设施投入，持续开展交通安全宣传进村入户。
"""

TOC_WITH_HEADING_LINE = """\
目录
一、基本情况
二、主要做法
三、对策建议
关于全县流动人口服务管理情况的调研报告
为掌握全县流动人口服务管理情况，调研组开展了专题调研，现将有关情况报告如下。
一、基本情况
全县登记在册的流动人口逐年增加，主要集中在工业园区。
二、主要做法
推行居住证制度，完善流动人口信息采集机制。
三、对策建议
加强部门协作，推动流动人口服务管理信息共享。
"""

APPENDIX = """\
关于全县网格化警务建设情况的调研报告

为推进网格化警务建设，调研组对全县各派出所开展了调研。

一、建设情况

全县共划分警务网格一百余个，实现了网格全覆盖。

二、对策建议

进一步完善网格员管理制度，提升网格治理效能。

附件1：名词解释

1.网格警务：将辖区划分为若干网格，由专人负责网格内治安管理的警务模式。

2.智慧安防小区：运用物联网技术提升防控能力的住宅小区。
"""

GLOSSARY = """\
关于全县推进“雪亮工程”建设的调研报告

为推进“雪亮工程”建设，调研组开展了专题调研。

一、建设成效

全县视频监控覆盖范围不断扩大，治安防控能力明显增强。

二、存在不足

部分点位设备老化，联网率有待提高。

名词解释

（一）雪亮工程：以县乡村三级综治中心为指挥平台的群众性治安防控工程。

（二）联网率：接入平台的视频点位占全部点位的比例。
"""

PAGE_NUMBER = """\
坚持人民至上 守护万家平安

■ 易振华

近年来，全省公安机关始终坚持以人民为中心的发展思想，持续深化平安建设，全力守护

12

人民群众生命财产安全，社会治安形势持续平稳向好。

一、坚持打防结合

全省公安机关依法严厉打击各类违法犯罪活动。
"""

REGION_TITLE = """\
奋力谱写新时代四川公安工作新篇章

■ 孙墨林

新时代新征程，全省公安机关肩负着维护国家安全和社会稳定的重大责任。

一、坚持党的绝对领导

全省公安机关坚持把党的绝对领导贯穿公安工作全过程。
"""

REGION_PREFECTURE = """\
扎根苗乡侗寨 守护一方平安

■ 杨秀林

近年来，黔东南州公安机关坚持以人民为中心，扎实推进平安乡村建设，群众安全感不断提升。

黔东南州地处山区，村寨分散，警力相对不足。为此，黔东南州公安局推行“一村一辅警”，把警务触角延伸到每个村寨。

在凯里市，辖区派出所与村委会建立联调机制，矛盾纠纷就地化解。
"""

REGION_COUNTY_XX = """\
关于XX县公安工作服务保障县域经济发展的调研报告

为深入了解XX县公安工作服务保障县域经济发展情况，调研组深入XX县各派出所开展了调研。

一、基本情况

XX县地处丘陵地带，辖十二个乡镇，县公安局下设派出所十个。

二、对策建议

持续优化营商环境，为县域经济高质量发展提供安全稳定的环境。
"""

REGION_MIXED = """\
推进区域警务协作的几点思考

■ 田汉卿

近年来，各地公安机关积极探索区域警务协作。浙江推行跨区域联勤联动，江苏建立省际治安联防机制，广东深化湾区警务合作。

这些探索为推进区域警务协作提供了有益借鉴。
"""

AUTONOMOUS_REGION = """\
守护八桂大地平安稳定 广西壮族自治区副主席、公安厅厅长 覃振邦

近年来，全区公安机关坚决维护国家安全和社会稳定，为建设新时代壮美广西提供了坚强保障。

一、坚决维护国家政治安全

全区公安机关始终把维护国家政治安全放在首位。
"""

COMPILATION_TRAILING = """\
推进公安工作现代化，是新时代新征程公安机关的重大任务。为深入交流各地推进公安工作现代化的经验做法，本刊特约请部分省公安厅负责同志撰写署名文章，现整理刊发，以飨读者。

--编者

以警务网格化夯实基层治理根基 浙江省公安厅厅长 沈建明

基层是公安工作的根基。全省公安机关坚持把警务网格化作为夯实基层基础的重要抓手，推动警力向基层一线倾斜。

一、织密基层治理网格

按照一格一警的要求，科学划分警务网格。

二、提升网格治理效能

推动网格警务与社区治理深度融合。

推进数字警务建设 提升打防管控效能 广东省副省长、省公安厅厅长 黎志和

数字化是推进公安工作现代化的重要引擎。近年来，全省公安机关大力推进数字警务建设。

（一）夯实数据底座

全面汇聚整合各类数据资源。

（二）深化实战应用

推动大数据在打击犯罪中的深度应用。

护航黄河流域生态保护和高质量发展 河南省公安厅党委书记、厅长 常建设

黄河流域生态保护和高质量发展是重大国家战略。全省公安机关主动担当作为，全力护航国家战略实施。

一、严打破坏生态环境犯罪

依法严厉打击非法采砂、非法捕捞等违法犯罪。

责任编辑 顾晓岚
"""

COMPILATION_MARKS = """\
编者按：推进平安中国建设，需要各地公安机关凝聚合力、创新实践。本期刊发两位同志的文章，供读者参考。

筑牢首都政治中心安全屏障

■ 钱立群

首都安全稳定事关全局。全市公安机关坚持首都标准，全力维护首都安全稳定。

守护东海之滨万家灯火

■ 范书恒

近年来，全市公安机关坚持人民至上，持续提升群众安全感。
"""

FOOTNOTE_LATER = """\
坚持人民至上 建设更高水平的平安广西

■ 黄启明

【摘要】建设更高水平的平安广西，要坚持人民至上，统筹发展和安全，推进社会治理现代化。

【关键词】平安建设；社会治理；人民至上

平安是老百姓解决温饱后的第一需求，是极重要的民生，也是最基本的发展环境。

近年来，全区公安机关坚持以人民为中心的发展思想，深入推进扫黑除恶常态化，严厉打击电信网络诈骗等突出违法犯罪，全力维护社会大局持续安全稳定，人民群众的获得感、幸福感、

作者：广西壮族自治区副主席、公安厅厅长

安全感不断增强。

一、坚持源头治理

全区公安机关坚持和发展新时代“枫桥经验”，推动矛盾纠纷多元化解。

责任编辑：覃海燕
"""

PAGE_NUMBER_LATER = """\
奋力推进新时代公安工作高质量发展

■ 鲁汉卿

高质量发展是新时代公安工作的鲜明主题。

近年来，全省公安机关坚持以习近平新时代中国特色社会主义思想为指导，聚焦主责主业，深化改革创新，持续推进执法规范化建设，

- 23 -

公安工作高质量发展取得明显成效。

一、坚持改革创新

全省公安机关深入推进公安改革，激发警务活力。
"""

NEWS_DATELINE = """\
### 多地公安机关开展夏季治安打击整治行动

<p><strong>央视网消息</strong>（新闻联播）：连日来，各地公安机关深入开展夏季治安打击整治行动，严厉打击各类违法犯罪活动，全力维护社会治安稳定。</p>

<p>在浙江杭州，公安机关加强重点部位巡逻防控，确保群众平安。</p>

[查看原文](https://tv.cctv.com/2025/07/01/VIDEa1b2c3d4.shtml)
"""

ARABIC_YEAR = """\
关于县公安局工作情况的报告

按照县人大常委会安排，现将县公安局有关工作情况报告如下。

1、2025年主要工作

全年共受理群众求助事项千余件，办结率稳步提升。

2、2026年工作打算

持续深化平安建设，推动公安工作高质量发展。
"""

HEADER_ONLY = """\
以高水平安全护航高质量发展

■ 庞修远
"""


# ---------------------------------------------------------------------------------------------
# Header fields: title, subtitle, authors (name, role, positions, region), abstract, keywords,
# editors, home region.

HEADER_CASES = [
    pytest.param(
        SIGNED_MARK_FOOTNOTE,
        {
            "title": "以改革强警推动甘肃公安工作现代化",
            "subtitle": None,
            "authors": [("贺振东", "author", ("甘肃省副省长", "省公安厅厅长"), "甘肃省")],
            "abstract": "推动公安工作现代化，必须坚持改革创新，为建设幸福美好新甘肃提供坚强安全保障。",
            "keywords": ("公安改革", "警务模式", "基层治理"),
            "editors": ("孟繁星",),
            "region": "甘肃省",
        },
        id="mark-byline+footnote+abstract+keywords+editor",
    ),
    pytest.param(
        FOOTNOTE_LATER,
        {
            "title": "坚持人民至上建设更高水平的平安广西",
            "authors": [("黄启明", "author", ("广西壮族自治区副主席", "公安厅厅长"), "广西壮族自治区")],
            "abstract": "建设更高水平的平安广西，要坚持人民至上，统筹发展和安全，推进社会治理现代化。",
            "keywords": ("平安建设", "社会治理", "人民至上"),
            "editors": ("覃海燕",),
            "region": "广西壮族自治区",
        },
        id="bracketed-摘要-关键词+editor-with-colon+footnote",
    ),
    pytest.param(
        TITLE_BYLINE_ONE_LINE,
        {
            "title": "以新安全格局保障新发展格局",
            "authors": [("马德全", "author", ("青海省公安厅党委书记", "厅长"), "青海省")],
            "abstract": None,
            "keywords": (),
            "editors": (),
            "region": "青海省",
        },
        id="title+positions+name-on-one-line",
    ),
    pytest.param(
        NAME_WITH_SPACE,
        {
            "title": "全力护航江西高质量发展",
            "authors": [("周岚", "author", ("江西省副省长", "省公安厅厅长"), "江西省")],
            "region": "江西省",
        },
        id="name-printed-with-a-space",
    ),
    pytest.param(
        AUTONOMOUS_REGION,
        {
            "title": "守护八桂大地平安稳定",
            "authors": [("覃振邦", "author", ("广西壮族自治区副主席", "公安厅厅长"), "广西壮族自治区")],
            "region": "广西壮族自治区",
        },
        id="autonomous-region-position",
    ),
    pytest.param(
        SUBTITLE_DASH,
        {
            "title": "以警网融合激活基层治理末梢",
            "subtitle": "关于推进城市社区警务改革的几点思考",
            "authors": [("许文博", "author", (), None), ("梁静", "author", (), None)],
            "region": None,
        },
        id="dash-subtitle+two-marked-authors",
    ),
    pytest.param(
        SECOND_TITLE_LINE,
        {"title": "守护千里陇原平安", "subtitle": "为谱写中国式现代化甘肃篇章贡献公安力量", "authors": []},
        id="second-title-line-is-subtitle",
    ),
    pytest.param(
        TITLE_TWO_LINES_DOC_TYPE,
        {"title": "关于加强全县农村地区社会治安防控体系建设的调研报告", "subtitle": None},
        id="title-broken-before-document-type",
    ),
    pytest.param(
        TITLE_TWO_LINES_SHORT_TAIL,
        {
            "title": "奋力开创新时代平安四川建设新局面",
            "subtitle": None,
            "authors": [("罗家宁", "author", (), None)],
            "region": "四川省",
        },
        id="title-broken-before-short-tail",
    ),
    pytest.param(
        STRAY_SPACE_TITLE,
        {"title": "推进警务系统集成改革提升公安机关整体效能", "authors": [("韩明哲", "author", (), None)]},
        id="pdf-stray-space-in-title",
    ),
    pytest.param(
        WORK_REPORT_LINE,
        {
            "title": "2026年江西省政府工作报告",
            "subtitle": "2026年1月21日在江西省第十四届人民代表大会第五次会议上",
            "authors": [("叶青松", "author", ("江西省省长",), "江西省")],
            "editors": (),
            "region": "江西省",
        },
        id="work-report-governor-line+page-clutter",
    ),
    pytest.param(
        WORK_REPORT_CAPTION,
        {
            "title": "2026年云南省政府工作报告",
            "subtitle": "2026年1月16日在云南省第十四届人民代表大会第五次会议上",
            "authors": [("方卓然", "author", ("云南省人民政府省长",), "云南省")],
            "region": "云南省",
        },
        id="work-report-caption",
    ),
    pytest.param(
        NEWS_ONE_REPORTER,
        {
            "title": "山东：“警保联控”护航群众平安出行",
            "authors": [("石振宇", "reporter", (), None)],
            "region": "山东省",
        },
        id="news-feature-closing-reporter",
    ),
    pytest.param(
        NEWS_FEATURE,
        {
            "title": "乡村振兴路上的“平安守护者”",
            "authors": [("杨晓川", "reporter", (), None), ("龙春燕", "reporter", (), None)],
            "region": "四川省",
        },
        id="markdown-news-title+two-reporters",
    ),
    pytest.param(
        NEWS_DATELINE,
        {"title": "多地公安机关开展夏季治安打击整治行动", "authors": []},
        id="markdown-news-title-with-dateline",
    ),
    pytest.param(
        WEB_PAGE,
        {"title": "山西：扎实推进平安乡村建设", "authors": [], "editors": (), "region": "山西省"},
        id="web-page-clutter-around-title",
    ),
    pytest.param(
        HTML_REMNANTS,
        {"title": "打造新时代公安铁军", "authors": [("沈嘉禾", "author", (), None)]},
        id="html-paragraph-tags",
    ),
    pytest.param(
        MARKDOWN,
        {"title": "护航高原明珠建设平安拉萨", "subtitle": None, "region": "西藏自治区"},
        id="markdown-h1-title",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADER_CASES)
def test_header(text: str, expected: dict[str, Any]) -> None:
    article = parse_one(text)
    got = {name: field_of(article, name) for name in expected}
    assert got == expected


# ---------------------------------------------------------------------------------------------
# Byline forms the seeds do not show: role words (文/, 作者：, 本刊记者, 通讯员, 执笔), offices in brackets
# or after a comma, bare names, notes about the author (（作者系…）, 作者单位：, 【作者简介】), editors in
# brackets or several on a line, offices printed without their place, research groups, a column's
# name or an issue line above the title. Each opening is written for this module; the names are
# invented.

_BODY = """
近年来，全省公安机关坚持以人民为中心的发展思想，全力维护社会大局持续安全稳定，人民群众安全感稳步提升。

一、坚持党对公安工作的绝对领导

全省公安机关深入开展政治轮训，教育引导广大民警坚定理想信念。
"""

BYLINE_CASES = [
    pytest.param(
        """\
筑牢首都安全稳定的坚固屏障

文/欧阳明辉
"""
        + _BODY,
        {
            "title": "筑牢首都安全稳定的坚固屏障",
            "subtitle": None,
            "authors": [("欧阳明辉", "author", (), None)],
        },
        id="wen-slash",
    ),
    pytest.param(
        """\
深化警务机制改革的实践与思考

作者：程立新 吕晓梅
"""
        + _BODY,
        {
            "title": "深化警务机制改革的实践与思考",
            "authors": [("程立新", "author", (), None), ("吕晓梅", "author", (), None)],
        },
        id="zuozhe-two-names",
    ),
    pytest.param(
        """\
坚定不移推进平安浙江建设

邵振华（浙江省公安厅党委副书记、常务副厅长）
"""
        + _BODY,
        {
            "title": "坚定不移推进平安浙江建设",
            "subtitle": None,
            "authors": [("邵振华", "author", ("浙江省公安厅党委副书记", "常务副厅长"), "浙江省")],
            "region": "浙江省",
        },
        id="name-with-positions-in-brackets",
    ),
    pytest.param(
        """\
以数字警务赋能基层治理

■司马文涛
"""
        + _BODY,
        {
            "title": "以数字警务赋能基层治理",
            "authors": [("司马文涛", "author", (), None)],
        },
        id="mark-no-space-compound-surname",
    ),
    pytest.param(
        """\
新时代派出所工作的探索与实践

丁海波 范雨晴
"""
        + _BODY,
        {
            "title": "新时代派出所工作的探索与实践",
            "subtitle": None,
            "authors": [("丁海波", "author", (), None), ("范雨晴", "author", (), None)],
        },
        id="two-names-one-line",
    ),
    pytest.param(
        """\
守护青山绿水间的平安

——贵州省公安机关护航生态文明建设纪实

□ 本刊记者 尹嘉树
"""
        + _BODY,
        {
            "title": "守护青山绿水间的平安",
            "subtitle": "贵州省公安机关护航生态文明建设纪实",
            "authors": [("尹嘉树", "reporter", (), None)],
            "region": "贵州省",
        },
        id="magazine-staff-reporter",
    ),
    pytest.param(
        """\
关于提升农村地区见警率的思考

■ 聂文斌
"""
        + _BODY
        + """
（作者单位：江西省赣州市公安局）
""",
        {
            "title": "关于提升农村地区见警率的思考",
            "authors": [("聂文斌", "author", (), "江西省")],
        },
        id="trailing-author-unit",
    ),
    pytest.param(
        """\
坚持和发展新时代“枫桥经验”

■ 蒋立峰
"""
        + _BODY
        + """
（作者系湖北省委常委、政法委书记）
""",
        {
            "title": "坚持和发展新时代“枫桥经验”",
            "authors": [("蒋立峰", "author", ("湖北省委常委", "政法委书记"), "湖北省")],
            "region": "湖北省",
        },
        id="trailing-zuozhexi",
    ),
    pytest.param(
        """\
小小警务室守护大平安

通讯员 钱晓东
"""
        + _BODY,
        {
            "title": "小小警务室守护大平安",
            "subtitle": None,
            "authors": [("钱晓东", "reporter", (), None)],
        },
        id="tongxunyuan",
    ),
    pytest.param(
        """\
山东日照：“海上枫桥”护航渔民平安

本报记者 陈思远 通讯员 邹立新 黄小芳
"""
        + _BODY,
        {
            "title": "山东日照：“海上枫桥”护航渔民平安",
            "subtitle": None,
            "authors": [
                ("陈思远", "reporter", (), None),
                ("邹立新", "reporter", (), None),
                ("黄小芳", "reporter", (), None),
            ],
            "region": "山东省",
        },
        id="reporter-and-correspondents",
    ),
    pytest.param(
        """\
推进城市治安防控体系建设的几点思考

■ 蓝卫东

【作者简介】蓝卫东，男，壮族，广西壮族自治区南宁市公安局副局长。
"""
        + _BODY,
        {
            "title": "推进城市治安防控体系建设的几点思考",
            "authors": [("蓝卫东", "author", ("广西壮族自治区南宁市公安局副局长",), "广西壮族自治区")],
            "region": "广西壮族自治区",
        },
        id="author-bio-bracket",
    ),
    pytest.param(
        """\
以高水平安全护航高质量发展

■ 柯振宇
"""
        + _BODY
        + """
（责任编辑：钟一鸣）
""",
        {
            "title": "以高水平安全护航高质量发展",
            "authors": [("柯振宇", "author", (), None)],
            "editors": ("钟一鸣",),
        },
        id="editor-variants",
    ),
    pytest.param(
        """\
织密社会治安防控网

■ 傅立言
"""
        + _BODY
        + """
责编：吴小雨
""",
        {
            "title": "织密社会治安防控网",
            "editors": ("吴小雨",),
        },
        id="editor-zebian-colon",
    ),
    pytest.param(
        """\
夯实基层基础 提升治理效能

■ 裴向东
"""
        + _BODY
        + """
编辑 / 王 敏
""",
        {
            "title": "夯实基层基础提升治理效能",
            "editors": ("王敏",),
        },
        id="editor-bianji-space-name",
    ),
    pytest.param(
        """\
奋力推进公安工作现代化江苏实践

江苏省公安厅党委书记、厅长 刘德昌
"""
        + _BODY,
        {
            "title": "奋力推进公安工作现代化江苏实践",
            "subtitle": None,
            "authors": [("刘德昌", "author", ("江苏省公安厅党委书记", "厅长"), "江苏省")],
            "region": "江苏省",
        },
        id="office-before-name-own-line",
    ),
    pytest.param(
        """\
打造首府平安新样板

呼和浩特市公安局党委书记、局长 包海峰
"""
        + _BODY,
        {
            "title": "打造首府平安新样板",
            "authors": [("包海峰", "author", ("呼和浩特市公安局党委书记", "局长"), "内蒙古自治区")],
            "region": "内蒙古自治区",
        },
        id="city-office-region-is-province",
    ),
    pytest.param(
        """\
奋力建设更高水平的平安福建

省委常委、政法委书记 林志坚
"""
        + _BODY,
        {
            "title": "奋力建设更高水平的平安福建",
            "authors": [("林志坚", "author", ("省委常委", "政法委书记"), "福建省")],
            "region": "福建省",
        },
        id="office-without-place-from-title",
    ),
    pytest.param(
        """\
奋力谱写黑龙江公安工作新篇章

公安厅党委书记、厅长 于洪涛
"""
        + _BODY,
        {
            "title": "奋力谱写黑龙江公安工作新篇章",
            "authors": [("于洪涛", "author", ("公安厅党委书记", "厅长"), "黑龙江省")],
            "region": "黑龙江省",
        },
        id="tingzhang-without-place",
    ),
    pytest.param(
        """\
2026年海南省政府工作报告
——2026年1月26日在海南省第七届人民代表大会第五次会议上
代省长 冯启航
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全省经济运行稳中有进。
""",
        {
            "title": "2026年海南省政府工作报告",
            "authors": [("冯启航", "author", ("代省长",), "海南省")],
            "region": "海南省",
        },
        id="acting-governor",
    ),
    pytest.param(
        """\
关于新时代枫桥式派出所建设的调研报告

云南省宾川县公安局课题组
"""
        + _BODY,
        {
            "title": "关于新时代枫桥式派出所建设的调研报告",
            "subtitle": None,
            "authors": [],
            "region": "云南省",
        },
        id="county-research-group",
    ),
    pytest.param(
        """\
关于全县农村道路交通安全治理的调研报告

遂平县公安局课题组

执笔：龚立伟
"""
        + _BODY,
        {
            "title": "关于全县农村道路交通安全治理的调研报告",
            "subtitle": None,
            "authors": [("龚立伟", "author", (), None)],
        },
        id="research-group-with-writer",
    ),
    pytest.param(
        """\
守护天山南北安宁

新疆维吾尔自治区公安厅副厅长 买买提江·吐尔逊
"""
        + _BODY,
        {
            "title": "守护天山南北安宁",
            "authors": [("买买提江·吐尔逊", "author", ("新疆维吾尔自治区公安厅副厅长",), "新疆维吾尔自治区")],
            "region": "新疆维吾尔自治区",
        },
        id="minority-name-with-dot",
    ),
    pytest.param(
        """\
以智慧新警务护航湾区发展

广东省公安厅党委书记、厅长 何振宇
广东省公安厅副厅长 黎嘉明
"""
        + _BODY,
        {
            "title": "以智慧新警务护航湾区发展",
            "authors": [
                ("何振宇", "author", ("广东省公安厅党委书记", "厅长"), "广东省"),
                ("黎嘉明", "author", ("广东省公安厅副厅长",), "广东省"),
            ],
            "region": "广东省",
        },
        id="two-authors-two-lines-with-offices",
    ),
    pytest.param(
        """\
基层社会治理中派出所职能定位研究

■ 卢军

内容提要：派出所是公安机关最基层的综合性战斗实体，在基层社会治理中承担着重要职责。

关键词：派出所；基层治理；职能定位
"""
        + _BODY,
        {
            "title": "基层社会治理中派出所职能定位研究",
            "authors": [("卢军", "author", (), None)],
            "abstract": "派出所是公安机关最基层的综合性战斗实体，在基层社会治理中承担着重要职责。",
            "keywords": ("派出所", "基层治理", "职能定位"),
        },
        id="content-summary-keywords-semicolon",
    ),
    pytest.param(
        """\
新形势下反电诈工作的实践探索

■ 雷鸣 孔令辉 白雪
"""
        + _BODY,
        {
            "title": "新形势下反电诈工作的实践探索",
            "authors": [
                ("雷鸣", "author", (), None),
                ("孔令辉", "author", (), None),
                ("白雪", "author", (), None),
            ],
        },
        id="three-names-mark",
    ),
    pytest.param(
        """\
推动黔东南民族地区长治久安

黔东南州委副书记、州长 杨光荣
"""
        + _BODY,
        {
            "title": "推动黔东南民族地区长治久安",
            "authors": [("杨光荣", "author", ("黔东南州委副书记", "州长"), "贵州省")],
            "region": "贵州省",
        },
        id="prefecture-office",
    ),
    pytest.param(
        """\
深化执法规范化建设

作者：汤文斌，安徽省公安厅副厅长
"""
        + _BODY,
        {
            "title": "深化执法规范化建设",
            "authors": [("汤文斌", "author", ("安徽省公安厅副厅长",), "安徽省")],
            "region": "安徽省",
        },
        id="zuozhe-name-comma-position",
    ),
    pytest.param(
        """\
把“枫桥经验”落到田间地头

文｜欧阳晓峰 邓佳
"""
        + _BODY,
        {
            "title": "把“枫桥经验”落到田间地头",
            "authors": [("欧阳晓峰", "author", (), None), ("邓佳", "author", (), None)],
        },
        id="wen-bar",
    ),
    pytest.param(
        """\
牢牢守住不发生系统性风险底线

■ 上官静

（作者系重庆市副市长、市公安局局长）
"""
        + _BODY,
        {
            "title": "牢牢守住不发生系统性风险底线",
            "authors": [("上官静", "author", ("重庆市副市长", "市公安局局长"), "重庆市")],
            "region": "重庆市",
        },
        id="name-line-then-positions-footnote-zuozhexi-before-body",
    ),
    pytest.param(
        """\
擦亮新时代“枫桥式”派出所金名片

磐安县委常委、县公安局局长 郑海林
"""
        + _BODY,
        {
            "title": "擦亮新时代“枫桥式”派出所金名片",
            "authors": [("郑海林", "author", ("磐安县委常委", "县公安局局长"), "浙江省")],
            "region": "浙江省",
        },
        id="county-office-region-is-province",
    ),
    pytest.param(
        """\
以“三所联调”化解基层矛盾纠纷

作者：谢晓丹（四川省成都市公安局党委委员、副局长）
"""
        + _BODY,
        {
            "title": "以“三所联调”化解基层矛盾纠纷",
            "authors": [("谢晓丹", "author", ("四川省成都市公安局党委委员", "副局长"), "四川省")],
            "region": "四川省",
        },
        id="zuozhe-name-bracket-positions",
    ),
    pytest.param(
        """\
新时代公安宣传工作的创新路径

■ 符晓光 邝立民
"""
        + _BODY
        + """
作者：符晓光，海南省公安厅宣传处处长；邝立民，海南省海口市公安局民警
""",
        {
            "title": "新时代公安宣传工作的创新路径",
            "authors": [
                ("符晓光", "author", ("海南省公安厅宣传处处长",), "海南省"),
                ("邝立民", "author", ("海南省海口市公安局民警",), "海南省"),
            ],
            "region": "海南省",
        },
        id="footnote-two-authors-with-offices",
    ),
    pytest.param(
        """\
高原上的“格桑花”警队

文/本刊记者 卓玛央宗 通讯员 次仁旺堆
"""
        + _BODY,
        {
            "title": "高原上的“格桑花”警队",
            "authors": [("卓玛央宗", "reporter", (), None), ("次仁旺堆", "reporter", (), None)],
        },
        id="wen-then-staff-reporter",
    ),
    pytest.param(
        """\
推进社会治安整体防控

■ 庞立志
"""
        + _BODY
        + """
责任编辑：关晓敏 胡海
""",
        {
            "title": "推进社会治安整体防控",
            "editors": ("关晓敏", "胡海"),
        },
        id="two-editors-one-line",
    ),
    pytest.param(
        """\
大数据背景下的警务情报分析研究

■ 章明远

摘要：大数据技术为警务情报分析提供了新的手段。

关键词：大数据；警务情报；情报分析

Abstract: Big data provides new means for police intelligence analysis.

Key words: big data; police intelligence
"""
        + _BODY,
        {
            "title": "大数据背景下的警务情报分析研究",
            "subtitle": None,
            "authors": [("章明远", "author", (), None)],
            "keywords": ("大数据", "警务情报", "情报分析"),
        },
        id="english-abstract-lines",
    ),
    pytest.param(
        """\
2024年第6期

守护万家灯火的“夜巡人”

■ 汪晓川
"""
        + _BODY,
        {
            "title": "守护万家灯火的“夜巡人”",
            "authors": [("汪晓川", "author", (), None)],
        },
        id="issue-line-before-title",
    ),
    pytest.param(
        """\
【特别策划】

平安中国建设的地方实践

■ 包晓峰
"""
        + _BODY,
        {
            "title": "平安中国建设的地方实践",
            "authors": [("包晓峰", "author", (), None)],
        },
        id="column-tag-before-title",
    ),
    pytest.param(
        """\
■ 仲文涛

深化“放管服”改革 优化公安政务服务
"""
        + _BODY,
        {
            "title": "深化“放管服”改革优化公安政务服务",
            "authors": [("仲文涛", "author", (), None)],
        },
        id="byline-before-title",
    ),
    pytest.param(
        """\
守护北疆草原安宁

锡林郭勒盟公安局党委书记、局长 乌云其木格
"""
        + _BODY,
        {
            "title": "守护北疆草原安宁",
            "authors": [("乌云其木格", "author", ("锡林郭勒盟公安局党委书记", "局长"), "内蒙古自治区")],
            "region": "内蒙古自治区",
        },
        id="five-char-mongolian-name",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a name of five characters or more without · (乌云其木格) is not read: the name "
            "grammar stops at four so that the tail of a title is not taken for a name",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), BYLINE_CASES)
def test_byline_forms(text: str, expected: dict[str, Any]) -> None:
    article = parse_one(text)
    got = {name: field_of(article, name) for name in expected}
    assert got == expected


COMPILATION_SLASH_BYLINES = """\
编者按：本期刊发两位基层民警的文章，供读者参考。

守护城市的“夜归人”

文/邹立新

近年来，全市公安机关坚持人民至上，持续提升群众安全感。夜间巡逻防控是其中的重要一环。

一、织密夜间巡逻网

全市公安机关科学划分巡逻区域。

山区派出所的“百宝箱”

文/本刊通讯员 蔡文静

山区派出所警力少、辖区大，我们探索出了一套行之有效的办法。

一、建强警务室

每个行政村都设有警务室。

责任编辑：柏晓岚
"""


def test_compilation_with_slash_bylines() -> None:
    """Articles signed 文/NAME split like those signed ■ NAME; the closing editor is every article's."""
    articles = parse_text(COMPILATION_SLASH_BYLINES).articles
    assert [(a.title, authors(a), a.editors) for a in articles] == [
        ("守护城市的“夜归人”", [("邹立新", "author", (), None)], ("柏晓岚",)),
        ("山区派出所的“百宝箱”", [("蔡文静", "reporter", (), None)], ("柏晓岚",)),
    ]


# Lines under a title that are not bylines, though they hold role words or look like names.
NOT_BYLINES = [
    pytest.param("常态长效 齐抓共管", id="four-character-phrases"),
    pytest.param("严打 严管 严防", id="two-character-words-with-a-surname-first"),
    pytest.param("公正 廉洁", id="dictionary-words"),
    pytest.param("记者招待会", id="role-word-in-a-phrase"),
    pytest.param("作者单位存在的问题", id="note-word-without-colon"),
]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_not_a_byline(line: str) -> None:
    article = parse_one("坚持和发展新时代枫桥经验\n\n" + line + "\n" + _BODY)
    assert article.authors == ()
    assert article.title is not None and article.title.startswith("坚持和发展新时代枫桥经验")


def test_author_note_in_body_prose_stays() -> None:
    """作者系… outside brackets is a note only as a list of offices: a sentence stays in the body."""
    article = parse_one("夯实基层基础\n\n■ 邢立军\n" + _BODY + "\n作者系统梳理了近年来的做法。\n")
    assert authors(article) == [("邢立军", "author", (), None)]
    assert "作者系统梳理了近年来的做法。" in article.body


# Openings of real files in ../shared/corpus (public government work reports and 新闻联播 stories):
# the header of the file's first article.
CORPUS = SHARED / "corpus"
CORPUS_HEADERS = [
    pytest.param(
        "gov-work-reports-2026/jiangsu.txt",
        {
            "title": "2026年江苏省政府工作报告",
            "authors": [("刘小涛", "author", ("省长",), "江苏省")],
            "region": "江苏省",
        },
        id="governor-line+photo-credit-is-no-reporter",
    ),
    pytest.param(
        "gov-work-reports-2026/guangxi.txt",
        {"authors": [("韦韬", "author", ("自治区主席",), "广西壮族自治区")], "region": "广西壮族自治区"},
        id="chairman-name-with-space",
    ),
    pytest.param(
        "gov-work-reports-2026/neimenggu.txt",
        {"authors": [("包钢", "author", ("自治区人民政府主席",), "内蒙古自治区")], "editors": ()},
        id="chairman-line+caption",
    ),
    pytest.param(
        "gov-work-reports-2026/hunan.txt",
        {"authors": [("毛伟明", "author", ("省长",), "湖南省")]},
        id="bare-name-line+caption-gives-office",
    ),
    pytest.param(
        "gov-work-reports-2025-docx/xinjiang.txt",
        {"authors": [("艾尔肯·吐尼亚孜", "author", ("自治区主席",), "新疆维吾尔自治区")]},
        id="minority-name-with-dot",
    ),
    pytest.param(
        "gov-work-reports-2025-docx/liaoning.txt",
        {"authors": [("李乐成", "author", ("省长",), "辽宁省")], "region": "辽宁省"},
        id="governor-in-subtitle",
    ),
    pytest.param(
        "xwlb/20221019-2.md",
        {"title": "二十大新闻中心举行第三场记者招待会", "authors": [], "editors": ()},
        id="news-记者-in-title-is-no-byline",
    ),
    pytest.param(
        "xwlb/20230107-5.md",
        {"title": "【新春走基层】北纬53°守卫零下50度的中国", "authors": []},
        id="news-column-tag-in-title",
    ),
]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus not present")
@pytest.mark.parametrize(("path", "expected"), CORPUS_HEADERS)
def test_corpus_header(path: str, expected: dict[str, Any]) -> None:
    article = parse_text((CORPUS / path).read_text(encoding="utf-8")).articles[0]
    got = {name: field_of(article, name) for name in expected}
    assert got == expected


# ---------------------------------------------------------------------------------------------
# Outline: (depth, label, title) of every heading, in order.

# A county report of the genre (written for these tests) whose parts are bare lines, as in the Gansu and
# Inner Mongolia 2026 reports: “十四五”时期工作回顾 / “十五五”时期的主要目标任务 / 2026年重点工作.
UNNUMBERED_PARTS = """关于全县社会治安综合治理工作的报告
县委政法委书记 李明
各位代表：
现在，我代表县委政法委报告工作，请予审议。
“十四五”时期工作回顾
五年来主要做了以下工作。
我们坚持系统治理，建成县乡村三级综治中心186个，化解矛盾纠纷1.2万件。
完善立体化治安防控体系，新建视频监控点位2300个，刑事案件发案数下降31.5%。
“十五五”时期的主要目标任务
一是基层治理效能明显提升。网格化服务管理全覆盖。
二是群众安全感明显提升。群众安全感稳定在98%以上。
2026年重点工作
一、深化平安建设
坚持和发展新时代“枫桥经验”，推进矛盾纠纷多元化解。
二、加强队伍建设
严格落实从严管党治警责任。
"""

# Short lines that hold a part word but are sentences, or are long slogans, are not part headings.
NOT_PARTS = """关于全县公安工作的报告
县公安局局长 王强
一、主要工作
今年重点工作是：稳增长、防风险。
推进2026年重点工作任务落实落地，确保全年目标圆满完成，为全县高质量发展提供坚强保障。
二、下步打算
持续深化改革。
"""

# Outline formats beyond the seeds' (round 2): bold, full-width spaces, parts, quoted lists.

PARTS_第一部分 = """\
关于加强县域社会治理的调研报告
县委政法委课题组
为摸清全县社会治理底数，课题组深入乡镇开展调研，形成本报告。
第一部分 基本情况
全县共有12个乡镇，常住人口28万人。
第二部分 存在问题
基层力量薄弱，矛盾纠纷化解能力不足。
第三部分 对策建议
健全县乡村三级综治中心，推动力量下沉。
"""

BOLD_HEADINGS = """\
坚持和发展新时代“枫桥经验”
浙江省公安厅厅长 李明远
近年来，全省公安机关坚持党建引领，推动矛盾纠纷就地化解。
**一、坚持党建引领，夯实基层基础**
全省派出所全面推行“所队融合”，警力下沉一线。
**二、坚持多元共治，提升化解效能**
建立公调对接机制，引导社会力量参与调解。
"""

FULLWIDTH_SPACE = """\
以高水平安全护航高质量发展
江苏省公安厅党委书记、厅长 周卫东
全省公安机关坚持统筹发展和安全，各项工作取得新进展。
一、　坚持政治建警，筑牢忠诚警魂
深入开展主题教育，推动理论武装走深走实。
二、　坚持改革强警，激发队伍活力
深化公安机关机构改革，优化警力资源配置。
"""

PAREN_RUN_IN = """\
关于矛盾纠纷多元化解的调研报告
市委政法委调研组
一、主要做法
（一）强化源头治理。全市建立矛盾纠纷排查台账，每月开展一次集中排查。
（二）健全调解网络。全市建成人民调解组织1200个，实现村居全覆盖。
二、存在问题
部分调解员业务能力不强，调解质量有待提升。
"""

ARABIC_COMMA_UNDER_PAREN = """\
关于全市公安执法规范化建设的调研报告
市公安局法制支队
一、主要做法
（一）完善执法制度
1、建立案件分级审核制度
全市对刑事案件实行分级审核，审核质量明显提升。
2、推行执法全过程记录
执法记录仪配备率达到100%。
（二）强化执法监督
开展执法质量考评，每季度通报一次。
"""

PAREN_ARABIC_CIRCLED = """\
关于智慧警务建设的调研报告
省公安厅科信处
一、建设情况
（一）基础设施
(1)视频监控网络
全省建成视频监控点位12万个。
①城区点位
城区实现重点部位全覆盖。
②农村点位
农村地区覆盖率达到85%。
(2)数据中心
建成省级公安大数据中心。
二、对策建议
加快推进数据共享。
"""

ENUM_IN_RUN_IN_PAREN = """\
推进平安乡村建设
四川省公安厅党委委员 张国强
一、强化基层基础
（一）夯实治安防控。一是完善农村技防体系，全省新建视频监控点位3万个。二是加强群防群治，组建平安志愿者队伍。
（二）深化矛盾化解。坚持和发展新时代“枫桥经验”，推动矛盾纠纷就地化解。
二、提升治理效能
加强部门协同，形成工作合力。
"""

ORDINALS_TOP = """\
做好新时代群众工作的几点思考
河南省公安厅政治部 王建华
群众工作是公安工作的生命线。
首先，要牢固树立群众观点。公安机关要始终把人民放在心中最高位置。
其次，要切实改进工作作风。深入基层、深入群众，倾听群众呼声。
最后，要健全联系群众机制。完善民意收集和反馈机制。
"""

HEADING_COLON = """\
关于基层派出所建设的调研报告
县公安局调研组
一、基本情况：
全县共有派出所15个，民警210名。
二、存在问题：
警力不足，辅警队伍不稳定。
三、对策建议：
优化警力配置，推动警力下沉。
"""

PAGE_NUMBER_AFTER_HEADING = """\
深化公安改革 推进警务现代化
山东省公安厅党委书记、厅长 刘建国
党的二十届三中全会对进一步全面深化改革作出部署。
一、深化机构职能改革
12
全省公安机关推进大部门大警种制改革，减少指挥层级。
二、深化执法权力运行机制改革
全面推行执法办案管理中心建设，执法质量明显提升。
"""

RESTART_IN_PART = """\
2025年全县公安工作总结和2026年工作打算
县公安局
一、2025年工作总结
（一）打击犯罪成效明显
全年破获刑事案件520起。
（二）治安防控不断加强
新建智慧安防小区30个。
二、2026年工作打算
（一）深化平安建设
持续推进扫黑除恶常态化。
（二）加强队伍建设
严格落实从严管党治警。
"""

ORDINALS_IN_SENTENCE = """\
以改革创新推动公安工作高质量发展
福建省公安厅厅长 陈志强
一、深化改革
推进改革要把握三点：第一，坚持问题导向；第二，坚持系统观念；第三，坚持守正创新。
二、强化科技
加快大数据、人工智能等新技术在警务工作中的应用。
"""

QUOTED_LIST = """\
关于贯彻落实省委文件精神的情况报告
市公安局
一、学习贯彻情况
市局党委认真学习省委印发的文件，文件包括以下内容：
“一、总体要求
二、主要任务
三、保障措施”
全局民警逐条对照，抓好贯彻落实。
二、下步打算
持续抓好文件精神的落实。
"""

NUMBERS_AT_LINE_START = """\
全市夏季治安打击整治行动成效明显
市公安局
一、主要成效
1.5万名民警辅警投入行动，全市刑事警情同比下降12%。
2、3月份两次集中清查行动中，共抓获违法犯罪人员300余名。
二、下步打算
持续保持严打高压态势。
"""

MARKDOWN_NUMBERED = """\
# 推进基层治理现代化
## 一、坚持党建引领
全面加强基层党组织建设。
## 二、坚持多元共治
推动社会力量参与基层治理。
"""

COUNTY_REPORT_PARTS = """\
关于全县矛盾纠纷多元化解工作的调研报告
县委政法委
按照县委安排，调研组深入10个乡镇开展专题调研。现将有关情况报告如下。
一、基本情况
（一）组织网络健全
全县建成调解组织230个。
（二）化解成效明显
全年化解矛盾纠纷3200件。
二、存在问题
（一）专业力量不足
专职调解员仅有45名。
（二）衔接机制不畅
诉调对接还不够顺畅。
三、对策建议
（一）充实调解力量
加大专职调解员招录力度。
（二）完善衔接机制
健全诉调、警调、访调对接机制。
"""

BOLD_TWO_LEVELS = """\
推进执法规范化建设
广东省公安厅 赵海峰
**一、完善执法制度体系**
**（一）健全执法标准**
制定执法标准指引30项。
**（二）规范执法流程**
推行受案立案制度改革。
**二、强化执法监督管理**
建立执法质量考评机制。
"""

ARABIC_DOT_SPACE = """\
关于加强社区警务工作的调研报告
市公安局课题组
一、主要做法
1. 推行社区民警专职化
全市社区民警专职率达到90%。
2. 建立警网融合机制
社区民警兼任网格指导员。
二、对策建议
进一步充实社区警力。
"""

CHAPTERS_THEN_CN = """\
平安县建设规划
县人民政府
第一章 总体要求
坚持以人民为中心的发展思想。
第二章 主要任务
一、完善治安防控体系
建设立体化信息化治安防控体系。
二、加强基层基础建设
推动警力下沉。
"""

OUTLINE_CASES = [
    pytest.param(
        SIGNED_MARK_FOOTNOTE,
        [
            (1, "一", "深化机构改革，构建科学高效的警务体系"),
            (1, "二", "深化基层改革，夯实平安建设的根基"),
        ],
        id="cn-numeral",
    ),
    pytest.param(
        FOUR_LEVELS,
        [
            (1, "一", "主要做法"),
            (2, "一", "健全执法制度体系"),
            (3, "1", "完善执法办案流程"),
            (4, "1", "建立案件分级审核制度"),
            (4, "2", "推行执法全过程记录"),
            (3, "2", "强化执法监督管理"),
            (2, "二", "提升民警执法能力"),
            (1, "二", "存在问题"),
        ],
        id="four-levels-一、（一）1.（1）",
    ),
    pytest.param(
        TOP_LEVEL_PAREN,
        [
            (1, "一", "推进户政业务“一网通办”"),
            (2, "1", "拓展线上服务事项"),
            (2, "2", "优化窗口服务流程"),
            (1, "二", "提升出入境服务水平"),
        ],
        id="top-level-（一）-is-depth-1",
    ),
    pytest.param(
        ASCII_PAREN,
        [(1, "一", "基本情况"), (1, "二", "主要问题"), (1, "三", "对策建议")],
        id="ascii-(一)",
    ),
    pytest.param(
        RUN_IN_ENUM,
        [
            (1, "一", "坚持源头治理"),
            (2, "一", "健全矛盾纠纷排查机制"),
            (2, "二", "完善多元化解平台"),
            (2, "三", "强化信访积案化解"),
            (1, "二", "坚持依法治理"),
        ],
        id="run-in-一是-under-一、",
    ),
    pytest.param(
        ENUM_UNDER_PAREN,
        [
            (1, "一", "主要做法"),
            (2, "一", "强化基础设施建设"),
            (3, "一", "完善视频监控网络"),
            (3, "二", "建设智慧安防小区"),
            (2, "二", "深化数据融合应用"),
        ],
        id="一是-under-（一）-is-depth-3",
    ),
    pytest.param(
        ORDINALS,
        [
            (1, "一", "准确把握职能定位"),
            (2, "", "必须坚持党对公安工作的绝对领导"),
            (2, "", "必须坚持以人民为中心"),
            (2, "三", "必须坚持依法履职"),
            (1, "二", "全面履行职责使命"),
        ],
        id="首先-其次-第三",
    ),
    pytest.param(
        HEADING_RUN_IN,
        [(1, "一", "坚持政治建警"), (1, "二", "坚持素质强警"), (1, "三", "坚持从严治警")],
        id="heading-runs-into-paragraph",
    ),
    pytest.param(
        INLINE_HEADING_SPACE,
        [(1, "一", "职能认识到位"), (1, "二", "措施落实到位")],
        id="heading-ends-at-a-space-before-its-paragraph",
    ),
    pytest.param(
        YIYAO_TOP,
        [(1, "一", "坚持正确政治方向"), (1, "二", "创新宣传方式方法"), (1, "三", "加强宣传队伍建设")],
        id="一要-as-top-level",
    ),
    pytest.param(
        TRAPS,
        [(1, "一", "主要成效"), (1, "二", "下一步打算")],
        id="traps-1.5万-lone-一是-2024年",
    ),
    pytest.param(
        MARKDOWN,
        [
            (1, "", "筑牢忠诚警魂"),
            (2, "", "坚持党对公安工作的绝对领导"),
            (2, "", "深化全警政治轮训"),
            (1, "", "守护万家平安"),
            (2, "", "严打突出违法犯罪"),
        ],
        id="markdown-##-###",
    ),
    pytest.param(
        HEADING_STRAY_SPACE,
        [(1, "一", "深化机构改革"), (1, "二", "推进警务系统集成改革")],
        id="pdf-stray-space-in-heading",
    ),
    pytest.param(
        HEADING_STRAY_SPACE_RUN_IN,
        [(1, "一", "深化机构改革"), (1, "二", "推进警务系统集成改革")],
        id="pdf-stray-space-in-run-in-heading",
    ),
    pytest.param(
        TOC_REPORT,
        [
            (1, "一", "基本情况"),
            (1, "二", "主要做法"),
            (2, "一", "强化源头防控"),
            (2, "二", "深化专项整治"),
            (1, "三", "存在问题"),
            (1, "四", "对策建议"),
        ],
        id="table-of-contents-not-in-outline",
    ),
    pytest.param(
        TOC_WITH_HEADING_LINE,
        [(1, "一", "基本情况"), (1, "二", "主要做法"), (1, "三", "对策建议")],
        id="table-of-contents-under-目录",
    ),
    pytest.param(
        APPENDIX,
        [(1, "一", "建设情况"), (1, "二", "对策建议")],
        id="附件-not-in-outline",
    ),
    pytest.param(
        GLOSSARY,
        [(1, "一", "建设成效"), (1, "二", "存在不足")],
        id="名词解释-not-in-outline",
    ),
    pytest.param(
        WORK_REPORT_LINE,
        [(1, "一", "2025年工作回顾"), (1, "二", "2026年工作安排")],
        id="work-report-一、2025年",
    ),
    pytest.param(
        ARABIC_YEAR,
        [(1, "1", "2025年主要工作"), (1, "2", "2026年工作打算")],
        id="arabic-1、2025年",
    ),
    pytest.param(
        NEWS_FEATURE,
        [],
        id="news-title-is-not-a-section",
    ),
    pytest.param(
        LIST_AFTER_COLON,
        [
            (1, "一", "基本做法"),
            (2, "一", "建立村级调解室，配齐专职调解员"),
            (2, "二", "推行网格员包片联户，做到小事不出村"),
            (2, "三", "完善诉调对接机制，引导群众依法维权"),
            (1, "二", "存在问题"),
        ],
        id="一是-list-after-a-colon",
    ),
    pytest.param(
        SERIES_FROM_TWO,
        [
            (1, "一", "主要成效"),
            (1, "二", "下步打算"),
            (2, "一", "优化警力配置，推动警力向一线倾斜"),
            (2, "二", "加强智慧派出所建设，提升科技应用水平"),
        ],
        id="a-series-does-not-start-at-二",
    ),
    pytest.param(
        COMPILATION_TRAILING,
        [(1, "一", "织密基层治理网格"), (1, "二", "提升网格治理效能")],
        id="first-article-of-a-compilation",
    ),
    pytest.param(
        UNNUMBERED_PARTS,
        [
            (1, "", "“十四五”时期工作回顾"),
            (1, "", "“十五五”时期的主要目标任务"),
            (2, "一", "基层治理效能明显提升"),
            (2, "二", "群众安全感明显提升"),
            (1, "", "2026年重点工作"),
            (2, "一", "深化平安建设"),
            (2, "二", "加强队伍建设"),
        ],
        id="unnumbered-part-headings",
    ),
    pytest.param(
        NOT_PARTS,
        [(1, "一", "主要工作"), (1, "二", "下步打算")],
        id="part-words-inside-sentences-are-not-headings",
    ),
    pytest.param(
        PARTS_第一部分,
        [
            (1, "一", "基本情况"),
            (1, "二", "存在问题"),
            (1, "三", "对策建议"),
        ],
        id="第一部分-第二部分",
    ),
    pytest.param(
        BOLD_HEADINGS,
        [
            (1, "一", "坚持党建引领，夯实基层基础"),
            (1, "二", "坚持多元共治，提升化解效能"),
        ],
        id="bold-markdown-一、",
    ),
    pytest.param(
        FULLWIDTH_SPACE,
        [
            (1, "一", "坚持政治建警，筑牢忠诚警魂"),
            (1, "二", "坚持改革强警，激发队伍活力"),
        ],
        id="full-width-space-after-一、",
    ),
    pytest.param(
        PAREN_RUN_IN,
        [
            (1, "一", "主要做法"),
            (2, "一", "强化源头治理"),
            (2, "二", "健全调解网络"),
            (1, "二", "存在问题"),
        ],
        id="（一）-run-into-paragraph",
    ),
    pytest.param(
        ARABIC_COMMA_UNDER_PAREN,
        [
            (1, "一", "主要做法"),
            (2, "一", "完善执法制度"),
            (3, "1", "建立案件分级审核制度"),
            (3, "2", "推行执法全过程记录"),
            (2, "二", "强化执法监督"),
        ],
        id="1、-under-（一）",
    ),
    pytest.param(
        PAREN_ARABIC_CIRCLED,
        [
            (1, "一", "建设情况"),
            (2, "一", "基础设施"),
            (3, "1", "视频监控网络"),
            (4, "①", "城区点位"),
            (4, "②", "农村点位"),
            (3, "2", "数据中心"),
            (1, "二", "对策建议"),
        ],
        id="(1)-and-①-levels",
    ),
    pytest.param(
        ENUM_IN_RUN_IN_PAREN,
        [
            (1, "一", "强化基层基础"),
            (2, "一", "夯实治安防控"),
            (3, "一", "完善农村技防体系，全省新建视频监控点位3万个"),
            (3, "二", "加强群防群治，组建平安志愿者队伍"),
            (2, "二", "深化矛盾化解"),
            (1, "二", "提升治理效能"),
        ],
        id="一是-inside-（一）-run-in",
    ),
    pytest.param(
        ORDINALS_TOP,
        [
            (1, "", "要牢固树立群众观点"),
            (1, "", "要切实改进工作作风"),
            (1, "", "要健全联系群众机制"),
        ],
        id="首先-其次-最后-top-level",
    ),
    pytest.param(
        HEADING_COLON,
        [
            (1, "一", "基本情况"),
            (1, "二", "存在问题"),
            (1, "三", "对策建议"),
        ],
        id="heading-ends-with-colon",
    ),
    pytest.param(
        PAGE_NUMBER_AFTER_HEADING,
        [
            (1, "一", "深化机构职能改革"),
            (1, "二", "深化执法权力运行机制改革"),
        ],
        id="page-number-after-heading",
    ),
    pytest.param(
        RESTART_IN_PART,
        [
            (1, "一", "2025年工作总结"),
            (2, "一", "打击犯罪成效明显"),
            (2, "二", "治安防控不断加强"),
            (1, "二", "2026年工作打算"),
            (2, "一", "深化平安建设"),
            (2, "二", "加强队伍建设"),
        ],
        id="二、-restarts-in-a-second-part",
    ),
    pytest.param(
        ORDINALS_IN_SENTENCE,
        [
            (1, "一", "深化改革"),
            (1, "二", "强化科技"),
        ],
        id="第一，-in-paragraph-not-heading",
    ),
    pytest.param(
        QUOTED_LIST,
        [
            (1, "一", "学习贯彻情况"),
            (1, "二", "下步打算"),
        ],
        id="quoted-document-list-not-headings",
    ),
    pytest.param(
        NUMBERS_AT_LINE_START,
        [
            (1, "一", "主要成效"),
            (1, "二", "下步打算"),
        ],
        id="1.5万-and-2、3月-at-line-start",
    ),
    pytest.param(
        MARKDOWN_NUMBERED,
        [
            (1, "一", "坚持党建引领"),
            (1, "二", "坚持多元共治"),
        ],
        id="markdown-#-with-一、",
    ),
    pytest.param(
        COUNTY_REPORT_PARTS,
        [
            (1, "一", "基本情况"),
            (2, "一", "组织网络健全"),
            (2, "二", "化解成效明显"),
            (1, "二", "存在问题"),
            (2, "一", "专业力量不足"),
            (2, "二", "衔接机制不畅"),
            (1, "三", "对策建议"),
            (2, "一", "充实调解力量"),
            (2, "二", "完善衔接机制"),
        ],
        id="county-report-三-parts",
    ),
    pytest.param(
        BOLD_TWO_LEVELS,
        [
            (1, "一", "完善执法制度体系"),
            (2, "一", "健全执法标准"),
            (2, "二", "规范执法流程"),
            (1, "二", "强化执法监督管理"),
        ],
        id="bold-（一）-under-bold-一、",
    ),
    pytest.param(
        ARABIC_DOT_SPACE,
        [
            (1, "一", "主要做法"),
            (2, "1", "推行社区民警专职化"),
            (2, "2", "建立警网融合机制"),
            (1, "二", "对策建议"),
        ],
        id="1.-with-a-space-under-一、",
    ),
    pytest.param(
        CHAPTERS_THEN_CN,
        [
            (1, "一", "总体要求"),
            (1, "二", "主要任务"),
            (2, "一", "完善治安防控体系"),
            (2, "二", "加强基层基础建设"),
        ],
        id="第一章-第二章",
    ),
]


@pytest.mark.parametrize(("text", "expected"), OUTLINE_CASES)
def test_outline(text: str, expected: list[tuple[int, str, str]]) -> None:
    article = parse_text(text).articles[0]
    assert outline(article) == expected


def _passing_with_sections(cases: list[Any]) -> list[Any]:
    return [c for c in cases if not c.marks and c.values[1]]


@pytest.mark.parametrize(("text", "expected"), _passing_with_sections(OUTLINE_CASES))
def test_section_offsets(text: str, expected: list[tuple[int, str, str]]) -> None:
    """Each section's source span holds the start of its title; parents come first and nest."""
    parsed = parse_text(text)
    article = parsed.articles[0]
    assert article.sections
    for k, s in enumerate(article.sections):
        printed = re.sub(r"\s+", "", parsed.text[s.start : s.end])
        assert s.title[:4] in printed, (s.title, printed)
        assert s.start < s.end <= s.body_end <= len(parsed.text)
        if s.parent is not None:
            parent = article.sections[s.parent]
            assert s.parent < k and parent.depth == s.depth - 1
            assert parent.start < s.start and s.body_end <= parent.body_end


def test_section_parents_and_ordinals() -> None:
    article = parse_one(FOUR_LEVELS)
    got = [(s.parent, s.ordinal) for s in article.sections]
    assert got == [(None, 1), (0, 1), (1, 1), (2, 1), (2, 2), (1, 2), (0, 2), (None, 2)]


# ---------------------------------------------------------------------------------------------
# Body: what is taken out (clutter, artifacts, tags, the table of contents) and what stays whole.

BODY_CASES = [
    pytest.param(
        FOOTNOTE_LATER,
        ["人民群众的获得感、幸福感、安全感不断增强。"],
        ["作者", "副主席", "摘要", "关键词", "覃海燕"],
        id="footnote-does-not-break-the-paragraph",
    ),
    pytest.param(
        SIGNED_MARK_FOOTNOTE,
        ["推出了一批管根本、利长远的改革举措"],
        ["作者", "甘肃省副省长", "摘要", "关键词", "孟繁星"],
        id="footnote-in-first-paragraph",
    ),
    pytest.param(
        PAGE_NUMBER_LATER,
        ["持续推进执法规范化建设，公安工作高质量发展取得明显成效。"],
        ["23"],
        id="stray-page-number-removed",
    ),
    pytest.param(
        PAGE_NUMBER,
        ["全力守护人民群众生命财产安全"],
        ["12"],
        id="stray-page-number-in-first-paragraph",
    ),
    pytest.param(
        NEWS_DATELINE,
        ["连日来，各地公安机关深入开展夏季治安打击整治行动", "确保群众平安"],
        ["查看原文", "<p>", "<strong>"],
        id="news-lead-paragraph-after-dateline-kept",
    ),
    pytest.param(
        WEB_PAGE,
        ["全省平安乡村建设推进会在太原召开", "把矛盾纠纷化解在基层"],
        ["您的位置", "字号", "分享", "扫一扫", "查看原文", "http", "<p>", "<br>", "来源", "发布时间"],
        id="web-page-clutter-removed",
    ),
    pytest.param(
        HTML_REMNANTS,
        ["队伍建设是公安工作的根本。", "筑牢忠诚警魂"],
        ["<p>", "</p>", "<br>", "<strong>", "■"],
        id="html-tags-removed",
    ),
    pytest.param(
        WORK_REPORT_LINE,
        ["我代表省人民政府"],
        ["字号", "加大", "来源", "江西日报", "叶青松"],
        id="work-report-header-not-in-body",
    ),
    pytest.param(
        TOC_REPORT,
        ["对重点车辆、重点驾驶人开展常态化排查"],
        ["调研报告"],
        id="toc-and-title-not-in-body",
    ),
    pytest.param(
        APPENDIX,
        ["提升网格治理效能"],
        ["附件", "名词解释", "网格警务："],
        id="appendix-cut",
    ),
    pytest.param(
        NEWS_ONE_REPORTER,
        ["群众办理事故理赔的平均时间明显缩短"],
        ["石振宇"],
        id="closing-reporter-not-in-body",
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), BODY_CASES)
def test_body(text: str, present: list[str], absent: list[str]) -> None:
    body = parse_one(text).body
    for s in present:
        assert s in body
    for s in absent:
        assert s not in body


@pytest.mark.parametrize(
    ("text", "ending"),
    [
        pytest.param(PAGE_NUMBER_LATER, "公安工作高质量发展取得明显成效。", id="later-paragraph"),
        pytest.param(
            PAGE_NUMBER,
            "社会治安形势持续平稳向好。",
            id="first-paragraph",
        ),
    ],
)
def test_broken_paragraph_is_joined_again(text: str, ending: str) -> None:
    paragraphs = parse_one(text).body.split("\n")
    assert [p.endswith(ending) for p in paragraphs if p.startswith("近年来")] == [True]


# ---------------------------------------------------------------------------------------------
# Home region: from the author's position, the title, a dominant prefecture in the body; None
# where the text hides the place.

REGION_CASES = [
    pytest.param(TITLE_BYLINE_ONE_LINE, "青海省", id="from-position"),
    pytest.param(REGION_TITLE, "四川省", id="from-title"),
    pytest.param(SECOND_TITLE_LINE, "甘肃省", id="from-literary-name-in-title"),
    pytest.param(REGION_PREFECTURE, "贵州省", id="from-dominant-prefecture-in-body"),
    pytest.param(REGION_COUNTY_XX, None, id="XX县-hides-the-place"),
    pytest.param(REGION_MIXED, None, id="no-dominant-province"),
    pytest.param(MARKDOWN, "西藏自治区", id="from-city-in-title"),
]


@pytest.mark.parametrize(("text", "region"), REGION_CASES)
def test_home_region(text: str, region: str | None) -> None:
    assert parse_one(text).region == region


# ---------------------------------------------------------------------------------------------
# Files holding several articles.


def test_compilation_with_trailing_bylines() -> None:
    articles = parse_text(COMPILATION_TRAILING).articles
    got = [(a.title, authors(a), a.editors, a.region) for a in articles]
    assert got == [
        (
            "以警务网格化夯实基层治理根基",
            [("沈建明", "author", ("浙江省公安厅厅长",), "浙江省")],
            ("顾晓岚",),
            "浙江省",
        ),
        (
            "推进数字警务建设提升打防管控效能",
            [("黎志和", "author", ("广东省副省长", "省公安厅厅长"), "广东省")],
            ("顾晓岚",),
            "广东省",
        ),
        (
            "护航黄河流域生态保护和高质量发展",
            [("常建设", "author", ("河南省公安厅党委书记", "厅长"), "河南省")],
            ("顾晓岚",),
            "河南省",
        ),
    ]


def test_compilation_preface_is_not_an_article() -> None:
    articles = parse_text(COMPILATION_TRAILING).articles
    assert all("编者" not in a.body and "本刊特约" not in a.body for a in articles)
    assert [outline(a) for a in articles[1:]] == [
        [(1, "一", "夯实数据底座"), (1, "二", "深化实战应用")],
        [(1, "一", "严打破坏生态环境犯罪")],
    ]


def test_compilation_with_mark_bylines() -> None:
    articles = parse_text(COMPILATION_MARKS).articles
    got = [(a.title, authors(a)) for a in articles]
    assert got == [
        ("筑牢首都政治中心安全屏障", [("钱立群", "author", (), None)]),
        ("守护东海之滨万家灯火", [("范书恒", "author", (), None)]),
    ]


def test_article_spans_cover_their_titles() -> None:
    parsed = parse_text(COMPILATION_TRAILING)
    for a in parsed.articles:
        assert a.title is not None
        printed = re.sub(r"\s+", "", parsed.text[a.start : a.end])
        assert printed.startswith(a.title[:6])


def test_author_span_holds_the_name() -> None:
    parsed = parse_text(NAME_WITH_SPACE)
    (author,) = parsed.articles[0].authors
    assert "周岚" in re.sub(r"\s+", "", parsed.text[author.start : author.end])


def test_header_only_article() -> None:
    article = parse_one(HEADER_ONLY)
    assert (article.title, authors(article), article.body) == (
        "以高水平安全护航高质量发展",
        [("庞修远", "author", (), None)],
        "",
    )


def test_a_review_part_under_a_bare_heading_reports_what_was_done() -> None:
    """Under “十四五”时期工作回顾 the bare verbs report past work (建成…, 完善…); under 2026年重点工作
    they set tasks."""
    article = parse_text(UNNUMBERED_PARTS).articles[0]
    texts = [d.text for d in article.directives]
    assert not any(t.startswith(("我们坚持系统治理", "完善立体化治安防控体系")) for t in texts), texts
    assert any(t.startswith("坚持和发展新时代") for t in texts), texts
    assert any(t.startswith("严格落实从严管党治警责任") for t in texts), texts


ABSTRACT_ONLY = """坚持改革创新 推动基层治理提质增效
市公安局党委书记、局长 赵立群
摘要 推进市域社会治理现代化，必须坚持“三治融合”，打造“蓝盾驿站”服务品牌，守好黄河“生态线”，筑牢江苏南大门。
关键词 基层治理；改革创新
一、坚持问题导向
近年来，全市公安机关深化警务机制改革，社区警务室实现全覆盖。
二、坚持系统观念
要推动治理重心下移，夯实基层基础。
"""


def test_the_abstract_is_article_text_for_initiatives_and_regions() -> None:
    """An abstract may name what the body only paraphrases: its quoted initiatives and its places
    belong to the article (with spans in the source, and no section)."""
    article = parse_text(ABSTRACT_ONLY).articles[0]
    terms = {m.term: m for m in article.initiatives}
    assert {"三治融合", "蓝盾驿站", "生态线"} <= set(terms)
    m = terms["三治融合"]
    assert ABSTRACT_ONLY[m.start : m.end] == "三治融合" and m.section is None
    assert "江苏省" in {r.region for r in article.regions}
    assert article.abstract and article.abstract.startswith("推进市域社会治理现代化")


WITH_CONTENTS = """目录
一、基本情况
二、主要做法
（一）推行“一村一辅警”工作机制
三、存在问题
关于加强农村治安防控的调研报告
县公安局课题组
一、基本情况
全县辖12个乡镇，农村人口占六成以上。
二、主要做法
推行辅警驻村制度，实现行政村全覆盖。
三、存在问题
警力不足的问题依然存在。
"""


def test_a_table_of_contents_is_article_text_for_initiatives() -> None:
    """A contents line may name a mechanism the body only describes (“一村一辅警”); the contents
    lines are not sections of the body."""
    article = parse_text(WITH_CONTENTS).articles[0]
    assert "一村一辅警" in {m.term for m in article.initiatives}
    assert [s.title for s in article.sections] == ["基本情况", "主要做法", "存在问题"]
