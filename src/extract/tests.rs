//! One sentence in, the expected claims out (our own sentences, both languages).

use super::*;
use crate::extract::article::from_plain;

pub(crate) fn extractor() -> &'static Extractor {
    static E: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    E.get_or_init(|| Extractor::new(Gazetteer::builtin()))
}

/// `source relation target` at state level, with flags, for every non-leader
/// claim; the plugins' test modules use it too.
pub(crate) fn claims(text: &str) -> Vec<String> {
    let article = from_plain(text.to_owned());
    extractor()
        .extract(&article)
        .iter()
        .filter(|c| c.relation != Relation::LeaderOf)
        .map(|c| {
            let mut s = format!("{} {} {}", c.source.state(), c.relation, c.target.state());
            if c.negated {
                s.push_str(" negated");
            }
            if c.hedged {
                s.push_str(" hedged");
            }
            if !c.attributed_to.is_empty() {
                let who: Vec<_> = c.attributed_to.iter().map(|a| a.as_str()).collect();
                s.push_str(&format!(" by {}", who.join(",")));
            }
            s
        })
        .collect()
}

#[test]
fn japanese_agent_and_target_come_from_postpositions() {
    assert_eq!(
        claims("フランスはマリに部隊を派遣した。"),
        ["FRA deployment MLI"]
    );
    assert_eq!(
        claims("カナダがイランに制裁を科した。"),
        ["CAN sanctions IRN"]
    );
}

#[test]
fn japanese_prefixes_and_compounds_name_targets() {
    assert_eq!(claims("英国による対ロ制裁が続く。"), ["GBR sanctions RUS"]);
    assert_eq!(claims("インドの首相が訪米した。"), ["IND visit USA"]);
    assert_eq!(claims("日豪首脳会談が開かれた。"), ["AUS summit JPN"]);
    // 来 (come to) before a state's abbreviation is a visit to it, like 訪.
    assert_eq!(claims("インドの首相が来日した。"), ["IND visit JPN"]);
    // Alone, 来 is no cue: 来週, 来年, 以来.
    assert_eq!(
        claims("インドとパキスタンは来年協議する。"),
        ["IND summit PAK"]
    );
    assert!(claims("以来、インドの首相は来週まで滞在する。").is_empty());
}

#[test]
fn japanese_bare_title_after_a_state_is_that_states_office() {
    // 米国の大統領 is the American president last named; 韓国の大統領 is Korea's.
    assert_eq!(
        claims("米国のバイデン大統領が来日した。米国の大統領はその後訪韓した。"),
        ["USA visit JPN", "USA visit KOR"]
    );
    assert_eq!(
        claims("米国のバイデン大統領が来日した。韓国の大統領も訪日した。"),
        ["USA visit JPN", "KOR visit JPN"]
    );
}

#[test]
fn japanese_topic_carries_to_the_next_sentence() {
    assert_eq!(
        claims("トルコは声明を出した。シリアへの攻撃を続けている。"),
        ["TUR attack SYR"]
    );
}

#[test]
fn japanese_passive_swaps_the_roles() {
    assert_eq!(
        claims("キューバは米国から制裁を受けている。"),
        ["USA sanctions CUB"]
    );
}

#[test]
fn japanese_negation_hedging_and_attribution_are_flagged() {
    assert_eq!(
        claims("インドはロシアへの制裁に加わらない。"),
        ["IND sanctions RUS negated"]
    );
    assert_eq!(
        claims("ブラジルはアルゼンチンを訪問する見通しだ。"),
        ["BRA visit ARG hedged"]
    );
    assert_eq!(
        claims("イランがロシアに無人機を供与したと英国は分析している。"),
        Vec::<String>::new(),
        "a drone is not yet a weapons cue word"
    );
    assert_eq!(
        claims("イランがロシアに武器を供与したと英国は分析している。"),
        ["IRN arms_supply RUS by GBR"]
    );
}

#[test]
fn a_japanese_act_told_in_a_threat_is_hedged_and_a_tariff_is_a_sanction() {
    assert_eq!(
        claims("ペルーはチリに追加関税を課すと警告した。"),
        ["PER sanctions CHL hedged", "PER warning CHL"]
    );
    // Imposed, then warned: the tariff is told as done.
    assert_eq!(
        claims("ペルーはチリに追加関税を課し、警告した。"),
        ["PER sanctions CHL"]
    );
}

#[test]
fn signing_a_japanese_decree_is_no_agreement() {
    assert_eq!(
        claims("ペルーの大統領はチリに対して関税を課す大統領令に署名した。"),
        ["PER sanctions CHL"]
    );
    assert_eq!(
        claims("ペルーとチリは協定に署名した。"),
        ["CHL agreement PER"]
    );
}

#[test]
fn japanese_nominal_event_of_another_actor_is_not_the_subjects() {
    // The subject supports the invasion; it does not invade.
    assert_eq!(
        claims("ベラルーシがロシアにウクライナ侵攻を側面支援している。"),
        ["BLR support RUS"]
    );
}

