//! One-sentence cases of the Chinese rules, written for these tests.

use crate::extract::tests::claims;

#[test]
fn the_builtin_lexicon_loads() {
    let zh = super::Chinese::builtin();
    assert!(zh.size().0 > 27 && zh.size().1 > 200, "{:?}", zh.size());
}

#[test]
fn subject_verb_object_gives_source_and_target() {
    assert_eq!(claims("俄罗斯入侵乌克兰。"), ["RUS invasion UKR"]);
    assert_eq!(claims("日本谴责朝鲜。"), ["JPN condemnation PRK"]);
}

#[test]
fn a_preposition_before_the_name_marks_the_target() {
    assert_eq!(claims("欧盟对俄罗斯实施新一轮制裁。"), ["EU sanctions RUS"]);
    assert_eq!(claims("英国向乌克兰提供导弹。"), ["GBR arms_supply UKR"]);
}

#[test]
fn compound_abbreviations_and_prefixes_are_states() {
    assert_eq!(claims("美方宣布对华制裁。"), ["USA sanctions CHN"]);
    assert_eq!(claims("中美两国领导人举行会谈。"), ["CHN summit USA"]);
    // 集中 and 美元 hold no state.
    assert!(claims("集中方式讨论美元汇率").is_empty());
}

#[test]
fn partners_come_from_yu_and_tong() {
    assert_eq!(claims("法国总统与德国总理会晤。"), ["DEU summit FRA"]);
    assert_eq!(claims("越南同老挝签署合作协议。"), ["LAO agreement VNM"]);
}

#[test]
fn the_passive_makes_the_subject_the_target() {
    assert_eq!(claims("叙利亚遭到以色列空袭。"), ["ISR attack SYR"]);
    assert_eq!(claims("伊拉克被美国入侵。"), ["USA invasion IRQ"]);
}

#[test]
fn negation_and_hedges_stand_before_the_verb() {
    assert_eq!(
        claims("印度没有谴责俄罗斯。"),
        ["IND condemnation RUS negated"]
    );
    assert_eq!(
        claims("据报道,朝鲜向俄罗斯提供炮弹。"),
        ["PRK arms_supply RUS hedged"]
    );
    assert_eq!(claims("巴西计划访问古巴。"), ["BRA visit CUB hedged"]);
}

#[test]
fn a_clause_without_subject_takes_the_sentences() {
    assert_eq!(
        claims("加拿大外长表示,将与墨西哥加强合作。"),
        ["CAN cooperation MEX hedged"]
    );
}

#[test]
fn traditional_characters_read_like_simplified() {
    assert_eq!(claims("美國對俄羅斯實施制裁。"), ["USA sanctions RUS"]);
    assert_eq!(claims("南韓與日本舉行會談。"), ["JPN summit KOR"]);
}

#[test]
fn the_speaker_is_who_the_claim_is_attributed_to() {
    assert_eq!(
        claims("美国称,伊朗向也门胡塞武装提供武器。"),
        ["IRN arms_supply HOUTHI by USA"]
    );
}

#[test]
fn an_anaphoric_cue_noun_names_no_new_event() {
    assert!(claims("澳大利亚和新西兰担心该协议。").is_empty());
}

#[test]
fn a_relative_clause_makes_its_head_the_agent() {
    // 到访的日本首相: Japan is the visitor, not the object of 会见's subject.
    assert_eq!(claims("美国总统会见到访的日本首相。"), ["JPN summit USA"]);
    assert_eq!(
        claims("一直军事支持叙利亚的俄罗斯表示反对。"),
        ["RUS military_aid SYR"]
    );
}

#[test]
fn a_place_before_a_visit_is_its_host_and_a_compound_on_a_cue_its_parties() {
    assert_eq!(claims("正在北京访问的法国总统表示。"), ["FRA visit CHN"]);
    assert_eq!(claims("在中美会谈中取得进展。"), ["CHN summit USA"]);
    assert_eq!(
        claims("中俄贸易额大幅增长。"),
        ["CHN trade RUS", "RUS trade CHN"]
    );
}

#[test]
fn both_sides_name_the_pair_just_related() {
    assert_eq!(
        claims("埃及总统与约旦国王会晤,双方签署协议。"),
        ["EGY summit JOR", "EGY agreement JOR"]
    );
}

#[test]
fn a_reciprocal_adverb_makes_the_act_run_both_ways() {
    assert_eq!(
        claims("智利和秘鲁互相指责对方。"),
        ["CHL condemnation PER", "PER condemnation CHL"]
    );
    // Without it, the act has one direction.
    assert_eq!(claims("智利指责秘鲁。"), ["CHL condemnation PER"]);
}

