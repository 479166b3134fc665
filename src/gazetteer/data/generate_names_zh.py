#!/usr/bin/env python3
"""Generate names_zh.tsv: Chinese names for the actors the other tables define.

Countries: Debian iso-codes (ISO 3166-1 JSON, ISO 3166-3 for withdrawn codes)
with the zh_CN, zh_TW and zh_HK gettext catalogues: the mainland, Taiwan and
Hong Kong names, and short forms made by dropping a state-form suffix
(伊朗伊斯兰共和国 -> 伊朗) when no other state has that short form. Overlay
(COUNTRIES below, hand-curated): the press forms the catalogues lack (韩国,
朝鲜, 北韩, 沙特), capitals and seats used as metonyms (华盛顿, 白宫, 克里姆林宫),
and the one-character abbreviations that count only inside compounds (中美,
对华, 美方). Organizations, groups and persons: hand-curated below, as
Xinhua / People's Daily (simplified) and Central News Agency / Liberty Times /
HK outlets (traditional) write them.

Names are written as the outlets write them, in either script: the matcher
folds them to simplified characters (src/simplify), as it folds the text, so
a traditional form is needed only where the wording differs (川普, 普丁, 紐西蘭),
not where only the characters do.

Run:  python3 generate_names_zh.py   (writes names_zh.tsv next to it).
The committed TSV is the product; this script documents how it was built.
"""
import gettext
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO3_JSON = "/usr/share/iso-codes/json/iso_3166-3.json"
LOCALEDIR = "/usr/share/locale"
CATALOGUES = ["zh_CN", "zh_TW", "zh_HK"]

# State-form suffixes dropped to make a short form (longest first).
SUFFIXES = ["玻利瓦尔共和国", "玻利瓦爾共和國", "多民族国", "多民族國", "伊斯兰共和国",
            "伊斯蘭共和國", "阿拉伯共和国", "阿拉伯共和國", "人民民主共和国", "人民民主共和國",
            "联合共和国", "聯合共和國", "联邦共和国", "聯邦共和國", "民主共和国", "共和国",
            "共和國", "联邦", "聯邦", "王国", "王國", "酋长国", "公国", "合众国", "合眾國"]
# Short forms that name something else or nothing (中非: China-Africa; 刚果
# alone stays COG; 多米尼加 is two states).
NO_SHORT = {"中非", "刚果", "剛果", "多米尼加", "朝鲜民主主义人民", "大韩民国", "大韓民國",
            "几内亚", "幾內亞"}

# Hand-curated: extra aliases, compound-only abbreviations, and catalogue
# names to drop (a name that is another's, or a province label).
def C(aliases="", abbr="", drop=""):
    return dict(aliases=aliases, abbr=abbr, drop=drop)

COUNTRIES = {
    "CHN": C("中国|中华人民共和国|中国政府|北京|中南海|中国大陆", "中|华"),
    "USA": C("美国|美利坚合众国|美国政府|华盛顿|白宫|五角大楼|美国国务院|美利坚", "美"),
    "RUS": C("俄罗斯|俄罗斯联邦|俄国|俄罗斯政府|莫斯科|克里姆林宫", "俄"),
    "JPN": C("日本|日本国|日本政府|东京", "日"),
    "KOR": C("韩国|大韩民国|南韩|首尔|汉城|青瓦台|韩国政府", "韩"),
    "PRK": C("朝鲜|北韩|朝鲜民主主义人民共和国|平壤|北朝鲜", "朝"),
    "TWN": C("台湾|中华民国|台北|台湾当局|台当局|台湾地区", "台", drop="中国台湾省"),
    "HKG": C("香港特区|香港特别行政区"),
    "MAC": C("澳门特区|澳门特别行政区"),
    "GBR": C("英国|大不列颠及北爱尔兰联合王国|英国政府|伦敦|唐宁街|联合王国", "英"),
    "FRA": C("法国|法兰西共和国|法国政府|巴黎|爱丽舍宫", "法"),
    "DEU": C("德国|德意志联邦共和国|德国政府|柏林|西德|联邦德国", "德"),
    "ITA": C("意大利"),
    "UKR": C("乌克兰|基辅|乌克兰政府", "乌"),
    "IRN": C("伊朗|德黑兰|伊朗政府"),
    "IRQ": C("巴格达"),
    "ISR": C("以色列|以色列政府"),
    "PSE": C("巴勒斯坦|巴勒斯坦国|巴勒斯坦民族权力机构|巴勒斯坦权力机构|加沙|加沙地带|加萨|加薩走廊|约旦河西岸|巴勒斯坦自治政府"),
    "SYR": C("叙利亚|大马士革|敘利亞"),
    "SAU": C("沙特|沙特阿拉伯|沙国|利雅得|利雅德|沙烏地|沙地阿拉伯"),
    "ARE": C("阿联酋|阿拉伯联合酋长国|阿布扎比|阿拉伯聯合大公國"),
    "QAT": C("卡塔尔|多哈|卡達"),
    "TUR": C("土耳其|安卡拉|土耳其政府"),
    "EGY": C("开罗"),
    "IND": C("印度|新德里|印度政府", "印"),
    "PAK": C("巴基斯坦|伊斯兰堡"),
    "AFG": C("阿富汗|喀布尔"),
    "VNM": C("越南|河内", "越"),
    "PHL": C("菲律宾|马尼拉", "菲"),
    "THA": C("泰国|曼谷", "泰"),
    "MMR": C("缅甸|内比都", "缅"),
    "KHM": C("柬埔寨|金边", "柬"),
    "LAO": C("老挝|寮国|万象"),
    "IDN": C("印尼|印度尼西亚|雅加达"),
    "MYS": C("马来西亚|吉隆坡|大马"),
    "SGP": C("新加坡|狮城"),
    "AUS": C("澳大利亚|澳洲|堪培拉", "澳"),
    "NZL": C("新西兰|纽西兰|惠灵顿"),
    "CAN": C("加拿大|渥太华"),
    "MEX": C("墨西哥"),
    "BRA": C("巴西|巴西利亚"),
    "ARG": C("阿根廷|布宜诺斯艾利斯"),
    "VEN": C("委内瑞拉|加拉加斯"),
    "BOL": C("玻利维亚"),
    "CUB": C("古巴|哈瓦那"),
    "POL": C("波兰|华沙"),
    "BLR": C("白俄罗斯|明斯克"),
    "MDA": C("摩尔多瓦"),
    "TZA": C("坦桑尼亚|坦尚尼亚"),
    "CZE": C("捷克|捷克共和国|布拉格"),
    "SLB": C("所罗门群岛|所罗门|霍尼亚拉"),
    "HND": C("洪都拉斯|宏都拉斯"),
    "NER": C("尼日尔|尼亚美"),
    "NGA": C("尼日利亚|奈及利亚|阿布贾"),
    "MKD": C("马其顿"),
    "FSM": C("密克罗尼西亚联邦"),
    "COD": C("刚果(金)|刚果民主共和国|民主刚果"),
    "COG": C("刚果(布)|刚果共和国"),
    "XKX": C("科索沃"),
    "SUN": C("苏联|苏维埃社会主义共和国联盟|前苏联", "苏"),
    "DDR": C("东德|民主德国|德意志民主共和国"),
    "YUG": C("南斯拉夫|南联盟"),
    "CSK": C("捷克斯洛伐克"),
    "VAT": C("梵蒂冈|教廷|罗马教廷"),
    "ESP": C("西班牙|马德里"),
    "NOR": C("挪威|奥斯陆"),
    "IRL": C("爱尔兰|都柏林"),
    "KAZ": C("哈萨克斯坦|哈萨克|阿斯塔纳"),
    "BEL": C("比利时"),
    "MAR": C("摩洛哥|拉巴特"),
    "LBN": C("黎巴嫩|贝鲁特"),
    "JOR": C("约旦|安曼"),
    "YEM": C("也门|萨那"),
    "LBY": C("利比亚|的黎波里"),
    "SDN": C("苏丹|喀土穆"),
    "ETH": C("埃塞俄比亚|衣索比亚"),
    "ZAF": C("南非|比勒陀利亚"),
    "KEN": C("肯尼亚|肯亚"),
    "MNG": C("蒙古|蒙古国|乌兰巴托"),
    "LKA": C("斯里兰卡|科伦坡"),
    "BGD": C("孟加拉国|孟加拉|达卡"),
    "NPL": C("尼泊尔|加德满都"),
    "SRB": C("塞尔维亚|贝尔格莱德"),
    "HUN": C("匈牙利|布达佩斯"),
    "GEO": C("格鲁吉亚|乔治亚|第比利斯"),
    "ARM": C("亚美尼亚|埃里温"),
    "AZE": C("阿塞拜疆|亚塞拜然|巴库"),
    "FIN": C("芬兰|赫尔辛基"),
    "SWE": C("瑞典|斯德哥尔摩"),
    "GRC": C("希腊|雅典"),
    "CHE": C("瑞士"),
    "NLD": C("荷兰"),
    "AUT": C("奥地利"),
    "PRT": C("葡萄牙|里斯本"),
    "ROU": C("罗马尼亚|布加勒斯特"),
    "BGR": C("保加利亚"),
    "LTU": C("立陶宛|维尔纽斯"),
    "LVA": C("拉脱维亚"),
    "EST": C("爱沙尼亚"),
    "PER": C("秘鲁"),
    "CHL": C("智利"),
    "COL": C("哥伦比亚"),
    "NIC": C("尼加拉瓜"),
    "PAN": C("巴拿马"),
    "KWT": C("科威特"),
    "OMN": C("阿曼"),
    "BHR": C("巴林"),
    "DZA": C("阿尔及利亚"),
    "TUN": C("突尼斯"),
    "MLI": C("马里"),
    "BFA": C("布基纳法索"),
    "TCD": C("乍得"),
    "SOM": C("索马里"),
    "SSD": C("南苏丹"),
    "UZB": C("乌兹别克斯坦"),
    "TKM": C("土库曼斯坦"),
    "KGZ": C("吉尔吉斯斯坦"),
    "TJK": C("塔吉克斯坦"),
    "BRN": C("文莱"),
    "TLS": C("东帝汶"),
    "PNG": C("巴布亚新几内亚"),
    "FJI": C("斐济"),
    "KIR": C("基里巴斯"),
    "NRU": C("瑙鲁"),
    "TUV": C("图瓦卢"),
    "PLW": C("帕劳"),
    "MHL": C("马绍尔群岛"),
    "VUT": C("瓦努阿图"),
    "WSM": C("萨摩亚"),
    "TON": C("汤加"),
    "HTI": C("海地"),
    "GTM": C("危地马拉|瓜地马拉"),
    "PRY": C("巴拉圭"),
    "SWZ": C("斯威士兰|史瓦帝尼|埃斯瓦蒂尼"),
    "CIV": C("科特迪瓦|象牙海岸"),
}