#[test]
fn japanese_quotes_keep_their_own_actors() {
    assert!(claims("外相は「協議の結果によっては措置を取る」とインドに伝えた。").is_empty());
}

#[test]
fn a_japanese_quote_said_to_someone_is_about_them() {
    // The speaker's quote names no target: whom it is told to, or whose
    // envoy is summoned to hear it, is.
    assert_eq!(
        claims("チリはペルーに「厳しく非難する」と伝えた。"),
        ["CHL condemnation PER"]
    );
    assert_eq!(
        claims("チリの外相はペルーの大使を呼び「厳しく非難する」と述べた。"),
        ["CHL condemnation PER"]
    );
    assert!(claims("チリは「厳しく非難する」と述べた。").is_empty());
}

#[test]
fn a_japanese_quote_closed_by_a_case_particle_is_a_noun_of_the_sentence() {
    // `「…」を表明`: the words quoted are what is expressed, and the roles
    // around them hold.
    assert_eq!(
        claims("チリはペルーに対し「揺るぎない連帯」を表明した。"),
        ["CHL support PER"]
    );
    assert_eq!(
        claims("チリはペルーとの「特別な協力」を続けている。"),
        ["CHL cooperation PER"]
    );
}

#[test]
fn spans_point_into_the_original_bytes() {
    let text = "見出し\n\nＧ７はロシアに制裁を科した。";
    let article = from_plain(text.to_owned());
    let all = extractor().extract(&article);
    let c = all
        .iter()
        .find(|c| c.relation == Relation::Sanctions)
        .expect("a sanctions claim");
    assert_eq!(
        &text[c.evidence.span.range()],
        "Ｇ７はロシアに制裁を科した。"
    );
    assert_eq!(c.evidence.text, "Ｇ７はロシアに制裁を科した。");
    assert_eq!(c.evidence.sentence, 1);
}

#[test]
fn persons_yield_leader_of_their_state_once() {
    let article =
        from_plain("習近平国家主席は訪ロした。習氏はプーチン大統領と会談した。".to_owned());
    let all = extractor().extract(&article);
    let leaders: Vec<_> = all
        .iter()
        .filter(|c| c.relation == Relation::LeaderOf)
        .map(|c| format!("{} {}", c.source.id, c.target.id))
        .collect();
    assert_eq!(
        leaders,
        ["person:xi-jinping CHN", "person:putin-vladimir RUS"]
    );
}

#[test]
fn self_loops_after_roll_up_are_dropped() {
    assert!(claims("プーチン大統領はロシアを訪問した。").is_empty());
}

#[test]
fn japanese_bare_seat_of_power_and_doukoku_stand_for_a_state_named_before() {
    assert_eq!(
        claims("ペルー軍政は声明を出した。\nチリは軍政に制裁を科した。"),
        ["CHL sanctions PER"]
    );
    assert_eq!(
        claims("ペルーで大地震が起きた。\nチリは同国に緊急援助物資を送った。"),
        ["CHL humanitarian_aid PER"]
    );
    // `同国` is not the agent of its own sentence (`チリは同国に`: Peru).
    assert_eq!(
        claims("ペルーは声明を出した。\nチリは同国政府に抗議した。"),
        ["CHL condemnation PER"]
    );
    // Inside a word (政権交代) or after a name (チリ政権) it stands for nothing new.
    assert!(claims("ペルー軍政は声明を出した。\nチリの政権交代が続いた。").is_empty());
}

#[test]
fn japanese_bare_titles_refer_to_the_person_last_named() {
    assert_eq!(
        claims("メローニ首相は8日、インドのモディ首相と会談した。首相の訪印は初めて。"),
        ["ITA summit IND", "ITA visit IND"]
    );
}

#[test]
fn japanese_both_sides_refer_to_the_last_pair() {
    assert_eq!(
        claims("ペルーとチリの外相が会談した。両外相はボリビアとも協議した。"),
        ["CHL summit PER", "BOL summit PER", "BOL summit CHL"]
    );
}

#[test]
fn japanese_modifiers_of_other_nouns_take_no_role() {
    // The criticism is of an involvement: its agent is blamed, and the
    // place it reaches takes no role.
    assert_eq!(
        claims("中国外務省は、日本による台湾への関与を批判した。"),
        ["CHN condemnation JPN"]
    );
    // The quoted clause's subject is the one criticised; its object stays inside.
    assert_eq!(
        claims("英国は、イランがロシアに無人機を輸出していると非難した。"),
        ["IRN trade RUS", "GBR condemnation IRN"]
    );
}

// Officials the gazetteer does not know, named by a state and a title.
#[test]
fn a_titled_official_of_a_state_takes_part_for_that_state() {
    let text = "Chilean Foreign Minister Ana Torres Vidal condemned Peru on Monday. \
                Torres Vidal said Chile would recall its ambassador.";
    let article = from_plain(text.to_owned());
    let all = extractor().extract(&article);
    let leader = all
        .iter()
        .find(|c| c.relation == Relation::LeaderOf)
        .expect("a leader_of claim");
    assert_eq!(leader.source.id.as_str(), "person:vidal-ana-torres");
    assert_eq!(leader.target.id.as_str(), "CHL");
    assert_eq!(claims(text), ["CHL condemnation PER"]);
}

