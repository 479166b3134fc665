#!/usr/bin/env python3
"""Generate countries.tsv for diplograph's built-in gazetteer.

Base table: Debian iso-codes (ISO 3166-1 JSON + Japanese gettext catalogue,
ISO 3166-3 for withdrawn codes). Overlay: the hand-curated OVERLAY below adds
the names the press actually uses (short forms, metonyms, demonyms, Japanese
press forms and single-kanji compound abbreviations) and drops unusable base
names. Run:  python3 generate_countries.py  (writes countries.tsv next to it),
then  python3 generate_countries.py --check  to validate all three files.

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

HEADER = "# id\tkind\tcountry\tname_en\tname_ja\taliases_en\tadjectives_en\taliases_ja\tabbr_ja\tformer"


def O(id, name_en=None, name_ja=None, en="", adj="", ja="", abbr="",
      former="", drop_en="", drop_ja=""):
    return id, dict(name_en=name_en, name_ja=name_ja, en=en, adj=adj, ja=ja,
                    abbr=abbr, former=former, drop_en=drop_en, drop_ja=drop_ja)


# ---------------------------------------------------------------------------
# Hand-curated overlay.  `en`, `adj`, `ja`, `abbr` are ADDED to the base
# names; `drop_en` / `drop_ja` remove base names (ambiguous, odd or wrong).
# name_en / name_ja override the display names.
# Policy notes:
# * Capitals are added as metonyms only when the press uses them for the
#   government and the word is not also a common word, first name or a
#   frequent other place (no Victoria, Kingston, Georgetown, Male, Santiago,
#   San Jose, Sofia, Nassau, Wellington, Jerusalem, Tel Aviv, Vienna (venue
#   of IAEA/OSCE/UN talks), The Hague (courts), Sanaa (Houthi-held)).
#   Brussels is given to the EU in organizations.tsv, not to Belgium.
# * Bare "Korea"/"朝鮮" are ambiguous and are not aliases of anything.
# * "Congo" alone -> COG (the ISO short name and the pre-1997 sense; the DRC
#   is "DR Congo", "DRC", "Democratic Republic of Congo", "Zaire").
#   "Congolese" -> COD (dominant sense of the demonym in news).
#   Japanese: コンゴ -> COG (iso-codes), コンゴ民主共和国 -> COD.
# * "Dominican" -> DOM; Dominica (DMA) has no adjective; bare ドミニカ dropped.
# * Moscow/Kremlin/Russian stay RUS, Belgrade stays SRB, Prague stays CZE,
#   Berlin stays DEU: roll-over to SUN/YUG/CSK/DDR by article date is the
#   extractor's job (names are unique per id here).
# * The Palestinian territories (West Bank, Gaza; ISO 3166-1 PSE covers
#   them) are PSE aliases: the gold files read Israeli action there as
#   against PSE, and ヨルダン川西岸 must not fall back to ヨルダン (JOR).
#   Likewise "Northern Ireland" is GBR so that it cannot match IRL.
# * 南ア (South Africa) is NOT an alias: it is a prefix of 南アジア.
# * Japanese single-kanji abbreviations only where well established in
#   compounds (日米 米中 対露 訪朝 中韓 米ソ 日豪 日印 ...).  Not added:
#   西 (Spain; clashes with 西側/西部), 宇 (Ukraine; 宇宙), 土 (Turkey),
#   瑞 (Sweden/Switzerland ambiguous).
# ---------------------------------------------------------------------------
OVERLAY = dict([
    # --- Major powers and the region the seed articles cover -------------
    O("USA", name_en="United States", name_ja="米国",
      en="the United States|United States of America|the United States of America|US|U.S.|USA|U.S.A.|America|Washington|White House|the White House|Pentagon|the Pentagon|State Department|the State Department",
      adj="American",
      ja="米国|アメリカ|アメリカ合衆国|合衆国|ワシントン|ホワイトハウス|米政府|米国政府|国務省|国防総省|ペンタゴン",
      abbr="米"),
    O("RUS", name_en="Russia", name_ja="ロシア",
      en="Russia|the Russian Federation|Moscow|Kremlin|the Kremlin",
      adj="Russian",
      ja="ロシア|ロシア連邦|ロシア政府|モスクワ|クレムリン",
      abbr="露|ロ"),
    O("CHN", name_en="China", name_ja="中国",
      en="China|the People's Republic of China|PRC|Beijing|Peking",
      adj="Chinese",
      ja="中国|中華人民共和国|中国政府|北京|中南海",
      abbr="中"),
    O("PRK", name_en="North Korea", name_ja="北朝鮮",
      en="North Korea|DPRK|D.P.R.K.|Pyongyang",
      adj="North Korean",
      ja="北朝鮮|朝鮮民主主義人民共和国|平壌",
      abbr="朝", drop_en="Korea, Democratic People's Republic of"),
    O("KOR", name_en="South Korea", name_ja="韓国",
      en="South Korea|Republic of Korea|the Republic of Korea|ROK|Seoul|Blue House",
      adj="South Korean",
      ja="韓国|大韓民国|韓国政府|ソウル|青瓦台",
      abbr="韓"),
    O("JPN", name_en="Japan", name_ja="日本",
      en="Japan|Tokyo",
      adj="Japanese",
      ja="日本|日本国|日本政府",
      abbr="日"),
    O("GBR", name_en="United Kingdom", name_ja="英国",
      en="Britain|Great Britain|the United Kingdom|UK|U.K.|London|Downing Street|Whitehall|Northern Ireland",
      adj="British",
      ja="英国|イギリス|英政府|英国政府|グレートブリテン及び北アイルランド連合王国|連合王国",
      abbr="英"),
    O("FRA", name_en="France", name_ja="フランス",
      en="Paris|Elysee|the Elysee|Élysée|the Élysée|Elysee Palace|Élysée Palace|Quai d'Orsay",
      adj="French",
      ja="フランス|フランス共和国|仏政府|エリゼ宮",
      abbr="仏"),
    O("DEU", name_en="Germany", name_ja="ドイツ",
      en="Berlin|Bonn|West Germany|Federal Republic of Germany|FRG",
      adj="German|West German",
      ja="ドイツ|ドイツ連邦共和国|独政府|西ドイツ|西独|ベルリン",
      abbr="独"),
    O("ITA", en="Rome", adj="Italian", ja="イタリア共和国", abbr="伊"),
    O("CAN", en="Ottawa", adj="Canadian", abbr="加"),
    O("AUS", name_ja="オーストラリア", en="Canberra|Commonwealth of Australia",
      adj="Australian", ja="オーストラリア|豪州|豪政府", abbr="豪"),
    O("IND", en="New Delhi", adj="Indian", ja="インド政府|ニューデリー", abbr="印"),
    O("UKR", en="Kyiv|Kiev", adj="Ukrainian", ja="ウクライナ政府|キーウ|キエフ"),
    O("TWN", name_en="Taiwan", name_ja="台湾",
      en="Taiwan|Republic of China|the Republic of China|ROC|Taipei",
      adj="Taiwanese",
      ja="台湾|中華民国|台湾当局",
      abbr="台",
      drop_en="Taiwan, Province of China", drop_ja="中国領・台湾"),
    O("PSE", name_en="Palestine", name_ja="パレスチナ",
      en="Palestine|State of Palestine|Palestinian Authority|the Palestinian Authority|Palestinian National Authority|Palestinians|the Palestinians|West Bank|the West Bank|Gaza|Gaza Strip|the Gaza Strip",
      adj="Palestinian",
      ja="パレスチナ|パレスチナ国|パレスチナ自治政府|パレスチナ自治区|ヨルダン川西岸|ヨルダン川西岸地区|ガザ|ガザ地区",
      drop_en="Palestine, State of"),
    O("ISR", en="Israel|State of Israel", adj="Israeli", ja="イスラエル政府"),
    O("IRN", name_en="Iran", name_ja="イラン",
      en="Iran|Islamic Republic of Iran|the Islamic Republic of Iran|Tehran|Teheran",
      adj="Iranian", ja="イラン|イラン政府|テヘラン"),
    O("VNM", name_en="Vietnam", name_ja="ベトナム",
      en="Vietnam|Viet Nam|Socialist Republic of Vietnam|Hanoi",
      adj="Vietnamese", ja="ベトナム|ベトナム社会主義共和国", abbr="越"),
    O("SYR", name_en="Syria", name_ja="シリア",
      en="Syria|Syrian Arab Republic|Damascus", adj="Syrian", ja="シリア|ダマスカス"),
    O("TUR", name_en="Turkey", name_ja="トルコ",
      en="Turkey|Türkiye|Turkiye|Republic of Turkey|Ankara",
      adj="Turkish", ja="トルコ|トルコ共和国|アンカラ"),
    # --- Europe -------------------------------------------------------------
    O("NLD", en="the Netherlands|Holland", adj="Dutch",
      ja="オランダ王国", abbr="蘭", drop_en=""),
    O("BEL", adj="Belgian", ja="ベルギー王国"),
    O("LUX", adj="Luxembourgish|Luxembourger"),
    O("CHE", en="Bern|Berne", adj="Swiss", ja="スイス連邦"),
    O("AUT", adj="Austrian", ja="オーストリア共和国"),
    O("ESP", en="Madrid", adj="Spanish", ja="スペイン王国"),
    O("PRT", en="Lisbon", adj="Portuguese"),
    O("IRL", en="Republic of Ireland|Dublin", adj="Irish", ja="アイルランド共和国"),
    O("DNK", en="Copenhagen", adj="Danish"),
    O("NOR", en="Oslo", adj="Norwegian"),
    O("SWE", en="Stockholm", adj="Swedish"),
    O("FIN", en="Helsinki", adj="Finnish"),
    O("ISL", en="Reykjavik", adj="Icelandic"),
    O("POL", en="Warsaw", adj="Polish"),
    O("CZE", name_en="Czech Republic", name_ja="チェコ",
      en="Czech Republic|Czechia|Prague", adj="Czech", ja="チェコ|チェコ共和国",
      drop_ja="Czechia"),
    O("SVK", en="Bratislava", adj="Slovak|Slovakian"),
    O("HUN", en="Budapest", adj="Hungarian"),
    O("ROU", en="Bucharest|Rumania", adj="Romanian|Rumanian"),
    O("BGR", adj="Bulgarian"),
    O("GRC", en="Athens", adj="Greek"),
    O("CYP", en="Nicosia", adj="Cypriot"),
    O("MLT", en="Valletta", adj="Maltese"),
    O("SRB", en="Belgrade", adj="Serbian|Serb", ja="セルビア共和国"),
    O("HRV", en="Zagreb", adj="Croatian"),
    O("SVN", en="Ljubljana", adj="Slovenian|Slovene"),
    O("BIH", en="Bosnia|Bosnia-Herzegovina|Bosnia and Hercegovina|BiH|Sarajevo",
      adj="Bosnian", ja="ボスニア|ボスニア・ヘルツェゴビナ"),
    O("MNE", en="Podgorica", adj="Montenegrin"),
    O("MKD", name_en="North Macedonia", name_ja="北マケドニア",
      en="Macedonia|Republic of Macedonia|Former Yugoslav Republic of Macedonia|FYROM|Skopje",
      adj="Macedonian", ja="北マケドニア|北マケドニア共和国|マケドニア|旧ユーゴスラビア・マケドニア共和国",
      drop_ja="North Macedonia"),
    O("ALB", en="Tirana", adj="Albanian"),
    O("MDA", name_en="Moldova", name_ja="モルドバ",
      en="Moldova|Moldavia|Chisinau|Chișinău", adj="Moldovan", ja="モルドバ"),
    O("BLR", en="Byelorussia|Belorussia|Minsk", adj="Belarusian|Belarussian|Byelorussian",
      ja="ベラルーシ共和国|白ロシア"),
    O("LTU", en="Vilnius", adj="Lithuanian"),
    O("LVA", en="Riga", adj="Latvian"),
    O("EST", en="Tallinn", adj="Estonian"),
    O("GEO", name_ja="ジョージア", en="Tbilisi", adj="Georgian", ja="ジョージア|グルジア"),
    O("ARM", en="Yerevan", adj="Armenian"),
    O("AZE", en="Baku", adj="Azerbaijani|Azeri"),
    O("VAT", name_en="Holy See", name_ja="バチカン",
      en="Vatican|the Vatican|Vatican City|Holy See|the Holy See",
      adj="", ja="バチカン|バチカン市国|ローマ教皇庁",
      drop_ja="聖庁"),
    O("MCO", adj="Monegasque"),
    O("AND", adj="Andorran"),
    O("SMR", adj="Sammarinese"),
    O("LIE", adj=""),
    # --- Middle East and North Africa ------------------------------------
    O("SAU", en="Riyadh|KSA", adj="Saudi|Saudi Arabian", ja="サウジ|サウジアラビア王国|リヤド"),
    O("ARE", name_en="United Arab Emirates",
      en="UAE|U.A.E.|the Emirates|Abu Dhabi", adj="Emirati", ja="UAE"),
    O("QAT", en="Doha", adj="Qatari"),
    O("KWT", adj="Kuwaiti"),
    O("BHR", en="Manama", adj="Bahraini"),
    O("OMN", en="Muscat", adj="Omani"),
    O("YEM", en="North Yemen", adj="Yemeni", ja="北イエメン|イエメン共和国"),
    O("IRQ", en="Baghdad", adj="Iraqi", ja="イラク共和国|バグダッド"),
    O("JOR", en="Amman", adj="Jordanian", ja="ヨルダン・ハシェミット王国"),
    O("LBN", en="Beirut", adj="Lebanese"),
    O("EGY", en="Cairo", adj="Egyptian", ja="エジプト・アラブ共和国"),
    O("LBY", en="Tripoli", adj="Libyan"),
    O("TUN", en="Tunis", adj="Tunisian"),
    O("DZA", en="Algiers", adj="Algerian"),
    O("MAR", en="Rabat", adj="Moroccan"),
    O("ESH", adj="Sahrawi"),
    O("AFG", en="Kabul", adj="Afghan", ja="アフガン|カブール"),
    O("PAK", en="Islamabad", adj="Pakistani", ja="イスラマバード"),
    # --- Asia and the Pacific -------------------------------------------
    O("BGD", en="Dhaka", adj="Bangladeshi"),
    O("LKA", en="Ceylon|Colombo", adj="Sri Lankan"),
    O("NPL", en="Kathmandu", adj="Nepali|Nepalese"),
    O("BTN", en="Thimphu", adj="Bhutanese"),
    O("MDV", adj="Maldivian"),
    O("MMR", en="Burma|Union of Myanmar|Naypyidaw|Naypyitaw|Nay Pyi Taw", adj="Burmese",
      ja="ビルマ"),
    O("THA", en="Bangkok", adj="Thai"),
    O("LAO", name_en="Laos", name_ja="ラオス", en="Laos|Vientiane", adj="Laotian|Lao",
      ja="ラオス"),
    O("KHM", en="Kampuchea|Phnom Penh", adj="Cambodian", ja="カンプチア"),
    O("MYS", en="Kuala Lumpur|Putrajaya", adj="Malaysian"),
    O("SGP", adj="Singaporean"),
    O("IDN", en="Jakarta", adj="Indonesian"),
    O("PHL", en="the Philippines|Manila", adj="Philippine|Filipino", abbr="比"),
    O("BRN", name_en="Brunei", name_ja="ブルネイ", en="Brunei", adj="Bruneian", ja="ブルネイ"),
    O("TLS", en="East Timor|Dili", adj="Timorese|East Timorese"),
    O("MNG", name_ja="モンゴル", en="Ulaanbaatar|Ulan Bator", adj="Mongolian", ja="モンゴル"),
    O("KAZ", en="Astana|Nur-Sultan", adj="Kazakh|Kazakhstani"),
    O("UZB", en="Tashkent", adj="Uzbek"),
    O("TKM", en="Ashgabat", adj="Turkmen"),
    O("TJK", en="Dushanbe", adj="Tajik"),
    O("KGZ", name_ja="キルギス", en="Kyrgyz Republic|Kirghizia|Bishkek", adj="Kyrgyz",
      ja="キルギス"),
    O("HKG", adj="", ja="香港特別行政区"),
    O("MAC", en="Macau", adj="", ja="マカオ特別行政区"),
    O("NZL", en="NZ", adj="", ja="NZ"),
    O("PNG", en="Port Moresby", adj="Papua New Guinean"),
    O("FJI", en="Suva", adj="Fijian"),
    O("SLB", en="Honiara", adj=""),
    O("VUT", adj=""),
    O("WSM", en="Apia", adj="Samoan", ja="サモア独立国"),
    O("TON", adj="Tongan"),
    O("NRU", adj="Nauruan"),
    O("PLW", adj="Palauan"),
    O("MHL", en="Majuro", adj="Marshallese"),
    O("TUV", adj="Tuvaluan"),
    # --- Africa ------------------------------------------------------------
    O("ZAF", en="Pretoria", adj="South African", ja="南アフリカ共和国"),
    O("NGA", en="Abuja", adj="Nigerian"),
    O("NER", en="Niamey", adj="Nigerien"),
    O("GHA", en="Accra", adj="Ghanaian"),
    O("CIV", name_en="Côte d'Ivoire", en="Ivory Coast|Cote d'Ivoire|Yamoussoukro|Abidjan",
      adj="Ivorian", ja="象牙海岸"),
    O("LBR", en="Monrovia", adj="Liberian"),
    O("SLE", en="Freetown", adj="Sierra Leonean"),
    O("GIN", en="Conakry", adj="Guinean"),
    O("GNB", en="Bissau", adj="Bissau-Guinean"),
    O("SEN", en="Dakar", adj="Senegalese"),
    O("GMB", en="the Gambia|Banjul", adj="Gambian"),
    O("MLI", en="Bamako", adj="Malian"),
    O("BFA", en="Upper Volta|Ouagadougou", adj="Burkinabe|Burkinabè"),
    O("TGO", en="Lome|Lomé", adj="Togolese"),
    O("BEN", en="Porto-Novo|Cotonou", adj="Beninese"),
    O("MRT", en="Nouakchott", adj="Mauritanian"),
    O("CPV", en="Cape Verde", adj="Cape Verdean", ja="カーボベルデ"),
    O("CMR", en="Yaounde|Yaoundé", adj="Cameroonian"),
    O("TCD", en="N'Djamena|Ndjamena", adj="Chadian"),
    O("CAF", en="Bangui", adj="", ja="中央アフリカ"),
    O("GAB", en="Libreville", adj="Gabonese"),
    O("GNQ", en="Malabo", adj="Equatorial Guinean|Equatoguinean"),
    O("STP", en="São Tomé and Príncipe|Sao Tome", adj=""),
    O("COG", name_en="Republic of the Congo", name_ja="コンゴ共和国",
      en="Congo|Republic of Congo|Congo Republic|Congo-Brazzaville|Brazzaville",
      adj="", ja="コンゴ共和国"),
    O("COD", name_en="Democratic Republic of the Congo", name_ja="コンゴ民主共和国",
      en="Democratic Republic of the Congo|Democratic Republic of Congo|the Democratic Republic of Congo|DR Congo|DRC|D.R. Congo|Congo-Kinshasa|Zaire|Kinshasa",
      adj="Congolese", ja="コンゴ民主共和国|旧ザイール|ザイール",
      drop_en="Congo, The Democratic Republic of the"),
    O("AGO", en="Luanda", adj="Angolan"),
    O("ZMB", en="Lusaka", adj="Zambian"),
    O("ZWE", en="Harare", adj="Zimbabwean"),
    O("MWI", en="Lilongwe", adj="Malawian"),
    O("MOZ", en="Maputo", adj="Mozambican"),
    O("NAM", en="Windhoek", adj="Namibian"),
    O("BWA", en="Gaborone", adj=""),
    O("LSO", en="Maseru", adj=""),
    O("SWZ", name_ja="エスワティニ", en="Swaziland|Mbabane", adj="Swazi",
      ja="エスワティニ|エスワティニ王国|スワジランド", drop_ja="Eswatini"),
    O("MDG", en="Antananarivo", adj="Malagasy"),
    O("MUS", en="Port Louis", adj="Mauritian"),
    O("SYC", adj="Seychellois"),
    O("COM", adj="Comorian"),
    O("KEN", en="Nairobi", adj="Kenyan"),
    O("UGA", en="Kampala", adj="Ugandan"),
    O("TZA", name_en="Tanzania", name_ja="タンザニア", en="Tanzania|Dodoma",
      adj="Tanzanian", ja="タンザニア|タンザニア連合共和国",
      drop_ja="タニザニア連合共和国"),
    O("RWA", en="Kigali", adj="Rwandan"),
    O("BDI", en="Gitega|Bujumbura", adj="Burundian"),
    O("ETH", en="Addis Ababa", adj="Ethiopian"),
    O("ERI", name_ja="エリトリア", en="Asmara", adj="Eritrean", ja="エリトリア"),
    O("DJI", adj="Djiboutian"),
    O("SOM", en="Mogadishu", adj="Somali"),
    O("SDN", en="the Sudan|Khartoum", adj="Sudanese"),
    O("SSD", en="Juba", adj="South Sudanese"),
    # --- Americas ----------------------------------------------------------
    O("MEX", en="Mexico City", adj="Mexican", abbr="墨"),
    O("GTM", adj="Guatemalan"),
    O("BLZ", en="Belmopan", adj="Belizean"),
    O("HND", en="Tegucigalpa", adj="Honduran"),
    O("SLV", adj="Salvadoran|Salvadorean"),
    O("NIC", en="Managua", adj="Nicaraguan"),
    O("CRI", adj="Costa Rican"),
    O("PAN", adj="Panamanian"),
    O("CUB", en="Havana", adj="Cuban"),
    O("HTI", en="Port-au-Prince", adj="Haitian"),
    O("DOM", en="Santo Domingo", adj="Dominican"),
    O("DMA", name_ja="ドミニカ国", ja="ドミニカ国", drop_ja="ドミニカ"),
    O("JAM", adj="Jamaican"),
    O("TTO", en="Port of Spain", adj="Trinidadian"),
    O("BRB", en="Bridgetown", adj="Barbadian"),
    O("BHS", en="the Bahamas", adj="Bahamian"),
    O("GRD", adj="Grenadian"),
    O("GUY", adj="Guyanese"),
    O("SUR", en="Paramaribo", adj="Surinamese"),
    O("VEN", name_en="Venezuela", name_ja="ベネズエラ",
      en="Venezuela|Caracas", adj="Venezuelan", ja="ベネズエラ"),
    O("COL", en="Bogota|Bogotá", adj="Colombian"),
    O("ECU", en="Quito", adj="Ecuadorian|Ecuadorean"),
    O("PER", en="Lima", adj="Peruvian"),
    O("BOL", name_en="Bolivia", name_ja="ボリビア", en="Bolivia|La Paz",
      adj="Bolivian", ja="ボリビア"),
    O("CHL", adj="Chilean"),
    O("ARG", en="Buenos Aires", adj="Argentine|Argentinian"),
    O("URY", en="Montevideo", adj="Uruguayan"),
    O("PRY", en="Asuncion|Asunción", adj="Paraguayan"),
    O("BRA", en="Brasilia|Brasília", adj="Brazilian", abbr="伯"),
    O("PRI", adj="Puerto Rican"),
    # --- Dependencies and odd ISO names -----------------------------------
    O("FSM", name_en="Micronesia", en="Micronesia|Federated States of Micronesia|Palikir",
      ja="ミクロネシア"),
    O("FLK", name_en="Falkland Islands", en="Falklands|Falkland Islands|Malvinas", ja="フォークランド諸島|マルビナス諸島",
      drop_en="Falkland Islands (Malvinas)", drop_ja="フォークランド諸島 (マルビナス)|マルビナス"),
    O("BES", name_en="Caribbean Netherlands", en="Bonaire, Sint Eustatius and Saba|Bonaire",
      ja="カリブ・オランダ|ボネール"),
    O("CCK", name_en="Cocos (Keeling) Islands", en="Cocos Islands|Keeling Islands", ja="ココス諸島|キーリング諸島",
      drop_ja="ココス (キーリング) 諸島"),
    O("MAF", name_en="Saint Martin", name_ja="サン・マルタン",
      en="Saint Martin", ja="サン・マルタン|フランス領サン・マルタン",
      drop_en="Saint Martin (French part)", drop_ja="サンマルタン (仏領)|サンマルタン|仏領"),
    O("SXM", name_en="Sint Maarten", name_ja="シント・マールテン",
      en="Sint Maarten", ja="シント・マールテン|オランダ領シント・マールテン",
      drop_en="Sint Maarten (Dutch part)", drop_ja="サンマルタン (オランダ領)|サンマルタン|オランダ領"),
    O("VGB", name_en="British Virgin Islands", drop_en="Virgin Islands, British"),
    O("VIR", name_en="U.S. Virgin Islands", en="U.S. Virgin Islands|US Virgin Islands",
      drop_en="Virgin Islands, U.S."),
    O("SHN", name_en="Saint Helena", en="Saint Helena|St Helena|St. Helena", ja="セントヘレナ"),
    O("SJM", ja="スヴァールバル諸島"),
    O("JEY", drop_en="Jersey"),   # would fire inside "New Jersey"
    O("UMI", en="U.S. Minor Outlying Islands"),
    # --- Former states (ISO 3166-3 withdrawn codes) -----------------------
    O("SUN", name_en="Soviet Union", name_ja="ソ連",
      en="Soviet Union|the Soviet Union|USSR|U.S.S.R.|Union of Soviet Socialist Republics",
      adj="Soviet", ja="ソ連|旧ソ連|ソビエト連邦|ソヴィエト連邦|ソビエト社会主義共和国連邦",
      abbr="ソ", former="yes"),
    O("DDR", name_en="East Germany", name_ja="東ドイツ",
      en="East Germany|German Democratic Republic|GDR|East Berlin",
      adj="East German", ja="東ドイツ|旧東ドイツ|東独|ドイツ民主共和国", former="yes"),
    O("YUG", name_en="Yugoslavia", name_ja="ユーゴスラビア",
      en="Yugoslavia|Socialist Federal Republic of Yugoslavia|Federal Republic of Yugoslavia|SFRY",
      adj="Yugoslav|Yugoslavian", ja="ユーゴスラビア|旧ユーゴスラビア|ユーゴ|旧ユーゴ|ユーゴスラビア連邦",
      former="yes"),
    O("CSK", name_en="Czechoslovakia", name_ja="チェコスロバキア",
      en="Czechoslovakia|Czechoslovak Socialist Republic|Czech and Slovak Federal Republic",
      adj="Czechoslovak", ja="チェコスロバキア|旧チェコスロバキア", former="yes"),
    O("SCG", name_en="Serbia and Montenegro", name_ja="セルビア・モンテネグロ",
      en="Serbia and Montenegro|State Union of Serbia and Montenegro",
      ja="セルビア・モンテネグロ", former="yes"),
    O("YMD", name_en="South Yemen", name_ja="南イエメン",
      en="South Yemen|People's Democratic Republic of Yemen",
      ja="南イエメン|イエメン民主人民共和国", former="yes"),
    O("VDR", name_en="North Vietnam", name_ja="北ベトナム",
      en="North Vietnam|Democratic Republic of Vietnam",
      ja="北ベトナム|ベトナム民主共和国", former="yes"),
    # Kosovo: not in ISO 3166-1; XKX is the user-assigned code used by the EU,
    # IMF and others.  Included because it is a frequent actor in the news.
    O("XKX", name_en="Kosovo", name_ja="コソボ",
      en="Kosovo|Republic of Kosovo|Pristina", adj="Kosovar|Kosovan",
      ja="コソボ|コソボ共和国|コソヴォ"),
])

FORMER_ORDER = ["SUN", "DDR", "YUG", "CSK", "SCG", "YMD", "VDR", "XKX"]


def split(cell):
    return [a for a in cell.split("|") if a] if cell else []


def add(lst, *items):
    for it in items:
        if it and it not in lst:
            lst.append(it)


def clean_en(name):
    """Usable English alias from an iso-codes name, or None."""
    if not name or ", " in name or "(" in name:
        return None
    if name.startswith("the "):
        name = name[4:]
    return name


def clean_ja(name, en_name):
    """Japanese aliases from an iso-codes translation."""
    if not name or name == en_name or re.fullmatch(r"[\x00-\x7f\u00c0-\u024f ]+", name):
        return []
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        return [m.group(1), m.group(2)]
    return [name]


def build():
    iso = json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]
    tr = gettext.translation("iso_3166-1", localedir=LOCALEDIR, languages=["ja"])
    rows = {}
    for e in iso:
        cid = e["alpha_3"]
        ov = OVERLAY.get(cid, {})
        name = e["name"]
        common = e.get("common_name")
        official = e.get("official_name")
        ja = tr.gettext(name)
        aliases = []
        add(aliases, clean_en(common), clean_en(name), clean_en(official))
        aliases_ja = clean_ja(ja, name)
        rows[cid] = dict(id=cid, name_en=common or (name if clean_en(name) else None),
                         name_ja=aliases_ja[0] if aliases_ja else None,
                         en=aliases, adj=[], ja=aliases_ja, abbr=[], former="")
    for cid in FORMER_ORDER:
        rows[cid] = dict(id=cid, name_en=None, name_ja=None, en=[], adj=[], ja=[], abbr=[], former="")
    for cid, ov in OVERLAY.items():
        if cid not in rows:
            sys.exit(f"overlay id {cid} not in base table")
        r = rows[cid]
        drop_en = set(split(ov["drop_en"]))
        drop_ja = set(split(ov["drop_ja"]))
        r["en"] = [a for a in r["en"] if a not in drop_en]
        r["ja"] = [a for a in r["ja"] if a not in drop_ja]
        if ov["name_en"]:
            r["name_en"] = ov["name_en"]
        if ov["name_ja"]:
            r["name_ja"] = ov["name_ja"]
        # display names lead the alias lists
        if ov["name_ja"]:
            r["ja"] = [ov["name_ja"]] + [a for a in r["ja"] if a != ov["name_ja"]]
        add(r["en"], *split(ov["en"]))
        add(r["adj"], *split(ov["adj"]))
        add(r["ja"], *split(ov["ja"]))
        add(r["abbr"], *split(ov["abbr"]))
        r["former"] = ov["former"]
        r["ja"] = [a for a in r["ja"] if a not in drop_ja]
    for r in rows.values():
        if not r["name_en"]:
            r["name_en"] = r["en"][0]
        if r["name_en"] not in r["en"] and r["id"] not in ("JEY", "CCK"):
            r["en"].insert(0, r["name_en"])
        if not r["name_ja"]:
            r["name_ja"] = r["ja"][0]
        r["ja"] = [unicodedata.normalize("NFKC", a) for a in r["ja"]]
    return rows


def write(rows):
    path = os.path.join(HERE, "countries.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "\n")
        f.write("# SOURCES: Debian iso-codes (ISO 3166-1, ISO 3166-3, Japanese iso_3166-1 catalogue); "
                "hand-curated overlay in generate_countries.py (press short forms, capitals used as "
                "metonyms, demonyms, Japanese press names and compound abbreviations)\n")
        f.write("# Generated by generate_countries.py; edit the overlay there, not this file.\n")
        f.write(STOP_NOTE)
        f.write("# Former states (former=yes) and XKX (Kosovo, user-assigned code) follow the ISO rows.\n")
        iso_ids = sorted(i for i in rows if i not in FORMER_ORDER)
        for cid in iso_ids + FORMER_ORDER:
            r = rows[cid]
            cells = [cid, "country", cid, r["name_en"], r["name_ja"], "|".join(r["en"]),
                     "|".join(r["adj"]), "|".join(r["ja"]), "|".join(r["abbr"]), r["former"]]
            f.write("\t".join(cells) + "\n")
    return path


# ---------------------------------------------------------------------------
# Validation over countries.tsv, organizations.tsv and groups.tsv
# ---------------------------------------------------------------------------
STOP_NOTE = (
    "# NOTE for the matcher: some aliases occur inside longer place names that are not actors. "
    "Suggested stop-phrases (match and discard, longest first): "
    "South China Sea|East China Sea|Latin America|North America|South America|Central America|"
    "Latin American|North American|South American|Central American|African American|Native American|"
    "Indian Ocean|Sea of Japan|Gulf of Mexico|Jordan River|Jordan Valley|New Guinea|Washington Post|"
    "Washington state|Paris Agreement|Paris Club|Rome Statute; "
    "インド太平洋|インド洋|インドシナ|中国地方|ジョージア州|内モンゴル|ワシントン州|ワシントン・ポスト|朝鮮半島|"
    "北京五輪|南シナ海|東シナ海. Katakana aliases (タイ, マリ, チリ, ガーナ, アメリカ ...) should only match "
    "at katakana-run boundaries (タイミング, マリウポリ, ラテンアメリカ).\n")


ID_RE = re.compile(r"^[A-Z][A-Z0-9]{0,15}$")


def check():
    errors = []
    seen_ids = {}
    owner = {}  # (lang-class, alias) -> id
    for fn, kind in (("countries.tsv", "country"), ("organizations.tsv", "organization"),
                     ("groups.tsv", "group")):
        path = os.path.join(HERE, fn)
        lines = open(path, encoding="utf-8").read().split("\n")
        if not lines[0].startswith("# id\tkind"):
            errors.append(f"{fn}: header missing")
        for n, line in enumerate(lines, 1):
            if not line or line.startswith("#"):
                continue
            where = f"{fn}:{n}"
            cols = line.split("\t")
            if len(cols) != 10:
                errors.append(f"{where}: {len(cols)} columns")
                continue
            cid, k, country, name_en, name_ja, en, adj, ja, abbr, former = cols
            if not ID_RE.match(cid):
                errors.append(f"{where}: bad id {cid!r}")
            if k != kind:
                errors.append(f"{where}: kind {k!r}")
            if cid in seen_ids:
                errors.append(f"{where}: duplicate id {cid} (also {seen_ids[cid]})")
            seen_ids[cid] = where
            if kind == "country" and country != cid:
                errors.append(f"{where}: country column {country!r}")
            if kind == "group" and country:
                errors.append(f"{where}: group with country")
            if former not in ("", "yes"):
                errors.append(f"{where}: former {former!r}")
            if not name_en or not name_ja:
                errors.append(f"{where}: missing display name")
            for c in cols:
                if c != c.strip() or "  " in c:
                    errors.append(f"{where}: stray spaces in {c!r}")
            for col, cell in (("aliases_en", en), ("adjectives_en", adj), ("aliases_ja", ja),
                              ("abbr_ja", abbr)):
                if not cell:
                    continue
                alts = cell.split("|")
                if "" in alts:
                    errors.append(f"{where}: empty alternative in {col}")
                if len(alts) != len(set(alts)):
                    errors.append(f"{where}: duplicate alternative in {col}")
                for a in alts:
                    if a != a.strip():
                        errors.append(f"{where}: spaces around {a!r}")
                    if col in ("aliases_ja", "abbr_ja") and unicodedata.normalize("NFKC", a) != a:
                        errors.append(f"{where}: not NFKC {a!r}")
                    cls = "abbr" if col == "abbr_ja" else "name"
                    key = (cls, a)
                    if key in owner and owner[key][0] != cid:
                        errors.append(f"{where}: alias {a!r} ({col}) also on {owner[key][0]} ({owner[key][1]})")
                    owner.setdefault(key, (cid, where))
    # organizations: country roll-up must name a known country
    for line in open(os.path.join(HERE, "organizations.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 10 and cols[2] and cols[2] not in seen_ids:
            errors.append(f"organizations.tsv: {cols[0]} rolls up to unknown {cols[2]}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(seen_ids)} ids, {len(owner)} distinct aliases, {len(errors)} errors")
    return not errors


if __name__ == "__main__":
    if "--check" not in sys.argv:
        print("wrote", write(build()))
    sys.exit(0 if check() else 1)