# Organizations and groups: id -> (aliases, abbreviations).
ORGS = {
    "UN": ("联合国|聯合國|联合国秘书处", ""),
    "UNSC": ("联合国安理会|安理会|联合国安全理事会|安全理事会|聯合國安理會", ""),
    "UNGA": ("联合国大会|联大", ""),
    "UNHRC": ("联合国人权理事会|人权理事会", ""),
    "UNHCR": ("联合国难民署|联合国难民事务高级专员办事处", ""),
    "UNICEF": ("联合国儿童基金会", ""),
    "UNESCO": ("联合国教科文组织", ""),
    "UNRWA": ("近东救济工程处|联合国近东巴勒斯坦难民救济和工程处", ""),
    "UNDP": ("联合国开发计划署", ""),
    "WFP": ("世界粮食计划署|世界粮食计划署", ""),
    "WHO": ("世界卫生组织|世卫组织|世卫", ""),
    "IAEA": ("国际原子能机构|國際原子能總署|原子能机构", ""),
    "OPCW": ("禁止化学武器组织|禁化武组织", ""),
    "ICJ": ("国际法院", ""),
    "ICC": ("国际刑事法院", ""),
    "WTO": ("世界贸易组织|世贸组织|世贸", ""),
    "IMF": ("国际货币基金组织|国际货币基金", ""),
    "WORLDBANK": ("世界银行|世行", ""),
    "ADB": ("亚洲开发银行|亚行", ""),
    "AIIB": ("亚洲基础设施投资银行|亚投行", ""),
    "INTERPOL": ("国际刑警组织", ""),
    "OECD": ("经济合作与发展组织|经合组织", ""),
    "EU": ("欧盟|欧洲联盟|欧盟委员会|歐盟|布鲁塞尔", "欧"),
    "COE": ("欧洲委员会", ""),
    "OSCE": ("欧洲安全与合作组织|欧安组织", ""),
    "NATO": ("北约|北大西洋公约组织|北約", ""),
    "WARSAWPACT": ("华沙条约组织|华约", ""),
    "CIS": ("独立国家联合体|独联体", ""),
    "CSTO": ("集体安全条约组织|集安组织", ""),
    "EAEU": ("欧亚经济联盟", ""),
    "SCO": ("上海合作组织|上合组织|上合", ""),
    "G7": ("七国集团|七国集团峰会|G7峰会", ""),
    "G8": ("八国集团", ""),
    "G20": ("二十国集团", ""),
    "G77": ("七十七国集团", ""),
    "BRICS": ("金砖国家|金砖|金砖五国", ""),
    "NONALIGNED": ("不结盟运动", ""),
    "OIC": ("伊斯兰合作组织", ""),
    "ARABLEAGUE": ("阿拉伯国家联盟|阿盟", ""),
    "GCC": ("海湾阿拉伯国家合作委员会|海湾合作委员会|海合会", ""),
    "OPEC": ("石油输出国组织|欧佩克", ""),
    "ASEAN": ("东盟|东南亚国家联盟|東協|东协", ""),
    "ARF": ("东盟地区论坛", ""),
    "EAS": ("东亚峰会", ""),
    "APEC": ("亚太经合组织|亚太经济合作组织", ""),
    "SAARC": ("南亚区域合作联盟|南盟", ""),
    "PIF": ("太平洋岛国论坛", ""),
    "QUAD": ("四方安全对话|美日印澳四方机制|四方机制", ""),
    "AUKUS": ("美英澳三边安全伙伴关系|奥库斯", ""),
    "FIVEEYES": ("五眼联盟", ""),
    "AU": ("非洲联盟|非盟", ""),
    "ECOWAS": ("西非国家经济共同体|西共体", ""),
    "SADC": ("南部非洲发展共同体", ""),
    "OAS": ("美洲国家组织", ""),
    "MERCOSUR": ("南方共同市场|南共市", ""),
    "CELAC": ("拉美和加勒比国家共同体|拉共体", ""),
    "PLO": ("巴勒斯坦解放组织|巴解组织", ""),
    "FATAH": ("法塔赫", ""),
    "HAMAS": ("哈马斯|伊斯兰抵抗运动|哈瑪斯", ""),
    "HEZBOLLAH": ("真主党", ""),
    "HOUTHI": ("胡塞武装|胡塞|胡塞组织", ""),
    "TALIBAN": ("塔利班|阿富汗塔利班", ""),
    "ISIS": ("伊斯兰国|ISIS|达伊沙", ""),
    "ALQAEDA": ("基地组织|盖达组织", ""),
    "PKK": ("库尔德工人党", ""),
    "KCNA": ("朝中社|朝鲜中央通讯社", ""),
    "RODONG": ("劳动新闻", ""),
    "KPA": ("朝鲜人民军", ""),
    "WPK": ("朝鲜劳动党", ""),
    "TASS": ("塔斯社", ""),
    "RIANOVOSTI": ("俄新社", ""),
    "FSB": ("俄罗斯联邦安全局|联邦安全局", ""),
    "XINHUA": ("新华社", ""),
    "PLA": ("中国人民解放军|解放军|人民解放军", ""),
    "CCP": ("中国共产党|中共", ""),
    "CCG": ("中国海警", ""),
    "CIA": ("美国中央情报局|中情局", ""),
    "FBI": ("美国联邦调查局|联邦调查局", ""),
    "USAID": ("美国国际开发署", ""),
    "USFK": ("驻韩美军", ""),
    "USFJ": ("驻日美军", ""),
    "JSDF": ("日本自卫队|自卫队", ""),
    "MOSSAD": ("摩萨德", ""),
    "IDF": ("以色列国防军|以军", ""),
    "IRGC": ("伊斯兰革命卫队|革命卫队", ""),
    "QUDSFORCE": ("圣城旅", ""),
    "IRNA": ("伊通社|伊朗伊斯兰共和国通讯社", ""),
    "SANA": ("叙利亚通讯社|叙通社", ""),
    "ANADOLU": ("阿纳多卢通讯社|阿纳多卢社", ""),
    "VNA": ("越南通讯社|越通社", ""),
    "WEST": ("西方|西方国家|西方列强|欧美|欧美国家|西方阵营", ""),
    "GLOBALSOUTH": ("全球南方", ""),
    "ARAB": ("阿拉伯国家", ""),
}