#[test]
fn an_official_in_apposition_or_after_a_possessive_is_read_too() {
    assert_eq!(
        claims("Lena Brook, the Danish defence minister, visited Norway."),
        ["DNK visit NOR"]
    );
    assert_eq!(
        claims("Kenya's Trade Minister Paul Otieno Wanjala visited Uganda."),
        ["KEN visit UGA"]
    );
}

/// The `leader_of` claims of a text, as `person state`.
fn leaders(text: &str) -> Vec<String> {
    let article = from_plain(text.to_owned());
    extractor()
        .extract(&article)
        .iter()
        .filter(|c| c.relation == Relation::LeaderOf)
        .map(|c| format!("{} {}", c.source.id, c.target.id))
        .collect()
}

#[test]
fn officials_are_read_in_the_forms_the_press_writes_them() {
    // A lower-case title set off by a comma.
    assert_eq!(
        leaders("Chilean president, Ana Torres Vidal said so."),
        ["person:vidal-ana-torres CHL"]
    );
    // A hyphenated family name with a particle, and a possessive after it.
    assert_eq!(
        leaders("Omani Finance Minister Salim al-Harthy's plan was read."),
        ["person:al-harthy-salim OMN"]
    );
    // One word of description before the title, and a counterpart.
    assert_eq!(
        leaders(
            "Peru's new President Tomas Ferreyra Soto met his Bolivian counterpart Ana Quispe."
        ),
        ["person:soto-tomas-ferreyra PER", "person:quispe-ana BOL"]
    );
    // A former holder holds no office now.
    assert!(leaders("Peru's former President Tomas Ferreyra Soto spoke.").is_empty());
}

#[test]
fn a_body_names_its_officials_before_their_title() {
    assert_eq!(
        leaders("OSCE deputy spokeswoman Marta Lind Ekberg said the mission would stay."),
        ["person:ekberg-marta-lind OSCE"]
    );
    // A state's ambassador to the body, not the body's.
    assert!(leaders("UN Ambassador Tomas Ferreyra Soto spoke first.").is_empty());
}

#[test]
fn a_japanese_official_is_a_state_name_a_katakana_name_and_a_title() {
    assert_eq!(
        claims("チリのトーレス外相はペルーを非難した。"),
        ["CHL condemnation PER"]
    );
}

#[test]
fn capitalised_words_after_a_title_are_no_official_without_a_name_shape() {
    // One capitalised word is not a full name; a weekday is no name.
    let text = "Danish Foreign Minister On Monday met Sweden.";
    let article = from_plain(text.to_owned());
    assert!(
        extractor()
            .extract(&article)
            .iter()
            .all(|c| c.relation != Relation::LeaderOf)
    );
}

#[test]
fn japanese_lists_closed_by_nado_keep_their_role() {
    assert_eq!(
        claims("カナダ、メキシコなどが英国を批判した。"),
        ["MEX condemnation GBR", "CAN condemnation GBR"]
    );
}

#[test]
fn japanese_lists_reach_past_the_owner_of_a_listed_official() {
    // The second member is an official of a state (`XのY大統領`): the state
    // before it is still a member of the list.
    let found = claims("カナダの外相、ブラジルのルラ大統領などが英国の決定を批判した。");
    assert!(
        found.contains(&"CAN condemnation GBR".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"BRA condemnation GBR".to_owned()),
        "{found:?}"
    );
}

#[test]
fn japanese_state_abbreviations_before_organs_name_the_state() {
    // 政権 (administration), 主導 (-led) and the services make 米 a state.
    assert_eq!(
        claims("インド政府が米政権の攻撃を批判した。"),
        ["IND condemnation USA"]
    );
    assert_eq!(
        claims("英主導の部隊がイラクを攻撃した。"),
        ["GBR attack IRQ"]
    );
}

#[test]
fn japanese_states_listed_with_niyoru_before_a_body_are_its_members() {
    assert_eq!(
        claims("カナダ、英国と米国による枠組み「NATO」が発足した。"),
        [
            "CAN membership NATO",
            "GBR membership NATO",
            "USA membership NATO"
        ]
    );
    // An act on the body makes it an object: no membership.
    assert_eq!(
        claims("米国によるNATO批判が強まった。"),
        ["USA condemnation NATO"]
    );
}

#[test]
fn japanese_meeting_of_a_body_pairs_its_named_members_not_the_body() {
    let mut found = claims("カナダ、英国、ドイツによる「G7(主要7カ国)」の首脳会合が開かれた。");
    found.sort();
    assert_eq!(
        found,
        [
            "CAN membership G7",
            "CAN summit DEU",
            "CAN summit GBR",
            "DEU membership G7",
            "DEU summit GBR",
            "GBR membership G7"
        ]
    );
}

