//! One-sentence cases of the Korean rules, each a construction of the
//! language written for the test.

/// The claims of `text` (as `crate::extract::tests::claims` writes them), sorted.
fn claims(text: &str) -> Vec<String> {
    let mut out = crate::extract::tests::claims(text);
    out.sort();
    out
}

#[test]
fn subject_and_object_particles_give_source_and_target() {
    assert_eq!(
        claims("러시아가 우크라이나를 침공했다."),
        ["RUS invasion UKR"]
    );
}

#[test]
fn a_name_takes_its_particle_after_titles_and_organs() {
    assert_eq!(
        claims("캐나다 정부가 이란에 제재를 부과했다."),
        ["CAN sanctions IRN"]
    );
    assert_eq!(
        claims("마크롱 대통령은 인도를 방문했다."),
        ["FRA visit IND"]
    );
}

#[test]
fn partners_of_a_symmetric_relation_come_from_wa_and_gwa() {
    assert_eq!(
        claims("태국과 베트남이 정상회담을 열었다."),
        ["THA summit VNM"]
    );
    assert_eq!(
        claims("필리핀은 호주와 군사협력을 강화했다."),
        ["AUS military_cooperation PHL"]
    );
}

#[test]
fn compounds_and_prefixes_name_the_target() {
    assert_eq!(
        claims("영국의 대러 제재가 이어졌다."),
        ["GBR sanctions RUS"]
    );
    assert_eq!(claims("한일 정상회담이 열렸다."), ["JPN summit KOR"]);
    assert_eq!(claims("기시다 총리가 방미했다."), ["JPN visit USA"]);
}

#[test]
fn a_lone_abbreviation_is_no_state() {
    // 한 ("one"), 일 ("day"), 중 ("during") outside compounds.
    assert!(claims("한 명이 27일 회의 중 공격을 받았다.").is_empty());
}

#[test]
fn the_genitive_of_a_nominal_cue_is_its_agent() {
    assert_eq!(
        claims("정부는 이스라엘의 레바논 공습을 규탄했다."),
        ["ISR attack LBN"]
    );
    assert_eq!(
        claims("독일은 러시아의 조지아 침공을 비난했다."),
        ["DEU condemnation RUS", "RUS invasion GEO"]
    );
}

#[test]
fn a_list_shares_the_particle_of_its_last_name() {
    assert_eq!(
        claims("스웨덴·핀란드·덴마크가 이란 외교관을 추방했다."),
        [
            "DNK expulsion IRN",
            "FIN expulsion IRN",
            "SWE expulsion IRN"
        ]
    );
}

#[test]
fn the_head_of_a_relative_clause_is_the_agent() {
    assert_eq!(
        claims("조지아를 침공한 러시아는 고립됐다."),
        ["RUS invasion GEO"]
    );
}

#[test]
fn the_topic_carries_to_a_sentence_without_agent() {
    assert_eq!(
        claims("튀르키예는 성명을 냈다. 시리아에 대한 공격을 계속할 방침이다."),
        ["TUR attack SYR hedged"]
    );
}

#[test]
fn negation_and_hedges_are_flags() {
    assert_eq!(
        claims("인도는 러시아를 비난하지 않았다."),
        ["IND condemnation RUS negated"]
    );
    assert_eq!(
        claims("일본은 우크라이나에 경제 지원을 할 예정이다."),
        ["JPN economic_aid UKR hedged"]
    );
    // 미수교국: a negative prefix glued to the cue word.
    assert!(
        claims("쿠바는 미수교국인 한국과 교류했다.")
            .contains(&"CUB diplomatic_relations KOR negated".to_owned())
    );
}

#[test]
fn the_speaker_of_a_reported_clause_is_attributed_not_the_agent() {
    assert_eq!(
        claims("국정원은 북한군이 러시아에 파병됐다고 밝혔다."),
        ["PRK deployment RUS by KOR"]
    );
}