# Persons: id -> (full names, short forms used with a title or once named).
# Checked against press sources in 2026-12 as far as the SOURCES line of the output
# says; rows left open are listed in CHECK below.
PERSONS = {
    "person:xi-jinping": ("习近平", "习"),
    "person:li-qiang": ("李强", ""),
    "person:li-keqiang": ("李克强", ""),
    "person:wen-jiabao": ("温家宝", ""),
    "person:zhu-rongji": ("朱镕基", ""),
    "person:zhou-enlai": ("周恩来", ""),
    "person:mao-zedong": ("毛泽东", ""),
    "person:hu-jintao": ("胡锦涛", ""),
    "person:jiang-zemin": ("江泽民", ""),
    "person:li-peng": ("李鹏", ""),
    "person:han-zheng": ("", "韩正"),
    "person:wang-qishan": ("王岐山", ""),
    "person:wang-yi": ("王毅", ""),
    "person:qin-gang": ("秦刚", ""),
    "person:yang-jiechi": ("杨洁篪", ""),
    "person:li-zhaoxing": ("李肇星", ""),
    "person:tang-jiaxuan": ("唐家璇", ""),
    "person:qian-qichen": ("钱其琛", ""),
    "person:dong-jun": ("董军", ""),
    "person:li-shangfu": ("李尚福", ""),
    "person:wei-fenghe": ("魏凤和", ""),
    "person:chang-wanquan": ("常万全", ""),
    "person:liang-guanglie": ("梁光烈", ""),
    "person:cao-gangchuan": ("曹刚川", ""),
    "person:chi-haotian": ("迟浩田", ""),
    "person:wang-wenbin": ("汪文斌", ""),
    "person:mao-ning": ("毛宁", ""),
    "person:lin-jian": ("林剑", ""),
    "person:hua-chunying": ("华春莹", ""),
    "person:zhao-lijian": ("赵立坚", ""),
    "person:geng-shuang": ("耿爽", ""),
    "person:lu-kang": ("陆慷", ""),
    "person:hong-lei": ("洪磊", ""),
    "person:guo-jiakun": ("郭嘉昆", ""),
    "person:wu-qian": ("吴谦", ""),
    "person:zhang-xiaogang": ("张晓刚", ""),
    "person:tsai-ing-wen": ("蔡英文", ""),
    "person:lai-ching-te": ("赖清德", ""),
    "person:ma-ying-jeou": ("马英九", ""),
    "person:chen-shui-bian": ("陈水扁", ""),
    "person:lee-teng-hui": ("李登辉", ""),
    "person:hsiao-bi-khim": ("萧美琴", ""),
    "person:lin-chia-lung": ("林佳龙", ""),
    "person:wu-joseph": ("吴钊燮", ""),
    "person:chiu-kuo-cheng": ("邱国正", ""),
    "person:koo-wellington": ("顾立雄", ""),
    "person:cho-jung-tai": ("卓荣泰", ""),
    "person:su-tseng-chang": ("苏贞昌", ""),
    "person:chen-chien-jen": ("陈建仁", ""),
    "person:putin-vladimir": ("普京|弗拉基米尔·普京|普丁|蒲亭|普亭", "普京|普丁|蒲亭|普亭"),
    "person:medvedev-dmitry": ("梅德韦杰夫|梅德維傑夫", "梅德韦杰夫"),
    "person:lavrov-sergei": ("拉夫罗夫|谢尔盖·拉夫罗夫", "拉夫罗夫"),
    "person:peskov-dmitry": ("佩斯科夫|德米特里·佩斯科夫|培斯科夫", "佩斯科夫|培斯科夫"),
    "person:zakharova-maria": ("扎哈罗娃|玛丽亚·扎哈罗娃|玛利亚·扎哈罗娃", "扎哈罗娃"),
    "person:shoigu-sergei": ("绍伊古|謝爾蓋·紹伊古", "绍伊古"),
    "person:belousov-andrei": ("别洛乌索夫", "别洛乌索夫"),
    "person:mishustin-mikhail": ("米舒斯京", "米舒斯京"),
    "person:gorbachev-mikhail": ("戈尔巴乔夫|戈巴契夫", "戈尔巴乔夫|戈巴契夫"),
    "person:yeltsin-boris": ("叶利钦|葉爾欽", "叶利钦|葉爾欽"),
    "person:zelensky-volodymyr": ("泽连斯基|澤倫斯基|弗拉基米尔·泽连斯基", "泽连斯基|澤倫斯基"),
    "person:kuleba-dmytro": ("库列巴", "库列巴"),
    "person:sybiha-andrii": ("瑟比哈|西比加|西比哈|瑟比加", "瑟比哈|西比加|西比哈|瑟比加"),
    "person:umerov-rustem": ("乌梅罗夫", "乌梅罗夫"),
    "person:shmyhal-denys": ("什米加尔", "什米加尔"),
    "person:poroshenko-petro": ("波罗申科", "波罗申科"),
    "person:yanukovych-viktor": ("亚努科维奇", "亚努科维奇"),
    "person:yermak-andriy": ("叶尔马克", "叶尔马克"),
    "person:biden-joe": ("拜登|乔·拜登", "拜登"),
    "person:trump-donald": ("特朗普|川普|唐纳德·特朗普|唐納·川普", "特朗普|川普"),
    "person:obama-barack": ("奥巴马|欧巴马|巴拉克·奥巴马", "奥巴马|欧巴马"),
    "person:bush-george-w": ("小布什|乔治·沃克·布什|小布希", "小布什|小布希"),
    "person:clinton-bill": ("比尔·克林顿|柯林顿", "克林顿|柯林顿"),
    "person:clinton-hillary": ("希拉里·克林顿|希拉蕊", "希拉里"),
    "person:blinken-antony": ("布林肯|安东尼·布林肯|布林肯国务卿", "布林肯"),
    "person:rubio-marco": ("鲁比奥|卢比奥|盧比歐|马尔科·鲁比奥", "鲁比奥|卢比奥|盧比歐"),
    "person:pompeo-mike": ("蓬佩奥|迈克·蓬佩奥", "蓬佩奥"),
    "person:tillerson-rex": ("蒂勒森|提勒森", "蒂勒森|提勒森"),
    "person:kerry-john": ("约翰·克里", "克里|凯瑞"),
    "person:rice-condoleezza": ("康多莉扎·赖斯|康朵莉莎·莱斯", "赖斯"),
    "person:powell-colin": ("科林·鲍威尔", "鲍威尔"),
    "person:austin-lloyd": ("劳埃德·奥斯汀", "奥斯汀|奧斯丁"),
    "person:hegseth-pete": ("赫格塞思|海格塞斯", "赫格塞思|海格塞斯"),
    "person:mattis-jim": ("马蒂斯", "马蒂斯"),
    "person:esper-mark": ("埃斯珀|艾斯培", "埃斯珀|艾斯培"),
    "person:sullivan-jake": ("杰克·沙利文", "沙利文|蘇利文"),
    "person:vance-jd": ("万斯|范斯", "万斯|范斯"),
    "person:harris-kamala": ("卡马拉·哈里斯|賀錦麗", "贺锦丽"),
    "person:pence-mike": ("彭斯", "彭斯"),
    "person:kirby-john": ("约翰·柯比", "柯比"),
    "person:miller-matthew": ("马修·米勒", "米勒"),
    "person:price-ned": ("普赖斯|内德·普赖斯", "普赖斯"),
    "person:leavitt-karoline": ("莱维特|卡罗琳·莱维特", "莱维特"),
    "person:bolton-john": ("博尔顿|波顿", "博尔顿|波顿"),
    "person:reagan-ronald": ("里根|雷根", "里根|雷根"),
    "person:may-theresa": ("特雷莎·梅|文翠珊|梅伊", "文翠珊|梅伊"),
    "person:johnson-boris": ("鲍里斯·约翰逊", "约翰逊|強生"),
    "person:sunak-rishi": ("苏纳克|辛偉誠", "苏纳克|辛偉誠"),
    "person:starmer-keir": ("斯塔默|施凯尔|施紀賢|凯尔·斯塔默", "斯塔默|施凯尔|施紀賢"),
    "person:truss-liz": ("特拉斯|卓慧思", "特拉斯|卓慧思"),
    "person:cameron-david": ("卡梅伦|金馬倫", "卡梅伦|金馬倫"),
    "person:blair-tony": ("布莱尔|貝理雅", "布莱尔|貝理雅"),
    "person:lammy-david": ("林德偉", "拉米|林德偉"),
    "person:cleverly-james": ("克莱弗利|祁湛明", "克莱弗利|祁湛明"),
    "person:macron-emmanuel": ("马克龙|馬克宏|埃马纽埃尔·马克龙", "马克龙|馬克宏"),
    "person:hollande-francois": ("奥朗德|歐蘭德", "奥朗德|歐蘭德"),
    "person:sarkozy-nicolas": ("萨科齐|薩科吉", "萨科齐|薩科吉"),
    "person:chirac-jacques": ("希拉克|席哈克", "希拉克|席哈克"),
    "person:barrot-jean-noel": ("", "巴罗"),
    "person:le-drian-jean-yves": ("勒德里安", "勒德里安"),
    "person:scholz-olaf": ("朔尔茨|蕭茲|肖尔茨", "朔尔茨|蕭茲|肖尔茨"),
    "person:merkel-angela": ("默克尔|梅克爾|安格拉·默克尔", "默克尔|梅克爾"),
    "person:merz-friedrich": ("默茨|梅爾茨|弗里德里希·默茨", "默茨|梅爾茨"),
    "person:baerbock-annalena": ("贝尔伯克|貝爾伯克", "贝尔伯克"),
    "person:pistorius-boris": ("皮斯托里乌斯", "皮斯托里乌斯"),
    "person:steinmeier-frank-walter": ("施泰因迈尔", "施泰因迈尔"),
    "person:kishida-fumio": ("岸田文雄", "岸田"),
    "person:ishiba-shigeru": ("石破茂", "石破"),
    "person:abe-shinzo": ("安倍晋三", "安倍"),
    "person:suga-yoshihide": ("菅义伟", "菅"),
    "person:takaichi-sanae": ("高市早苗", "高市"),
    "person:hayashi-yoshimasa": ("林芳正", ""),
    "person:kamikawa-yoko": ("上川阳子", "上川"),
    "person:iwaya-takeshi": ("岩屋毅", "岩屋"),
    "person:motegi-toshimitsu": ("茂木敏充", "茂木"),
    "person:kono-taro": ("河野太郎", "河野"),
    "person:koizumi-junichiro": ("小泉纯一郎", "小泉"),
    "person:noda-yoshihiko": ("野田佳彦", "野田"),
    "person:hatoyama-yukio": ("鸠山由纪夫", "鸠山"),
    "person:kan-naoto": ("菅直人", ""),
    "person:fukuda-yasuo": ("福田康夫", "福田"),
    "person:aso-taro": ("麻生太郎", "麻生"),
    "person:nakatani-gen": ("中谷元", ""),
    "person:kihara-minoru": ("木原稔", "木原"),
    "person:yoon-suk-yeol": ("尹锡悦", "尹"),
    "person:lee-jae-myung": ("李在明", ""),
    "person:moon-jae-in": ("文在寅", "文"),
    "person:park-geun-hye": ("朴槿惠", "朴"),
    "person:lee-myung-bak": ("李明博", ""),
    "person:roh-moo-hyun": ("卢武铉", "卢"),
    "person:kim-dae-jung": ("金大中", ""),
    "person:han-duck-soo": ("韩德洙", ""),
    "person:cho-tae-yul": ("赵兑烈", ""),
    "person:park-jin": ("朴振", ""),
    "person:chung-eui-yong": ("郑义溶", ""),
    "person:kang-kyung-wha": ("康京和", ""),
    "person:cho-hyun": ("赵显", ""),
    "person:shin-won-sik": ("申源湜", ""),
    "person:kim-yong-hyun": ("金龙显", ""),
    "person:kim-jong-un": ("金正恩", ""),
    "person:kim-jong-il": ("金正日", ""),
    "person:kim-il-sung": ("金日成", ""),
    "person:kim-yo-jong": ("金与正", ""),
    "person:choe-son-hui": ("崔善姬", ""),
    "person:ri-yong-ho": ("李勇浩|李容浩", ""),
    "person:choe-ryong-hae": ("崔龙海", ""),
    "person:kim-yong-nam": ("金永南", ""),
    "person:guterres-antonio": ("古特雷斯|古特瑞斯|安东尼奥·古特雷斯", "古特雷斯|古特瑞斯"),
    "person:ban-ki-moon": ("潘基文", ""),
    "person:annan-kofi": ("科菲·安南", "安南"),
    "person:dujarric-stephane": ("迪雅里克|杜加里克", "迪雅里克|杜加里克"),
    "person:grossi-rafael": ("格罗西", "格罗西"),
    "person:tedros-adhanom-ghebreyesus": ("谭德塞", "谭德塞"),
    "person:stoltenberg-jens": ("斯托尔滕贝格|史托騰柏格", "斯托尔滕贝格|史托騰柏格"),
    "person:rutte-mark": ("吕特|呂特|马克·吕特", "吕特|呂特"),
    "person:von-der-leyen-ursula": ("冯德莱恩|馮德萊恩|乌尔苏拉·冯德莱恩", "冯德莱恩|馮德萊恩"),
    "person:borrell-josep": ("博雷利|波瑞爾", "博雷利|波瑞爾"),
    "person:kallas-kaja": ("卡拉斯|卡娅·卡拉斯", "卡拉斯"),
    "person:netanyahu-benjamin": ("内塔尼亚胡|納坦雅胡|納坦也胡|本雅明·内塔尼亚胡|尼坦雅胡", "内塔尼亚胡|納坦雅胡|納坦也胡|尼坦雅胡"),
    "person:gallant-yoav": ("加兰特|加朗特", "加兰特|加朗特"),
    "person:katz-israel": ("卡茨|伊斯雷尔·卡茨", "卡茨"),
    "person:herzog-isaac": ("赫尔佐格", "赫尔佐格"),
    "person:bennett-naftali": ("纳夫塔利·贝内特|班奈特", "贝内特|班奈特"),
    "person:lapid-yair": ("拉皮德", "拉皮德"),
    "person:gantz-benny": ("甘茨", "甘茨"),
    "person:sharon-ariel": ("阿里尔·沙龙", "沙龙"),
    "person:olmert-ehud": ("奥尔默特", "奥尔默特"),
    "person:peres-shimon": ("裴瑞斯", "佩雷斯|裴瑞斯"),
    "person:abbas-mahmoud": ("马哈茂德·阿巴斯", "阿巴斯"),
    "person:mustafa-mohammad": ("穆罕默德·穆斯塔法", "穆斯塔法"),
    "person:shtayyeh-mohammad": ("阿什泰耶", "阿什泰耶"),
    "person:haniyeh-ismail": ("哈尼亚|哈尼雅|伊斯梅尔·哈尼亚", "哈尼亚|哈尼雅"),
    "person:sinwar-yahya": ("辛瓦尔", "辛瓦尔"),
    "person:nasrallah-hassan": ("纳斯鲁拉|納斯魯拉", "纳斯鲁拉"),
    "person:khamenei-ali": ("哈梅内伊|哈米尼", "哈梅内伊|哈米尼"),
    "person:raisi-ebrahim": ("莱希|萊希", "莱希"),
    "person:pezeshkian-masoud": ("佩泽希齐扬|裴澤斯基安", "佩泽希齐扬|裴澤斯基安"),
    "person:rouhani-hassan": ("鲁哈尼|羅哈尼", "鲁哈尼|羅哈尼"),
    "person:araghchi-abbas": ("阿拉格齐|阿拉奇", "阿拉格齐|阿拉奇"),
    "person:amir-abdollahian-hossein": ("阿卜杜拉希扬", "阿卜杜拉希扬"),
    "person:zarif-mohammad-javad": ("扎里夫|查瑞夫", "扎里夫|查瑞夫"),
    "person:ahmadinejad-mahmoud": ("内贾德|艾哈迈迪内贾德|阿赫馬迪內賈德", "内贾德"),
    "person:al-assad-bashar": ("巴沙尔·阿萨德|巴沙爾", "阿萨德|巴沙尔"),
    "person:al-sharaa-ahmed": ("艾哈迈德·沙拉", "沙拉|夏拉"),
    "person:erdogan-recep-tayyip": ("埃尔多安|艾尔多安|厄多安|雷杰普·塔伊普·埃尔多安", "埃尔多安|艾尔多安|厄多安"),
    "person:fidan-hakan": ("费丹|菲丹", "费丹|菲丹"),
    "person:cavusoglu-mevlut": ("恰武什奥卢", "恰武什奥卢"),
    "person:sisi-abdel-fattah": ("塞西", "塞西"),
    "person:bin-salman-mohammed": ("穆罕默德·本·萨勒曼|穆罕默德·沙爾曼|穆罕默德·本·沙爾曼|小萨勒曼", "萨勒曼|沙爾曼"),
    "person:salman-bin-abdulaziz": ("萨勒曼·本·阿卜杜勒-阿齐兹", ""),
    "person:bin-farhan-faisal": ("费萨尔·本·法尔汉", "费萨尔"),
    "person:al-thani-tamim-bin-hamad": ("塔米姆·本·哈马德·阿勒萨尼|塔米姆", "塔米姆"),
    "person:bin-zayed-mohamed": ("穆罕默德·本·扎耶德|穆罕默德·本·扎耶德·阿勒纳哈扬", ""),
    "person:modi-narendra": ("莫迪|纳伦德拉·莫迪", "莫迪"),
    "person:jaishankar-subrahmanyam": ("苏杰生|蘇杰生", "苏杰生"),
    "person:singh-rajnath": ("拉杰纳特·辛格", ""),
    "person:sharif-shehbaz": ("夏巴兹·谢里夫|夏巴茲·夏立夫|夏巴兹", "夏巴兹|谢里夫|夏立夫"),
    "person:khan-imran": ("伊姆兰·汗", ""),
    "person:lula-da-silva-luiz-inacio": ("卢拉|路易斯·伊纳西奥·卢拉·达席尔瓦|魯拉", "卢拉|魯拉"),
    "person:bolsonaro-jair": ("博索纳罗|波索納洛", "博索纳罗|波索納洛"),
    "person:rousseff-dilma": ("罗塞夫|迪尔玛·罗塞夫|羅賽芙", "罗塞夫|羅賽芙"),
    "person:milei-javier": ("米莱|米雷伊", "米莱|米雷伊"),
    "person:maduro-nicolas": ("马杜罗|馬杜洛", "马杜罗|馬杜洛"),
    "person:chavez-hugo": ("查韦斯|查維茲", "查韦斯|查維茲"),
    "person:sheinbaum-claudia": ("辛鲍姆|薛恩鮑姆", "辛鲍姆"),
    "person:albanese-anthony": ("阿尔巴尼斯|艾班尼斯", "阿尔巴尼斯|艾班尼斯"),
    "person:wong-penny": ("黄英贤|黃英賢", ""),
    "person:marles-richard": ("理查德·马尔斯|馬勒斯", "马尔斯|馬勒斯"),
    "person:morrison-scott": ("斯科特·莫里森|莫瑞森", "莫里森|莫瑞森"),
    "person:luxon-christopher": ("拉克森|克里斯托弗·拉克森|盧克森", "拉克森|盧克森"),
    "person:trudeau-justin": ("特鲁多|杜鲁道", "特鲁多|杜鲁道"),
    "person:carney-mark": ("马克·卡尼", "卡尼"),
    "person:anwar-ibrahim": ("安瓦尔|安华", "安瓦尔|安华"),
    "person:marcos-ferdinand-jr": ("小马科斯|小馬可仕", "马科斯|小馬可仕"),
    "person:duterte-rodrigo": ("杜特尔特|杜特蒂", "杜特尔特|杜特蒂"),
    "person:subianto-prabowo": ("普拉博沃", "普拉博沃"),
    "person:widodo-joko": ("佐科|佐科·维多多", "佐科"),
    "person:to-lam": ("苏林|蘇林", ""),
    "person:pham-minh-chinh": ("范明政", ""),
    "person:hun-manet": ("洪马奈", ""),
    "person:hun-sen": ("洪森", ""),
    "person:min-aung-hlaing": ("敏昂莱", ""),
    "person:lukashenko-alexander": ("卢卡申科|盧卡申柯", "卢卡申科|盧卡申柯"),
    "person:orban-viktor": ("欧尔班|奥尔班", "欧尔班|奥尔班"),
    "person:vucic-aleksandar": ("武契奇|武齊奇", "武契奇|武齊奇"),
    "person:aliyev-ilham": ("阿利耶夫", "阿利耶夫"),
    "person:pashinyan-nikol": ("帕什尼扬", "帕什尼扬"),
    "person:tokayev-kassym-jomart": ("托卡耶夫", "托卡耶夫"),
    "person:ramaphosa-cyril": ("拉马福萨|拉瑪佛沙", "拉马福萨|拉瑪佛沙"),
    "person:ruto-william": ("鲁托|威廉·鲁托", "鲁托"),
    "person:tinubu-bola": ("提努布|蒂努布", "提努布|蒂努布"),
    "person:meloni-giorgia": ("梅洛尼", "梅洛尼"),
    "person:tajani-antonio": ("塔亚尼", "塔亚尼"),
    "person:sanchez-pedro": ("佩德罗·桑切斯", "桑切斯"),
    "person:tusk-donald": ("图斯克|圖斯克", "图斯克"),
    "person:duda-andrzej": ("杜达", "杜达"),
    "person:stubb-alexander": ("斯图布", "斯图布"),
    "person:kristersson-ulf": ("克里斯特松", "克里斯特松"),
    "person:frederiksen-mette": ("弗雷泽里克森|佛瑞德里克森", "弗雷泽里克森"),
    # Heads of state and government added on the persons branch (press forms; see CHECK for the rows left open).
    "person:lee-hsien-loong": ("李显龙", "李显龙"),
    "person:goh-chok-tong": ("吴作栋", "吴作栋"),
    "person:tharman-shanmugaratnam": ("尚达曼", "尚达曼"),
    "person:halimah-yacob": ("哈莉玛·雅各布", "哈莉玛"),
    "person:mahathir-mohamad": ("马哈蒂尔|馬哈蒂", "马哈蒂尔|馬哈蒂"),
    "person:najib-razak": ("纳吉布|納吉", "纳吉布|纳吉"),
    "person:abdullah-ahmad-badawi": ("阿卜杜拉·巴达维", "巴达维"),
    "person:muhyiddin-yassin": ("穆希丁|慕尤丁", "穆希丁|慕尤丁"),
    "person:ismail-sabri-yaakob": ("伊斯迈尔·沙布里|依斯迈沙比里", "伊斯迈尔"),
    "person:shinawatra-thaksin": ("他信·西那瓦|塔克辛|戴克辛", "他信|塔克辛|戴克辛"),
    "person:shinawatra-yingluck": ("英拉|盈拉", "英拉|盈拉"),
    "person:chan-o-cha-prayut": ("巴育|帕拉育", "巴育|帕拉育"),
    "person:thavisin-srettha": ("赛塔·他威信", "赛塔"),
    "person:shinawatra-paetongtarn": ("佩通坦|贝东丹|贝东塔", "佩通坦|贝东丹|贝东塔"),
    "person:charnvirakul-anutin": ("阿努廷", "阿努廷"),
    "person:aung-san-suu-kyi": ("昂山素季|昂山素姬", "昂山素季|昂山素姬"),
    "person:thein-sein": ("吴登盛|登盛", "登盛"),
    "person:than-shwe": ("丹瑞", "丹瑞"),
    "person:win-myint": ("温敏", "温敏"),
    "person:arroyo-gloria-macapagal": ("阿罗约|阿羅約", "阿罗约"),
    "person:aquino-benigno-iii": ("阿基诺三世|艾奎諾三世", "阿基诺|艾奎諾"),
    "person:estrada-joseph": ("约瑟夫·埃斯特拉达", "埃斯特拉达"),
    "person:wahid-abdurrahman": ("阿卜杜勒拉赫曼·瓦希德", "瓦希德"),
    "person:norodom-sihamoni": ("西哈莫尼", "西哈莫尼"),
    "person:norodom-sihanouk": ("西哈努克", "西哈努克"),
    "person:bolkiah-hassanal": ("哈桑纳尔·博尔基亚|哈桑纳尔", "哈桑纳尔"),
    "person:ramos-horta-jose": ("拉莫斯-奥尔塔|拉莫斯－奥尔塔", "拉莫斯-奥尔塔"),
    "person:gusmao-xanana": ("夏纳纳·古斯芒|古斯芒", "古斯芒"),
    "person:khurelsukh-ukhnaagiin": ("呼日勒苏赫", "呼日勒苏赫"),
    "person:musharraf-pervez": ("穆沙拉夫", "穆沙拉夫"),
    "person:sharif-nawaz": ("纳瓦兹·谢里夫|納瓦茲·夏立夫", "纳瓦兹"),
    "person:zardari-asif-ali": ("扎尔达里", "扎尔达里"),
    "person:karzai-hamid": ("卡尔扎伊|卡爾扎伊", "卡尔扎伊"),
    "person:ghani-ashraf": ("阿什拉夫·加尼", "加尼|甘尼"),
    "person:akhundzada-hibatullah": ("阿洪扎达", "阿洪扎达"),
    "person:hasina-sheikh": ("谢赫·哈西娜|哈西娜", "哈西娜"),
    "person:yunus-muhammad": ("穆罕默德·尤努斯", "尤努斯"),
    "person:rahman-tarique": ("塔里克·拉赫曼", "塔里克"),
    "person:rajapaksa-mahinda": ("马欣达·拉贾帕克萨", "马欣达"),
    "person:rajapaksa-gotabaya": ("戈塔巴雅·拉贾帕克萨", "戈塔巴雅"),
    "person:dissanayake-anura-kumara": ("迪萨纳亚克", "迪萨纳亚克"),
    "person:muizzu-mohamed": ("穆伊兹", "穆伊兹"),
    "person:mubarak-hosni": ("穆巴拉克", "穆巴拉克"),
    "person:morsi-mohamed": ("穆尔西", "穆尔西"),
    "person:al-bashir-omar": ("奥马尔·巴希尔", "巴希尔"),
    "person:mugabe-robert": ("穆加贝|穆加貝", "穆加贝"),
    "person:mnangagwa-emmerson": ("姆南加古瓦", "姆南加古瓦"),
    "person:kagame-paul": ("卡加梅", "卡加梅"),
    "person:museveni-yoweri": ("穆塞韦尼", "穆塞韦尼"),
    "person:nazarbayev-nursultan": ("纳扎尔巴耶夫|納札爾巴耶夫", "纳扎尔巴耶夫"),
    "person:mirziyoyev-shavkat": ("米尔济约耶夫", "米尔济约耶夫"),
    "person:rahmon-emomali": ("拉赫蒙", "拉赫蒙"),
    "person:saakashvili-mikheil": ("萨卡什维利", "萨卡什维利"),
    "person:castro-raul": ("劳尔·卡斯特罗", "劳尔"),
    "person:diaz-canel-miguel": ("迪亚斯-卡内尔|迪亚斯－卡内尔", "迪亚斯-卡内尔"),
    "person:bachelet-michelle": ("巴切莱特|巴舍莱", "巴切莱特"),
    "person:boric-gabriel": ("博里奇", "博里奇"),
    "person:kast-jose-antonio": ("何塞·安东尼奥·卡斯特", ""),  # 卡斯特 alone starts 卡斯特罗 (Castro)
    "person:morales-evo": ("埃沃·莫拉莱斯", "莫拉莱斯"),
    "person:bukele-nayib": ("布克莱|布格磊", "布克莱|布格磊"),
    "person:ortega-daniel": ("丹尼尔·奥尔特加", "奥尔特加|奥德嘉"),
    "person:correa-rafael": ("拉斐尔·科雷亚", "科雷亚"),
    "person:noboa-daniel": ("丹尼尔·诺沃亚|諾波亞", "诺沃亚|諾波亞"),
    "person:ardern-jacinda": ("阿德恩|阿爾登", "阿德恩|阿爾登"),
    "person:clark-helen": ("海伦·克拉克", "克拉克"),
    "person:key-john": ("约翰·基", ""),
    "person:mitsotakis-kyriakos": ("米佐塔基斯|米措塔基斯", "米佐塔基斯"),
    "person:tsipras-alexis": ("齐普拉斯", "齐普拉斯"),
    "person:fico-robert": ("菲佐", "菲佐"),
    "person:al-maliki-nouri": ("马利基", "马利基"),
    "person:al-sudani-mohammed-shia": ("苏达尼|穆罕默德·希亚·苏达尼", "苏达尼"),
    "person:talabani-jalal": ("塔拉巴尼", "塔拉巴尼"),
    "person:aoun-joseph": ("约瑟夫·奥恩", "奥恩"),
    "person:aoun-michel": ("米歇尔·奥恩", "奥恩"),
    "person:hariri-rafik": ("拉菲克·哈里里", "哈里里"),
    "person:hariri-saad": ("萨阿德·哈里里", "哈里里"),
    "person:mikati-najib": ("米卡提", "米卡提"),
    "person:saleh-ali-abdullah": ("阿里·阿卜杜拉·萨利赫", "萨利赫"),
    "person:bin-zayed-khalifa": ("哈利法·本·扎耶德", "哈利法"),
    "person:fahd-bin-abdulaziz": ("法赫德国王", "法赫德"),
    "person:bin-said-qaboos": ("卡布斯", "卡布斯"),
    "person:bin-tariq-haitham": ("海赛姆·本·塔里克", "海赛姆"),
    "person:ouattara-alassane": ("瓦塔拉", "瓦塔拉"),
    "person:tebboune-abdelmadjid": ("", "特本"),
    "person:saied-kais": ("凯斯·赛义德", "赛义德"),
    "person:bouteflika-abdelaziz": ("布特弗利卡", "布特弗利卡"),
    "person:mohammed-vi": ("穆罕默德六世", "穆罕默德六世"),
    "person:park-tae-joon": ("朴泰俊", ""),
    "person:lee-han-dong": ("李汉东", ""),
    "person:kim-suk-soo": ("金硕洙", ""),
    "person:goh-kun": ("", "高建"),
    "person:han-myeong-sook": ("韩明淑", ""),
    "person:han-seung-soo": ("韩升洙", ""),
    "person:chung-un-chan": ("郑云灿", ""),
    "person:lee-wan-koo": ("李完九", ""),
    "person:akihito": ("明仁|明仁上皇", "明仁"),
    "person:naruhito": ("德仁|德仁天皇", "德仁"),
}