#[test]
fn japanese_subject_of_a_stance_on_an_act_is_not_its_agent() {
    // Concern about (懸念), opposition to (反対) an arms sale: not China's sale.
    assert!(claims("中国は台湾への武器売却に反対した。").is_empty());
    assert!(
        claims("インドは米軍の日本への配備に懸念を示した。")
            .iter()
            .all(|c| !c.starts_with("IND"))
    );
    // A verb that takes the act on (踏み切った) keeps the subject as agent.
    assert_eq!(
        claims("米国はイランへの制裁に踏み切った。"),
        ["USA sanctions IRN"]
    );
}

#[test]
fn japanese_a_quote_naming_no_agent_is_the_speakers_own_act() {
    assert_eq!(
        claims("チリは21日、「パレスチナを正式に承認する」と表明した。"),
        ["CHL recognition PSE"]
    );
    assert_eq!(
        claims("チリは「パレスチナを承認すべきではない」と述べた。"),
        ["CHL recognition PSE negated"]
    );
    // A quote with its own agent keeps it.
    assert_eq!(
        claims("チリは「ペルーがボリビアを攻撃した」と述べた。"),
        ["PER attack BOL by CHL"]
    );
    // The verb of saying is sought in a window cut on a char boundary (byte
    // 60 after `」と` falls inside 針 here).
    claims("チリは「ペルーを承認する」と述べ、1年から始めた対中援助を終了する方針を表明した。");
    // `のため` after a noun closes no clause: the subject reaches the cue.
    assert_eq!(
        claims("カナダも平和のためパレスチナを承認した。"),
        ["CAN recognition PSE"]
    );
}

#[test]
fn japanese_names_in_apposition_after_an_alliance_are_the_owners_allies() {
    assert_eq!(
        claims("ペルーの同盟国である日英仏3カ国は賛成した。"),
        ["FRA alliance PER", "GBR alliance PER", "JPN alliance PER"]
    );
    // A meeting compound keeps its pair whatever follows it; a state named
    // in an issue (北朝鮮問題) is no partner of the cooperation.
    assert_eq!(
        claims("日朝首脳会談について、団体は話した。"),
        ["JPN summit PRK"]
    );
    assert!(claims("チリは連携して北朝鮮問題に対処する。").is_empty());
    assert_eq!(
        claims("チリはペルーに連帯を表明した。"),
        ["CHL support PER"]
    );
    assert_eq!(
        claims("チリの大統領とペルーの大統領は共同記者会見を行った。"),
        ["CHL summit PER"]
    );
}

#[test]
fn agreeing_to_meet_is_no_agreement_yet() {
    assert_eq!(
        claims("Peru and Chile agreed to hold talks on Monday."),
        ["CHL summit PER"]
    );
    assert_eq!(claims("Peru and Chile agreed to meet."), ["CHL summit PER"]);
    // Agreeing to an act, or with someone on one, is an agreement.
    assert_eq!(
        claims("Peru and Chile agreed to end the war."),
        ["CHL agreement PER"]
    );
}

#[test]
fn breaking_off_relations_denies_them() {
    assert_eq!(
        claims("ペルーはチリとの断交を発表した。"),
        ["CHL diplomatic_relations PER negated"]
    );
    // Not breaking them off leaves them standing.
    assert_eq!(
        claims("ペルーはチリと断交しない方針だ。"),
        ["CHL diplomatic_relations PER hedged"]
    );
    assert_eq!(
        claims("Peru announced the severance of diplomatic relations with Chile."),
        ["CHL diplomatic_relations PER negated"]
    );
    assert_eq!(
        claims("秘鲁宣布与智利断交。"),
        ["CHL diplomatic_relations PER negated"]
    );
    assert_eq!(
        claims("秘鲁不会与智利断交。"),
        ["CHL diplomatic_relations PER"]
    );
    assert_eq!(
        claims("페루는 칠레와 단교했다."),
        ["CHL diplomatic_relations PER negated"]
    );
    // 中米 is Central America, not China and the US.
    assert_eq!(
        claims("中米のパナマは台湾と断交した。"),
        ["PAN diplomatic_relations TWN negated"]
    );
    // States in general heading the cue's relative clause are its agents:
    // no topic stands in.
    assert!(claims("ペルーは会談した。これでチリと外交関係がある国は13カ国に減った。").is_empty());
}

#[test]
fn japanese_bare_organs_only_japan_has_are_japans() {
    assert_eq!(
        claims("外務省はロシア大使館の外交官ら8人を追放した。"),
        ["JPN expulsion RUS"]
    );
    assert_eq!(
        claims("官房長官は北朝鮮のミサイル発射を非難した。"),
        ["JPN condemnation PRK"]
    );
    // Another state's ministry, by compound or genitive.
    assert_eq!(
        claims("ロシア外務省はチリを非難した。"),
        ["RUS condemnation CHL"]
    );
    assert_eq!(
        claims("中国の外務省報道官はチリを非難した。"),
        ["CHN condemnation CHL"]
    );
}