#[test]
fn between_names_the_whole_pair() {
    assert_eq!(
        claims("정부는 이집트와 요르단 간 수교를 환영했다."),
        ["EGY diplomatic_relations JOR"]
    );
}

#[test]
fn both_sides_stand_for_the_last_pair() {
    assert_eq!(
        claims("브라질과 아르헨티나는 회담을 열었다. 양국은 무역 협정에 서명했다."),
        ["ARG agreement BRA", "ARG summit BRA"]
    );
}

#[test]
fn including_lists_members_of_the_body_after_it() {
    assert_eq!(
        claims("폴란드를 비롯한 나토는 성명을 냈다."),
        ["POL membership NATO"]
    );
}

#[test]
fn headline_word_order_without_particles() {
    assert_eq!(claims("이스라엘군 가자 공습 계속"), Vec::<String>::new());
    assert_eq!(claims("러시아군 우크라이나 공습 계속"), ["RUS attack UKR"]);
    assert_eq!(claims("트럼프, 이란에 경고"), ["USA warning IRN"]);
    assert_eq!(
        claims("독일, 프랑스가 이란에 경고"),
        ["DEU warning IRN", "FRA warning IRN"]
    );
}

#[test]
fn a_state_name_inside_a_longer_word_is_no_mention() {
    // 인도적 (humanitarian), 중국어 (Chinese language), 미국인 (Americans).
    assert_eq!(
        claims("정부는 시리아에 인도적 지원을 했다. 중국어 교사와 미국인이 왔다."),
        Vec::<String>::new()
    );
}

#[test]
fn passives_and_imports_put_the_roles_right() {
    assert_eq!(
        claims("시리아는 이스라엘에 의해 점령됐다."),
        ["ISR annexation SYR"]
    );
    // 수입 ("import"): the 로부터 party is the exporter.
    assert_eq!(
        claims("일본은 러시아로부터 가스를 수입했다."),
        ["RUS trade JPN"]
    );
}

#[test]
fn the_adnominal_ending_of_a_verb_cue_is_no_topic_particle() {
    // `추방하는 한편`: "while expelling", not the expulsion as a topic.
    assert_eq!(
        claims("캐나다는 이란 외교관을 추방하는 한편 대사관을 닫았다."),
        ["CAN expulsion IRN"]
    );
}

#[test]
fn a_state_before_its_aircraft_territory_or_people_is_their_owner() {
    assert_eq!(claims("칠레는 페루 항공기를 격추했다."), ["CHL attack PER"]);
    assert_eq!(claims("칠레군이 페루 영토를 공격했다."), ["CHL attack PER"]);
    assert_eq!(claims("칠레는 페루 민간인을 공격했다."), ["CHL attack PER"]);
}

#[test]
fn a_tariff_imposed_on_a_state_is_a_sanction() {
    assert_eq!(
        claims("페루는 칠레에 추가 관세를 부과했다."),
        ["PER sanctions CHL"]
    );
}

#[test]
fn signing_a_decree_is_no_agreement() {
    assert_eq!(
        claims("페루 대통령은 칠레에 관세를 부과하는 행정명령에 서명했다."),
        ["PER sanctions CHL"]
    );
    assert_eq!(
        claims("페루와 칠레는 협정에 서명했다."),
        ["CHL agreement PER"]
    );
}

#[test]
fn help_a_sum_measures_is_economic_aid() {
    assert_eq!(
        claims("페루는 에콰도르에 1억 달러 규모의 지원을 약속했다."),
        ["PER economic_aid ECU"]
    );
    assert_eq!(
        claims("페루는 에콰도르에 대한 지원을 약속했다."),
        ["PER support ECU"]
    );
}

#[test]
fn those_followed_did_the_act_too() {
    assert_eq!(
        claims("칠레와 브라질에 이어 페루도 볼리비아에 파병했다."),
        [
            "BRA deployment BOL",
            "CHL deployment BOL",
            "PER deployment BOL"
        ]
    );
}