# Rows the 2026-12 press check left open, written as `# check:` lines before the row.
CHECK = {
    'person:mao-zedong': 'own Chinese name, not compared with a press source',
    'person:jiang-zemin': 'own Chinese name, not compared with a press source',
    'person:han-zheng': 'own name; kept as a family form only (with a title or once named): bare 韩正 also reads 韩 + 正式 (Korea formally ...)',
    'person:wang-qishan': 'own Chinese name, not compared with a press source',
    'person:yang-jiechi': 'own Chinese name, not compared with a press source',
    'person:li-zhaoxing': 'own Chinese name, not compared with a press source',
    'person:tang-jiaxuan': 'own Chinese name, not compared with a press source',
    'person:qian-qichen': 'own Chinese name, not compared with a press source',
    'person:wei-fenghe': 'own Chinese name, not compared with a press source',
    'person:chang-wanquan': 'own Chinese name, not compared with a press source',
    'person:liang-guanglie': 'own Chinese name, not compared with a press source',
    'person:cao-gangchuan': 'own Chinese name, not compared with a press source',
    'person:chi-haotian': 'own Chinese name, not compared with a press source',
    'person:ma-ying-jeou': 'own Chinese name, not compared with a press source',
    'person:chiu-kuo-cheng': 'own Chinese name, not compared with a press source',
    'person:gorbachev-mikhail': 'not compared with a press source',
    'person:yeltsin-boris': 'not compared with a press source',
    'person:sybiha-andrii': '瑟比哈 and 西比加 not found in a press source (西比哈: RTI; 瑟比加: 2025 mainland report)',
    'person:shmyhal-denys': '什米加尔 not found in a source (HK01 writes 什梅加爾)',
    'person:poroshenko-petro': 'not compared with a press source',
    'person:yanukovych-viktor': 'not compared with a press source',
    'person:biden-joe': 'not compared with a press source',
    'person:bush-george-w': 'not compared with a press source',
    'person:clinton-bill': 'not compared with a press source',
    'person:clinton-hillary': 'not compared with a press source',
    'person:blinken-antony': 'not compared with a press source',
    'person:tillerson-rex': 'Taiwan form 提勒森 not compared with a source',
    'person:rice-condoleezza': 'not compared with a press source',
    'person:powell-colin': 'not compared with a press source',
    'person:esper-mark': 'not compared with a press source',
    'person:sullivan-jake': 'Taiwan form 蘇利文 not compared with a source',
    'person:harris-kamala': 'not compared with a press source',
    'person:pence-mike': 'not compared with a press source',
    'person:miller-matthew': 'not compared with a press source',
    'person:price-ned': 'not compared with a press source',
    'person:bolton-john': 'Taiwan form 波顿 not compared with a source',
    'person:reagan-ronald': 'not compared with a press source',
    'person:may-theresa': 'not compared with a press source',
    'person:sunak-rishi': 'not compared with a press source',
    'person:truss-liz': 'not compared with a press source',
    'person:lammy-david': 'not compared with a source; bare 拉米 starts 拉米雷斯 (Ramirez): family form only',
    'person:cleverly-james': 'not compared with a press source',
    'person:chirac-jacques': 'not compared with a press source',
    'person:barrot-jean-noel': 'not compared with a source; bare 巴罗 starts 巴罗佐 (Barroso): family form only',
    'person:le-drian-jean-yves': 'not compared with a press source',
    'person:scholz-olaf': '蕭茲 and 肖尔茨 not compared with a source',
    'person:baerbock-annalena': 'not compared with a press source',
    'person:steinmeier-frank-walter': 'not compared with a press source',
    'person:annan-kofi': 'full form 科菲·安南 not compared with a source',
    'person:stoltenberg-jens': 'Taiwan form 史托騰柏格 not compared with a source',
    'person:borrell-josep': 'not compared with a press source',
    'person:herzog-isaac': 'not compared with a press source',
    'person:bennett-naftali': 'Taiwan form 班奈特 not compared with a source',
    'person:sharon-ariel': 'not compared with a press source',
    'person:olmert-ehud': 'not compared with a press source',
    'person:peres-shimon': 'not compared with a source; bare 佩雷斯 is also Pérez: family form only',
    'person:abbas-mahmoud': 'not compared with a source; bare 阿巴斯 also names Abbas Araghchi and 阿巴斯港: family form only',
    'person:shtayyeh-mohammad': 'not compared with a press source',
    'person:haniyeh-ismail': 'not compared with a press source',
    'person:sinwar-yahya': 'not compared with a press source',
    'person:nasrallah-hassan': 'not compared with a press source',
    'person:rouhani-hassan': 'not compared with a press source',
    'person:zarif-mohammad-javad': 'not compared with a press source',
    'person:fidan-hakan': 'variant 菲丹 not compared with a source',
    'person:singh-rajnath': 'not compared with a press source',
    'person:khan-imran': 'not compared with a press source',
    'person:rousseff-dilma': 'not compared with a press source',
    'person:milei-javier': 'Taiwan form 米雷伊 not compared with a source',
    'person:chavez-hugo': 'not compared with a press source',
    'person:marles-richard': 'Taiwan form 馬勒斯 not compared with a source; bare 马尔斯 is also Mars, so it is a family form only',
    'person:morrison-scott': 'Taiwan form 莫瑞森 not compared with a source',
    'person:trudeau-justin': 'Taiwan form 杜鲁道 not compared with a source',
    'person:marcos-ferdinand-jr': 'not compared with a source; bare 马科斯 also names Marcos Sr.: family form only',
    'person:duterte-rodrigo': 'not compared with a press source',
    'person:widodo-joko': 'not compared with a press source',
    'person:tinubu-bola': 'not compared with a press source',
    'person:tajani-antonio': 'not compared with a press source',
    'person:goh-chok-tong': 'not compared with a press source',
    'person:halimah-yacob': 'not compared with a press source',
    'person:mahathir-mohamad': 'not compared with a press source',
    'person:najib-razak': 'not compared with a press source',
    'person:abdullah-ahmad-badawi': 'not compared with a press source',
    'person:muhyiddin-yassin': 'not compared with a press source',
    'person:ismail-sabri-yaakob': 'not compared with a press source',
    'person:thavisin-srettha': 'full form 赛塔·他威信 not compared with a source',
    'person:shinawatra-paetongtarn': '贝东丹 not found in a source (佩通坦: mainland; 贝东塔: CNA)',
    'person:aung-san-suu-kyi': 'not compared with a press source',
    'person:thein-sein': 'not compared with a press source',
    'person:than-shwe': 'not compared with a press source',
    'person:win-myint': 'not compared with a press source',
    'person:arroyo-gloria-macapagal': 'not compared with a press source',
    'person:aquino-benigno-iii': 'not compared with a press source',
    'person:estrada-joseph': 'not compared with a press source',
    'person:wahid-abdurrahman': 'not compared with a press source',
    'person:norodom-sihanouk': 'not compared with a press source',
    'person:bolkiah-hassanal': 'not compared with a press source',
    'person:ramos-horta-jose': 'not compared with a press source',
    'person:gusmao-xanana': 'not compared with a press source',
    'person:karzai-hamid': 'not compared with a press source',
    'person:hasina-sheikh': 'not compared with a press source',
    'person:yunus-muhammad': 'not compared with a press source',
    'person:rahman-tarique': 'not compared with a press source',
    'person:rajapaksa-mahinda': 'not compared with a press source',
    'person:rajapaksa-gotabaya': 'not compared with a press source',
    'person:dissanayake-anura-kumara': 'not compared with a press source',
    'person:morsi-mohamed': 'not compared with a press source',
    'person:al-bashir-omar': 'not compared with a press source',
    'person:mugabe-robert': 'not compared with a press source',
    'person:museveni-yoweri': 'not compared with a press source',
    'person:nazarbayev-nursultan': 'not compared with a press source',
    'person:saakashvili-mikheil': 'not compared with a press source',
    'person:castro-raul': 'not compared with a press source',
    'person:bachelet-michelle': 'not compared with a press source',
    'person:morales-evo': 'not compared with a press source',
    'person:bukele-nayib': 'mainland form 布克莱 not found in a source (布格磊: Taiwan press)',
    'person:ortega-daniel': 'mainland form 奥尔特加 not found in a source (Taiwan 奥德嘉: ETtoday 2017)',
    'person:correa-rafael': 'not compared with a press source',
    'person:ardern-jacinda': 'not compared with a press source',
    'person:clark-helen': 'not compared with a press source',
    'person:key-john': 'not compared with a press source',
    'person:tsipras-alexis': 'not compared with a press source',
    'person:al-maliki-nouri': 'not compared with a press source',
    'person:talabani-jalal': 'not compared with a press source',
    'person:aoun-joseph': 'not compared with a press source',
    'person:aoun-michel': 'not compared with a press source',
    'person:hariri-rafik': 'not compared with a press source',
    'person:hariri-saad': 'not compared with a press source',
    'person:mikati-najib': 'not compared with a press source',
    'person:saleh-ali-abdullah': 'not compared with a press source',
    'person:fahd-bin-abdulaziz': 'not compared with a press source',
    'person:bin-tariq-haitham': 'not compared with a press source',
    'person:ouattara-alassane': 'not compared with a press source',
    'person:tebboune-abdelmadjid': 'not compared with a source; bare 特本 occurs in 独特本色: family form only',
    'person:saied-kais': 'full form 凯斯·赛义德 not compared with a source',
    'person:bouteflika-abdelaziz': 'not compared with a press source',
    'person:mohammed-vi': 'not compared with a press source',
    'person:goh-kun': 'kept as a family form only: bare 高建 occurs inside 提高建设',
}