#[test]
fn japanese_who_reacts_to_an_act_was_its_target() {
    let has = |text: &str, claim: &str| {
        let all = claims(text);
        assert!(all.iter().any(|c| c == claim), "{text}: {all:?}");
    };
    has("ペルー政府はチリの制裁に反発した。", "CHL sanctions PER");
    has(
        "ペルーは欧米からの制裁に反発している。",
        "WEST sanctions PER",
    );
    has(
        "ロシアは日本による外交官の追放に抗議した。",
        "JPN expulsion RUS",
    );
    // Concern is no reaction: who is sanctioned is not said.
    assert!(claims("ペルーはチリの制裁に懸念を示した。").is_empty());
    // A target named stays the target.
    assert!(!claims("中国は米国の対ロ制裁に反発した。").contains(&"USA sanctions CHN".to_owned()));
}

#[test]
fn japanese_agent_of_an_act_judged_is_the_target() {
    assert_eq!(
        claims("チリはペルーが提案した和平案を非難した。"),
        ["CHL condemnation PER"]
    );
    assert_eq!(
        claims("チリはペルーが発表した決定を改めて強く非難した。"),
        ["CHL condemnation PER"]
    );
    // The subject of the judgment itself, and a head that names an actor.
    assert!(claims("チリはペルーが非難した。").is_empty());
    assert!(
        !claims("チリはペルーが侵攻したボリビアを支持した。")
            .contains(&"CHL support PER".to_owned())
    );
}

#[test]
fn japanese_headline_visitor_stands_right_before_the_visit_prefix() {
    assert_eq!(claims("インド首相訪米へ"), ["IND visit USA"]);
    // Arriving in a state is visiting it; goods that arrive visit no one.
    assert_eq!(claims("インドの首相が中国に到着した。"), ["IND visit CHN"]);
    assert!(claims("支援物資がウクライナに到着した。").is_empty());
}

#[test]
fn japanese_stopping_over_is_a_visit() {
    assert_eq!(claims("台湾の総統は米国に立ち寄った。"), ["TWN visit USA"]);
    // The verb is the predicate of its own clause, so the topic before an
    // earlier clause is its visitor.
    assert_eq!(
        claims("日本の首相はチリを訪問し、ペルーにも立ち寄る。"),
        ["JPN visit CHL", "JPN visit PER"]
    );
}

#[test]
fn japanese_backdrop_clause_ending_in_naka_keeps_its_subject() {
    // The agent of `…を強める中、` sets the scene; the bare title after it
    // is the one who visits.
    let text = "米国の大統領は会見で発言した。\
                ロシアが中東での影響力を強める中、大統領はサウジアラビアを訪問する。";
    assert_eq!(claims(text), ["USA visit SAU"]);
    assert_eq!(
        claims("中国が圧力を強める中で、日本の外相はフィリピンを訪れた。"),
        ["JPN visit PHL"]
    );
}

#[test]
fn japanese_head_of_a_passive_relative_clause_is_its_target() {
    // `Xの侵攻を受けるY`: Y suffered the act, whatever topic stands around it.
    assert_eq!(
        claims("ロシアの侵攻を受けたウクライナを日本は支援する。"),
        ["RUS invasion UKR", "JPN support UKR"]
    );
}

#[test]
fn japanese_adjectives_ending_in_nai_deny_nothing() {
    assert_eq!(
        claims("日本はウクライナを支援する揺るぎない姿勢を示した。"),
        ["JPN support UKR"]
    );
    // Inside the phrase an adjective still leaves the cue its head.
    assert_eq!(
        claims("日本はウクライナへの揺るぎない支援を表明した。"),
        ["JPN support UKR"]
    );
    assert_eq!(
        claims("米国はロシアへの新たな制裁を発表した。"),
        ["USA sanctions RUS"]
    );
    assert_eq!(
        claims("日本はウクライナへの支援を表明しない。"),
        ["JPN support UKR negated"]
    );
}

#[test]
fn japanese_relative_clause_keeps_its_own_negation() {
    // The denial after the head belongs to the main clause.
    assert_eq!(
        claims("中国を訪問した韓国の大統領は、問題はないと述べた。"),
        ["KOR visit CHN"]
    );
    assert_eq!(
        claims("中国を訪問しなかった韓国の大統領は会見した。"),
        ["KOR visit CHN negated"]
    );
}

#[test]
fn japanese_possessor_of_independence_or_sovereignty_is_recognised() {
    assert_eq!(
        claims("日本はコソボの独立を承認した。"),
        ["JPN recognition XKX"]
    );
    assert_eq!(
        claims("米国はイスラエルの主権を認めた。"),
        ["USA recognition ISR"]
    );
}