#[test]
fn the_head_of_a_de_phrase_is_the_subject_not_its_modifier() {
    // The Chile of 支持智利政府 is inside the relative clause of 秘鲁.
    assert_eq!(
        claims("支持智利政府的秘鲁表示，不能接受美国的举动。"),
        ["PER condemnation USA"]
    );
}

#[test]
fn nouns_holding_a_cue_word_are_no_cue() {
    // 反对派: the opposition, not an act of opposing.
    assert!(claims("叙利亚反对派的代表抵达。").is_empty());
}

#[test]
fn a_family_name_that_starts_a_longer_transliteration_is_not_matched() {
    // 卡斯特 (Kast) starts 卡斯特罗 (Castro): the Honduran president is no Chilean.
    assert_eq!(claims("洪都拉斯总统卡斯特罗访华。"), ["HND visit CHN"]);
}

#[test]
fn after_a_copula_the_owner_of_the_cue_noun_is_its_target() {
    assert_eq!(
        claims("法国一直是乌克兰最坚定的支持者之一。"),
        ["FRA support UKR"]
    );
    assert_eq!(claims("波兰是乌克兰的坚定支持者。"), ["POL support UKR"]);
    assert_eq!(claims("日本是美国最重要的盟友。"), ["JPN alliance USA"]);
    // A clause between them breaks the tie.
    assert!(claims("法国是乌克兰,也是最早的支持者。").is_empty());
}

#[test]
fn fighting_between_two_is_an_attack_each_way() {
    assert_eq!(
        claims("亚美尼亚与阿塞拜疆爆发边境冲突。"),
        ["ARM attack AZE", "AZE attack ARM"]
    );
    assert_eq!(
        claims("泰国和柬埔寨军队交火。"),
        ["THA attack KHM", "KHM attack THA"]
    );
}

#[test]
fn a_count_of_states_names_the_last_list_of_as_many() {
    let text = "德国、法国和意大利宣布承认巴勒斯坦国。以色列随即召见3国大使表示抗议。";
    let found = claims(text);
    for s in ["DEU", "FRA", "ITA"] {
        assert!(
            found.contains(&format!("ISR condemnation {s}")),
            "{found:?}"
        );
    }
    // Four named, three counted: no reading.
    let four = "德国、法国、西班牙和意大利承认巴勒斯坦国。以色列谴责三国的决定。";
    assert!(
        !claims(four)
            .iter()
            .any(|c| c.starts_with("ISR condemnation"))
    );
    // The list named right before the count is read as it stands.
    assert_eq!(claims("美日印澳四国举行峰会。").len(), 6);
}

#[test]
fn zai_before_a_clause_that_closes_a_time_marks_no_place() {
    // `在X…之后`: X acts in the clause the time opens.
    assert_eq!(
        claims("这份协议是在智利空袭秘鲁之后达成的。"),
        ["CHL attack PER"]
    );
    assert_eq!(claims("智利在秘鲁设立大使馆。"), Vec::<String>::new());
}

#[test]
fn liangguo_is_the_last_pair_of_states_a_symmetric_relation_joined() {
    assert_eq!(
        claims("智利与秘鲁签署协议。\n此前巴西空袭阿根廷。\n两国将加强防务合作。"),
        [
            "CHL agreement PER",
            "BRA attack ARG",
            "CHL military_cooperation PER hedged"
        ]
    );
}

#[test]
fn a_short_quoted_term_keeps_the_roles_around_it() {
    assert_eq!(claims("智利对秘鲁表达“坚定支持”。"), ["CHL support PER"]);
}

#[test]
fn a_tariff_levied_on_a_state_is_a_sanction() {
    assert_eq!(claims("秘鲁对智利征收惩罚性关税。"), ["PER sanctions CHL"]);
}

#[test]
fn signing_a_decree_is_no_agreement() {
    assert_eq!(
        claims("秘鲁总统签署了对智利加征关税的行政命令。"),
        ["PER sanctions CHL"]
    );
    assert_eq!(claims("秘鲁和智利签署了协议。"), ["CHL agreement PER"]);
}

#[test]
fn sending_troops_is_a_deployment_with_or_without_le() {
    assert_eq!(claims("秘鲁向智利派遣军队。"), ["PER deployment CHL"]);
    assert_eq!(claims("秘鲁向智利派遣了部队。"), ["PER deployment CHL"]);
}

#[test]
fn a_bare_name_before_the_target_s_preposition_is_the_object_act_s_agent() {
    assert_eq!(
        claims("秘鲁谴责智利对玻利维亚实施制裁。"),
        ["PER condemnation CHL", "CHL sanctions BOL"]
    );
}

#[test]
fn those_followed_did_the_act_too() {
    assert_eq!(
        claims("继智利之后，秘鲁也对玻利维亚实施制裁。"),
        ["PER sanctions BOL", "CHL sanctions BOL"]
    );
}