ABBR_NOTE = ("# abbr: one-character forms that count only inside compounds (中美, 对华, 美方); "
             "not listed: 巴 (Pakistan, Palestine or Brazil), 以 and 加 (common words), "
             "伊 (Iran or Iraq), 新 (Singapore or New Zealand).\n")


def split(cell):
    return [a for a in cell.split("|") if a] if cell else []


def add(lst, *items):
    for it in items:
        it = unicodedata.normalize("NFKC", it) if it else it
        if it and it not in lst:
            lst.append(it)


def short_forms(name):
    for suf in SUFFIXES:
        # 朝鲜民主主义人民共和国 leaves no name: nothing ending in 人民 or 民主.
        if (name.endswith(suf) and len(name) > len(suf) + 1
                and not name[: -len(suf)].endswith(("人民", "民主"))):
            return [name[: -len(suf)]]
    return []


def country_rows():
    iso = json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]
    iso3 = json.load(open(ISO3_JSON, encoding="utf-8"))["3166-3"]
    cats = [gettext.translation("iso_3166-1", LOCALEDIR, languages=[c]) for c in CATALOGUES]
    cats3 = [gettext.translation("iso_3166-3", LOCALEDIR, languages=[c], fallback=True)
             for c in CATALOGUES]
    rows, shorts = {}, {}
    for e in iso:
        names = []
        for key in ("name", "common_name", "official_name"):
            if key in e:
                for t in cats:
                    n = t.gettext(e[key])
                    if n != e[key]:
                        add(names, n)
        rows[e["alpha_3"]] = names
    for e in iso3:
        cid = e["alpha_3"]
        if cid in COUNTRIES and cid not in rows:
            rows[cid] = [n for t in cats3 if (n := t.gettext(e["name"])) != e["name"]][:0]
    for cid in COUNTRIES:
        rows.setdefault(cid, [])
    for cid, names in rows.items():
        for n in list(names):
            for s in short_forms(n):
                shorts.setdefault(s, set()).add(cid)
    taken = {n for names in rows.values() for n in names}
    for s, ids in shorts.items():
        if len(ids) == 1 and s not in taken and s not in NO_SHORT:
            add(rows[next(iter(ids))], s)
    out = {}
    for cid, names in rows.items():
        ov = COUNTRIES.get(cid, C())
        drop = set(split(ov["drop"]))
        aliases = []
        add(aliases, *split(ov["aliases"]))
        add(aliases, *[n for n in names if n not in drop and n not in NO_SHORT])
        out[cid] = (aliases, split(ov["abbr"]))
    return out