#[test]
fn japanese_origin_marked_by_kara_is_the_source_and_the_subject_receives() {
    assert_eq!(
        claims("ニジェールはマリからの部隊派遣を承認した。"),
        ["MLI deployment NER"]
    );
    // A buying verb names the buyer as subject; from marks the seller.
    assert_eq!(
        claims("インドはロシアから武器を購入した。"),
        ["RUS arms_supply IND"]
    );
    // Banning imports from a state sanctions that state.
    assert_eq!(
        claims("EUはロシアからの原油の輸入禁止を決めた。"),
        ["EU sanctions RUS"]
    );
    // The passive keeps its own reading of から.
    assert_eq!(claims("ロシアはG8から除外された。"), ["G8 expulsion RUS"]);
}

#[test]
fn japanese_target_takes_a_topic_particle_after_ni() {
    assert_eq!(
        claims("NATOにはトルコが加盟している。"),
        ["TUR membership NATO"]
    );
}

#[test]
fn japanese_possessor_of_a_kana_ending_noun_is_its_target() {
    assert_eq!(
        claims("カナダは英国の動きを非難した。"),
        ["CAN condemnation GBR"]
    );
}

// See: issue 14. A record's title is read though the text does not hold it.
#[test]
fn a_title_outside_the_text_is_read_as_sentence_zero() {
    let record = r#"{"id":"t1","title":"Canada imposes sanctions on Iran","text":"Canada imposed sanctions on Iran on Friday."}"#;
    let article = crate::extract::article::from_record(record).unwrap();
    let found = extractor().extract(&article);
    let spans: Vec<(u32, [u32; 2], &str)> = found
        .iter()
        .map(|c| {
            (
                c.evidence.sentence,
                [c.evidence.span.start, c.evidence.span.end],
                c.evidence.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (0, [0, 0], "Canada imposes sanctions on Iran"),
            (1, [0, 43], "Canada imposed sanctions on Iran on Friday.")
        ]
    );
}

#[test]
fn the_object_of_a_light_verb_reads_as_a_noun_cue() {
    assert_eq!(
        claims("Canada expressed support for Ukraine."),
        ["CAN support UKR"]
    );
}

#[test]
fn rescue_teams_sent_abroad_are_humanitarian_aid() {
    assert_eq!(
        claims("Canada sent rescue teams to Turkey after the earthquake."),
        ["CAN humanitarian_aid TUR"]
    );
}

#[test]
fn japanese_rescue_teams_sent_abroad_are_humanitarian_aid() {
    assert_eq!(
        claims("カナダはトルコに救助隊を派遣した。"),
        ["CAN humanitarian_aid TUR"]
    );
    assert_eq!(
        claims("カナダはトルコに部隊を派遣した。"),
        ["CAN deployment TUR"]
    );
}

#[test]
fn japanese_capitals_stand_for_their_states() {
    assert_eq!(
        claims("日本の代表団がテヘランを訪問した。"),
        ["JPN visit IRN"]
    );
    assert_eq!(
        claims("米国の国務長官がキーウに到着した。"),
        ["USA visit UKR"]
    );
}

#[test]
fn japanese_states_that_compose_a_body_are_its_members() {
    assert_eq!(
        claims("フランスやドイツ、イタリアなどで構成するEUは声明を出した。"),
        [
            "FRA membership EU",
            "DEU membership EU",
            "ITA membership EU"
        ]
    );
    let quad = claims("日本、米国、オーストラリア、インドからなるクアッドは会合を開いた。");
    assert_eq!(quad.len(), 4, "{quad:?}");
    // Coming from a state is no membership of what follows.
    assert!(
        claims("ロシアから来た代表団がEUを批判した。")
            .iter()
            .all(|c| !c.contains("membership"))
    );
}

#[test]
fn japanese_help_and_teams_sent_after_a_disaster_are_relief() {
    assert_eq!(
        claims("チリはペルーへの支援を表明した。"),
        ["CHL support PER"]
    );
    assert_eq!(
        claims("ペルーで大地震が起きた。\nチリはペルーへの支援を表明した。"),
        ["CHL humanitarian_aid PER"]
    );
    assert_eq!(
        claims("ペルーで洪水が起きた。\nチリはペルーに専門家を派遣した。"),
        ["CHL humanitarian_aid PER"]
    );
    assert_eq!(
        claims("チリはペルーに専門家を派遣した。"),
        ["CHL deployment PER"]
    );
}

#[test]
fn relief_with_no_recipient_goes_where_the_disaster_struck() {
    assert_eq!(
        claims(
            "【リマ=山田花子】ペルーで大地震が起きた。\nチリは救助隊を送り込んだ。\nペルー政府は各国に支援を求めた。"
        ),
        ["CHL humanitarian_aid PER"]
    );
    assert_eq!(
        claims(
            "A strong earthquake struck Peru on Sunday.\nChile sent rescue teams and relief supplies."
        ),
        ["CHL humanitarian_aid PER"]
    );
    assert_eq!(
        claims("大地震が起き余震も続くペルーに、各国が救助隊を送った。\nチリは救助隊を派遣した。"),
        ["CHL humanitarian_aid PER"]
    );
    assert_eq!(
        claims("Peru's deadly earthquake killed 300.\nChile sent rescue teams."),
        ["CHL humanitarian_aid PER"]
    );
    assert_eq!(
        claims("秘鲁发生强烈地震。智利派出救援队。\n联合国机构提供支持。"),
        ["CHL humanitarian_aid PER"]
    );
    assert_eq!(
        claims("페루 남부에서 지진이 일어났다. 칠레는 구조대를 파견했다."),
        ["CHL humanitarian_aid PER"]
    );
    // Relief comes from whoever から marks, and a team made to leave is sent.
    assert_eq!(
        claims("ペルーで大地震が起きた。\nチリからの救助隊が26日に首都に到着した。"),
        ["CHL humanitarian_aid PER"]
    );
    assert_eq!(
        claims("ペルーで大地震が起きた。\nチリも専門家チームを夜にペルーに向けて出発させた。"),
        ["CHL humanitarian_aid PER"]
    );
    // A state that only stands near the disaster is no place of it.
    assert!(claims("After the earthquake, Chile sent rescue teams.").is_empty());
    assert!(claims("Chile sends earthquake aid.").is_empty());
    assert!(claims("チリは地震の後、救助隊を派遣した。").is_empty());
    // No place, or no disaster: no recipient is guessed.
    assert!(claims("大地震が起きた。\nブラジルは救助隊を派遣した。").is_empty());
    assert!(claims("チリで選挙があった。\nブラジルは救助隊を派遣した。").is_empty());
    // The stricken state's own relief goes nowhere.
    assert!(claims("ペルーで大地震が起きた。\nペルー政府は救助隊を派遣した。").is_empty());
}

#[test]
fn a_meeting_in_one_party_s_country_is_the_other_s_visit() {
    let has = |text: &str, claim: &str| {
        let all = claims(text);
        assert!(all.iter().any(|c| c == claim), "{text}: {all:?}");
    };
    has(
        "Chile's president met Peru's president in Lima.",
        "CHL visit PER",
    );
    has(
        "チリの大統領はモスクワでロシアの大統領と会談した。",
        "CHL visit RUS",
    );
    has("智利总统在莫斯科同俄罗斯总统举行会谈。", "CHL visit RUS");
    has(
        "칠레 대통령은 모스크바에서 러시아 대통령과 정상회담을 했다.",
        "CHL visit RUS",
    );
    // A third country's city, a compound or a possessive is no host.
    for text in [
        "Chile's president met Peru's president in Geneva.",
        "Chile and Peru agreed in Peru-Chile talks.",
        "在中美会谈中取得进展。",
        "日米で首脳会談を行った。",
    ] {
        assert!(claims(text).iter().all(|c| !c.contains("visit")), "{text}");
    }
}

#[test]
fn talks_in_a_third_country_are_both_parties_visit_there() {
    let all = claims("Chile and Peru held border talks in Ecuador.");
    for claim in ["CHL visit ECU", "PER visit ECU"] {
        assert!(all.iter().any(|c| c == claim), "{all:?}");
    }
    let all = claims("チリとペルーの首脳はエクアドルで会談した。");
    assert!(all.iter().any(|c| c == "CHL visit ECU"), "{all:?}");
    // What the talks are about is no place they are held.
    let all = claims("Chile and Peru held talks on the crisis in Ecuador.");
    assert!(all.iter().all(|c| !c.contains("visit")), "{all:?}");
}

#[test]
fn japanese_recognition_of_a_state_needs_its_object_before_the_verb() {
    assert_eq!(
        claims("スペインはコソボを正式に承認した。"),
        ["ESP recognition XKX"]
    );
    // 承認 of anything but a state is an approval.
    assert!(claims("スペインは新しい予算を承認した。").is_empty());
}

#[test]
fn japanese_mo_repeats_the_act_told_before_on_its_target() {
    assert_eq!(
        claims("スペインはコソボを承認した。チリとペルーも承認を表明した。"),
        [
            "ESP recognition XKX",
            "PER recognition XKX",
            "CHL recognition XKX"
        ]
    );
    // An object of its own that names no actor (同盟国に) is not the one told before.
    assert_eq!(
        claims("カナダはチリに部隊を派遣した。「ペルーも友好国に部隊を派遣した」と述べた。"),
        ["CAN deployment CHL"]
    );
}

#[test]
fn whoever_joins_an_act_told_before_does_it_to_the_same_target() {
    let joined = [
        "CHL expulsion PER",
        "BRA expulsion PER",
        "ARG expulsion PER",
    ];
    for text in [
        "Chile expelled Peruvian diplomats.\nBrazil and Argentina followed suit.",
        "チリはペルーの外交官を追放した。\nブラジルやアルゼンチンも追随した。",
        "칠레는 페루 외교관을 추방했다. 브라질과 아르헨티나도 동참했다.",
        "智利驱逐了秘鲁外交官。巴西和阿根廷也纷纷跟进。",
    ] {
        assert_eq!(claims(text), joined, "{text}");
    }
    // Not when the joining is denied, or joins what it names itself.
    for text in [
        "Chile expelled Peruvian diplomats.\nBrazil did not follow suit.",
        "チリはペルーの外交官を追放した。\nブラジルは追随しなかった。",
        "칠레는 페루 외교관을 추방했다. 브라질은 국제사회의 노력에 적극 동참했다.",
        "智利驱逐了秘鲁外交官。巴西没有跟进。",
    ] {
        assert_eq!(claims(text), ["CHL expulsion PER"], "{text}");
    }
    // The one followed is no joiner.
    assert_eq!(
        claims("チリはペルーの外交官を追放した。\nブラジルはチリに同調した。"),
        ["CHL expulsion PER", "BRA expulsion PER"]
    );
}

#[test]
fn only_bodies_and_groups_have_members() {
    assert!(
        !claims("Brazil and Argentina joined Chile in expelling Peruvian diplomats.")
            .iter()
            .any(|c| c.contains("membership"))
    );
}

#[test]
fn a_comma_after_a_japanese_compound_particle_keeps_the_role() {
    assert_eq!(
        claims("ペルーはチリに対し、強く抗議した。"),
        ["PER condemnation CHL"]
    );
    assert_eq!(
        claims("ペルーはボリビアに関し、チリと協議した。"),
        ["CHL summit PER"]
    );
}

#[test]
fn japanese_countermeasures_threaten_only_while_still_to_come() {
    assert_eq!(
        claims("ペルーはチリに対し、対抗措置をとると表明した。"),
        ["PER warning CHL"]
    );
    assert_eq!(
        claims("ペルーも対抗措置として、チリの外交官を追放した。"),
        ["PER expulsion CHL"]
    );
}

#[test]
fn lifted_sanctions_are_denied_in_every_language() {
    assert_eq!(
        claims("ペルーはチリに対する制裁を解除した。"),
        ["PER sanctions CHL negated"]
    );
    assert_eq!(
        claims("페루는 칠레에 대한 제재를 해제했다."),
        ["PER sanctions CHL negated"]
    );
    assert_eq!(
        claims("秘鲁解除了对智利的制裁。"),
        ["PER sanctions CHL negated"]
    );
}

#[test]
fn an_act_two_cues_tell_once_hedged_is_stated() {
    assert_eq!(
        claims("Peru pledged 5 million dollars in humanitarian aid to Chile."),
        ["PER humanitarian_aid CHL"]
    );
}

#[test]
fn the_japanese_possessor_of_a_target_phrase_on_the_cue_is_its_agent() {
    assert_eq!(
        claims("ペルーのボリビアへの武器売却"),
        ["PER arms_supply BOL"]
    );
    // The capital of the state possessed is that state's own.
    assert_eq!(claims("ペルーの首都リマへの攻撃"), Vec::<String>::new());
}

#[test]
fn a_japanese_reaction_makes_its_subject_the_target_only_of_a_hostile_act() {
    assert_eq!(
        claims("ペルーはチリの制裁に反発した。"),
        ["CHL sanctions PER", "PER condemnation CHL"]
    );
    assert_eq!(
        claims("ペルーはチリの武器売却に反発した。"),
        ["PER condemnation CHL"]
    );
}

#[test]
fn the_japanese_agent_of_a_judged_act_marked_by_niyoru_is_blamed() {
    assert_eq!(
        claims("ペルーはチリによる攻撃を強く非難した。"),
        ["PER condemnation CHL"]
    );
    assert_eq!(
        claims("ペルーはチリによる国境地帯への攻撃を非難した。"),
        ["PER condemnation CHL"]
    );
}

#[test]
fn japanese_aid_with_no_recipient_goes_to_whom_its_giver_last_helped() {
    assert_eq!(
        claims("ペルーはエクアドルへの支援を表明した。ペルーは追加の経済支援も決めた。"),
        ["PER support ECU", "PER economic_aid ECU"]
    );
    // Another giver's aid is not carried over.
    assert_eq!(
        claims("ペルーはエクアドルへの支援を表明した。チリは経済支援を決めた。"),
        ["PER support ECU"]
    );
}

#[test]
fn japanese_help_a_sum_measures_is_economic_aid() {
    assert_eq!(
        claims("ペルーはエクアドルに50億円の支援を行う。"),
        ["PER economic_aid ECU"]
    );
    assert_eq!(
        claims("ペルーはエクアドルへの支援を続ける。"),
        ["PER support ECU"]
    );
}

#[test]
fn those_a_japanese_act_follows_did_it_too() {
    assert_eq!(
        claims("チリとブラジルに続き、ペルーもボリビアに部隊を派遣した。"),
        [
            "PER deployment BOL",
            "BRA deployment BOL",
            "CHL deployment BOL"
        ]
    );
    // A meeting's partner the one followed is not.
    assert!(claims("ペルーはチリに続いて首脳会談を行った。").is_empty());
}