def check_unique(rows):
    owner, errors = {}, []
    for cid, (aliases, abbr, family) in rows.items():
        for a in aliases:
            if a in owner and owner[a] != cid:
                errors.append(f"{a!r} names both {owner[a]} and {cid}")
            owner[a] = cid
        for a in aliases + abbr + family:
            if "\t" in a or "|" in a or a != a.strip():
                errors.append(f"{cid}: bad name {a!r}")
    return errors


def main():
    rows = {cid: (a, b, []) for cid, (a, b) in country_rows().items() if a or b}
    for oid, (aliases, abbr) in ORGS.items():
        rows[oid] = (split(aliases), split(abbr), [])
    for pid, (aliases, family) in PERSONS.items():
        rows[pid] = (split(aliases), [], split(family))
    errors = check_unique(rows)
    for e in errors:
        print("ERROR", e)
    path = os.path.join(HERE, "names_zh.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# id\taliases\tabbr\tfamily\n")
        f.write("# Chinese names, simplified and traditional, for actors defined in the other "
                "tables. SOURCES: Debian iso-codes zh_CN, zh_TW and zh_HK catalogues (ISO 3166-1); "
                "press usage of Xinhua, People's Daily, CCTV (simplified) and Central News Agency, "
                "Liberty Times, HK01 (traditional). Persons (345 rows) were first written from the "
                "maintainers' reading; in 2026-12 they were checked, current office-holders first, against stored copies of public "
                "pages (Xinhua and CCTV reports as reposted, People's Daily, China News Service, "
                "Global Times, Lianhe Zaobao, Phoenix, CNA, Liberty Times, UDN, HK01, Ming Pao, "
                "zh.wikipedia mirrors and official sites such as mid.ru/cn, wam.ae/zh, iaea.org/zh): "
                "186 rows were found in such a source in their mainland form, 2 of them corrected "
                "(帕希尼扬 -> 帕什尼扬, 以色列·卡茨 -> 伊斯雷尔·卡茨); 41 Japanese and Korean rows "
                "follow the kanji/hanja of persons.tsv (simplified) and were not searched one by "
                "one; 118 rows were not compared with any source. 22 rows whose bare short form is "
                "a common word or another name (沙拉 salad, 他信 'he believes', 奥斯汀 Austin, "
                "约翰逊, 桑切斯, 阿巴斯, 韩正 in 韩正式, 高建 in 提高建设 ...) keep it only as a "
                "family form, used with a title or once the person is named; Taiwan and HK forms "
                "were added where a source used them (普亭, 戴克辛, 布格磊, 盧克森 ...). No row was "
                "removed. Rows and variants still open carry a # check: line.\n")
        f.write("# Generated by generate_names_zh.py; edit it, not this file. The matcher folds "
                "every name to simplified characters, as it folds the text.\n")
        f.write(ABBR_NOTE)
        for rid in sorted(rows, key=lambda r: (r.startswith("person:"), r)):
            aliases, abbr, family = rows[rid]
            if rid in CHECK:
                f.write(f"# check: {rid} {CHECK[rid]}\n")
            f.write("\t".join([rid, "|".join(aliases), "|".join(abbr), "|".join(family)]) + "\n")
    print("wrote", path, len(rows), "rows")
    return not errors


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
