#![allow(clippy::print_stderr)]

use super::*;
use crate::model::{ActorId, ActorKind, Lang};

fn gaz() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(Gazetteer::builtin)
}

/// The ids mentioned in `text`, in order.
fn ids(text: &str) -> Vec<String> {
    let g = gaz();
    g.find_mentions(text)
        .iter()
        .map(|m| g.entry(m.entry).actor.id.to_string())
        .collect()
}

#[test]
fn built_in_tables_parse() {
    for (file, text) in [COUNTRIES, ORGANIZATIONS, GROUPS] {
        table::parse_actors(file, text).unwrap();
    }
    table::parse_persons(PERSONS.0, PERSONS.1).unwrap();
    let mut entries = Vec::new();
    for (file, text) in [COUNTRIES, ORGANIZATIONS, GROUPS] {
        entries.extend(table::parse_actors(file, text).unwrap());
    }
    entries.extend(table::parse_persons(PERSONS.0, PERSONS.1).unwrap());
    add_names(&mut entries, &NAMES).unwrap();
}

#[test]
fn a_names_row_for_an_unknown_actor_names_its_file_and_line() {
    let mut entries = table::parse_actors(COUNTRIES.0, COUNTRIES.1).unwrap();
    let table = "# id\taliases\tabbr\tfamily\nKOR\t한국\t한\t\nNOPE\tx\t\t\n";
    let err = add_names(&mut entries, &[("names_xx.tsv", table, Lang::Ko)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "names_xx.tsv:3: `NOPE` is in no actor table; add it there first"
    );
    let err = table::parse_names("names_xx.tsv", "KOR\t한국\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "names_xx.tsv:1: expected 4 tab-separated columns, found 2"
    );
}

#[test]
fn each_reading_finds_its_own_script_and_english() {
    let g = gaz();
    let ids_in = |text: &str, lang: Lang| -> Vec<String> {
        g.mentions_in(text, lang)
            .map(|m| g.entry(m.entry).actor.id.to_string())
            .collect()
    };
    assert_eq!(
        ids_in("미국과 러시아는 NATO가", Lang::Ko),
        ["USA", "RUS", "NATO"]
    );
    // A lone abbreviation before an office is its state, and a family name
    // before both is the official (`블링컨 미 국무장관`); 한 before 미 is Korea.
    assert_eq!(ids_in("미 국무장관은", Lang::Ko), ["USA"]);
    assert_eq!(
        ids_in("블링컨 미 국무장관은", Lang::Ko),
        ["person:blinken-antony", "USA"]
    );
    assert_eq!(ids_in("한미 외교장관", Lang::Ko), ["KOR", "USA"]);
    // Chinese is matched in simplified characters, as the extractor folds it.
    let folded = crate::simplify::simplified("美国和俄羅斯");
    assert_eq!(ids_in(&folded, Lang::Zh), ["USA", "RUS"]);
    // Japanese names are not looked for in Korean or Chinese text, nor theirs in Japanese.
    assert_eq!(ids_in("ロシア", Lang::Ko), Vec::<String>::new());
    assert_eq!(ids_in("俄罗斯", Lang::Ja), Vec::<String>::new());
}

#[test]
fn names_in_both_scripts_resolve_to_one_id() {
    let g = gaz();
    for name in [
        "ロシア",
        "ロシア連邦",
        "Russia",
        "the Russian Federation",
        "RUS",
        "russia",
        "モスクワ",
    ] {
        assert_eq!(g.resolve(name).unwrap().actor.id.as_str(), "RUS", "{name}");
    }
    for name in [
        "プーチン",
        "Putin",
        "Vladimir Putin",
        "person:putin-vladimir",
    ] {
        let e = g.resolve(name).unwrap();
        assert_eq!(e.actor.id.as_str(), "person:putin-vladimir", "{name}");
        assert_eq!(e.actor.country.as_ref().unwrap().as_str(), "RUS");
    }
}

#[test]
fn unknown_names_get_suggestions() {
    match gaz().resolve("Rusia") {
        Err(LookupError::Unknown { suggestions, .. }) => {
            assert!(
                suggestions.iter().any(|s| s.starts_with("RUS")),
                "{suggestions:?}"
            )
        }
        other => panic!("expected unknown, got {other:?}"),
    }
}

#[test]
fn english_matching_respects_case_and_word_boundaries() {
    assert_eq!(ids("Turkey and China met."), ["TUR", "CHN"]);
    assert!(ids("We ate turkey on fine china.").is_empty());
    assert!(ids("Prussia and Russiagate").is_empty());
    assert_eq!(ids("the US and the U.S. and the UK"), ["USA", "USA", "GBR"]);
    assert!(ids("pro-Russian groups").is_empty());
    assert_eq!(ids("Russia's war; Russian forces"), ["RUS", "RUS"]);
}

#[test]
fn japanese_longest_match_and_guards() {
    assert_eq!(ids("朝鮮民主主義人民共和国と北朝鮮"), ["PRK", "PRK"]);
    assert!(ids("中国語を学ぶロシア人").is_empty());
    assert_eq!(ids("インドネシアとインド"), ["IDN", "IND"]);
}

#[test]
fn japanese_abbreviations_count_only_in_compounds() {
    assert_eq!(ids("日米首脳会談"), ["JPN", "USA"]);
    assert_eq!(ids("対ロ制裁"), ["RUS"]);
    assert_eq!(ids("訪朝した"), ["PRK"]);
    assert_eq!(ids("ロ朝の関係"), ["RUS", "PRK"]);
    assert_eq!(ids("中韓が対話"), ["CHN", "KOR"]);
    assert_eq!(ids("米軍が撤退"), ["USA"]);
    assert!(
        ids("今日中に朝食をとり、年中無休").is_empty(),
        "{:?}",
        ids("今日中に朝食をとり、年中無休")
    );
    assert!(ids("18日に会談中だ").is_empty());
    assert!(ids("ヨーロッパのプロ").is_empty());
    assert_eq!(ids("首相は訪米中に"), ["USA"]);
}

#[test]
fn persons_by_full_name_title_or_after_naming() {
    assert_eq!(ids("プーチン大統領は"), ["person:putin-vladimir"]);
    assert_eq!(
        ids("プーチン氏と金正恩総書記"),
        ["person:putin-vladimir", "person:kim-jong-un"]
    );
    assert_eq!(ids("President Putin met"), ["person:putin-vladimir"]);
    assert_eq!(
        ids("Vladimir Putin arrived. Putin said"),
        ["person:putin-vladimir", "person:putin-vladimir"]
    );
    // A lone family name before any naming is not enough.
    assert!(ids("Putin said").is_empty());
    // A one-kanji family name needs its title.
    assert!(ids("金を払う").is_empty());
    assert_eq!(ids("金総書記"), ["person:kim-jong-un"]);
}

#[test]
fn a_family_name_before_the_full_naming_resolves_when_the_text_names_one_person_so() {
    // A headline names a person by family name; the body names them in full.
    assert_eq!(
        ids("Obama criticises Moscow\nBarack Obama spoke on Monday."),
        ["person:obama-barack", "RUS", "person:obama-barack"]
    );
    // Or by a title that fits one of the persons of that family name.
    assert_eq!(
        ids("Bush slams Moscow\nPresident Bush spoke on Monday."),
        ["person:bush-george-w", "RUS", "person:bush-george-w"]
    );
    assert_eq!(ids("Bush slams Moscow\nMr Bush spoke."), ["RUS"]);
    // A capitalized given name before the family name is another person's.
    assert_eq!(
        ids("Barack Obama arrived, and then Michelle Obama spoke."),
        ["person:obama-barack"]
    );
    // But a sentence's first word, or a headline's, is no given name.
    assert_eq!(
        ids("Barack Obama arrived. Later Obama spoke."),
        ["person:obama-barack", "person:obama-barack"]
    );
}

#[test]
fn seed_article_actors_resolve() {
    // Every actor the seed article names, in the forms it uses.
    let g = gaz();
    for (name, id) in [
        ("北朝鮮", "PRK"),
        ("ロシア", "RUS"),
        ("ウクライナ", "UKR"),
        ("欧米諸国", "WEST"),
        ("西側諸国", "WEST"),
        ("欧米", "WEST"),
        ("米国", "USA"),
        ("韓国", "KOR"),
        ("中国", "CHN"),
        ("インド", "IND"),
        ("ベトナム", "VNM"),
        ("日本", "JPN"),
        ("イタリア", "ITA"),
        ("スイス", "CHE"),
        ("旧ソ連", "SUN"),
        ("ソ連", "SUN"),
        ("G8", "G8"),
        ("G7", "G7"),
        ("BRICS", "BRICS"),
        ("国連安全保障理事会", "UNSC"),
        ("国家情報院", "NIS"),
        ("朝鮮中央通信", "KCNA"),
        ("金正恩", "person:kim-jong-un"),
        ("金正日", "person:kim-jong-il"),
        ("習近平", "person:xi-jinping"),
        ("ペスコフ", "person:peskov-dmitry"),
        ("趙兌烈", "person:cho-tae-yul"),
        ("プーチン", "person:putin-vladimir"),
    ] {
        assert_eq!(
            g.resolve(name).map(|e| e.actor.id.as_str()),
            Ok(id),
            "{name}"
        );
    }
    assert_eq!(ids("ペスコフ大統領報道官は"), ["person:peskov-dmitry"]);
    // 国務長官 is a title after a family name, and the US foreign minister's.
    assert_eq!(ids("ケリー国務長官は"), ["person:kerry-john"]);
    // The state's abbreviation may stand between the name and an office.
    assert_eq!(ids("ケリー米国務長官は"), ["person:kerry-john", "USA"]);
    assert_eq!(ids("ケリー米議員は"), ["USA"]);
    assert_eq!(
        ids("趙兌烈(チョ・テヨル)外相"),
        ["person:cho-tae-yul", "person:cho-tae-yul"]
    );
}

#[test]
fn country_table_matches_debian_iso_codes_when_installed() {
    let path = std::path::Path::new("/usr/share/iso-codes/json/iso_3166-1.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!(
            "iso-codes not installed; skipping the check against {}",
            path.display()
        );
        return;
    };
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let g = gaz();
    let mut missing = Vec::new();
    for c in json["3166-1"].as_array().unwrap() {
        let code = c["alpha_3"].as_str().unwrap();
        match ActorId::new(code).ok().and_then(|id| g.get(&id)) {
            Some(e) => assert_eq!(e.actor.kind, ActorKind::Country, "{code}"),
            None => missing.push(code.to_owned()),
        }
    }
    assert!(
        missing.is_empty(),
        "ISO states missing from countries.tsv: {missing:?}"
    );
    for former in ["SUN", "DDR", "YUG", "CSK"] {
        assert!(
            g.get(&ActorId::new(former).unwrap())
                .is_some_and(|e| e.former),
            "{former}"
        );
    }
}

#[test]
fn counts_by_kind_meet_the_issue() {
    let c = gaz().counts();
    assert!(c[&ActorKind::Country] >= 253, "{c:?}");
    assert!(c[&ActorKind::Organization] >= 60, "{c:?}");
    assert!(c[&ActorKind::Person] >= 300, "{c:?}");
    assert!(c[&ActorKind::Group] >= 1, "{c:?}");
}

#[test]
fn user_file_adds_actors_and_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extra.toml");
    std::fs::write(
        &path,
        r#"
[[actor]]
id = "WAGNER"
kind = "organization"
country = "RUS"
name = "Wagner Group"
aliases_en = ["Wagner Group"]
aliases_ja = ["ワグネル"]

[[actor]]
id = "RUS"
aliases_en = ["Rossiya"]
"#,
    )
    .unwrap();
    let g = Gazetteer::with_user_file(&path).unwrap();
    assert_eq!(g.resolve("ワグネル").unwrap().actor.id.as_str(), "WAGNER");
    assert_eq!(g.resolve("Rossiya").unwrap().actor.id.as_str(), "RUS");
    let found: Vec<_> = g
        .find_mentions("Rossiya and the Wagner Group")
        .iter()
        .map(|m| g.entry(m.entry).actor.id.to_string())
        .collect();
    assert_eq!(found, ["RUS", "WAGNER"]);
    // Still knows the built-ins.
    assert_eq!(g.resolve("Japan").unwrap().actor.id.as_str(), "JPN");
}

#[test]
fn bad_user_entries_name_file_line_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[[actor]]\nid = \"NEWBODY\"\n\n[[actor]]\nid = \"lower\"\nkind = \"group\"\n",
    )
    .unwrap();
    let err = Gazetteer::with_user_file(&path).unwrap_err().to_string();
    assert!(err.contains("bad.toml:1:") && err.contains("kind"), "{err}");
    std::fs::write(
        &path,
        "[[actor]]\nid = \"X1\"\nkind = \"group\"\n\n[[actor]]\nid = \"lower\"\nkind = \"group\"\n",
    )
    .unwrap();
    let err = Gazetteer::with_user_file(&path).unwrap_err().to_string();
    assert!(
        err.contains("bad.toml:5:") && err.contains("lower"),
        "{err}"
    );
    std::fs::write(&path, "[[actor]\n").unwrap();
    let err = Gazetteer::with_user_file(&path).unwrap_err().to_string();
    assert!(err.contains("bad.toml:1:"), "{err}");
}

fn actor(id: &str, kind: ActorKind, country: Option<&str>, name: &str) -> Actor {
    Actor {
        id: ActorId::new(id).unwrap(),
        kind,
        country: country.map(|c| ActorId::new(c).unwrap()),
        name: name.to_owned(),
    }
}

// See: issue 8
#[test]
fn an_outside_record_never_changes_a_known_actor() {
    let g = gaz();
    let evil = actor("USA", ActorKind::Organization, None, "Evil");
    let err = g.canonical_actor(&evil).unwrap_err();
    assert!(matches!(err, ActorConflict::Kind { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "`USA` is a country in the gazetteer, not an organization; fix the kind or use another id"
    );
    let renamed = actor("USA", ActorKind::Country, Some("USA"), "Evil");
    assert!(matches!(
        g.canonical_actor(&renamed),
        Err(ActorConflict::Name { .. })
    ));
    let moved = actor("person:kim-jong-un", ActorKind::Person, Some("KOR"), "");
    let err = g.canonical_actor(&moved).unwrap_err();
    assert!(err.to_string().contains("belongs to PRK"), "{err}");
    let stateless = actor("NATO", ActorKind::Organization, Some("USA"), "NATO");
    let err = g.canonical_actor(&stateless).unwrap_err();
    assert!(err.to_string().contains("belongs to no state"), "{err}");
}

#[test]
fn an_outside_record_that_agrees_gets_the_gazetteers_actor() {
    let g = gaz();
    let known = g.get(&ActorId::new("USA").unwrap()).unwrap().actor.clone();
    for (country, name) in [
        (Some("USA"), ""),
        (None, "America"),
        (Some("USA"), "アメリカ"),
        (Some("USA"), "united states"),
    ] {
        let given = actor("USA", ActorKind::Country, country, name);
        assert_eq!(g.canonical_actor(&given).unwrap(), known, "{name}");
    }
    let unknown = actor("ZZZ", ActorKind::Organization, None, "Anything");
    assert_eq!(g.canonical_actor(&unknown).unwrap(), unknown);
}

// See: issue 14, item 7
#[test]
fn arguments_take_articles_abbreviations_titles_and_old_names() {
    let g = gaz();
    for (arg, id) in [
        ("the US", "USA"),
        ("S. Korea", "KOR"),
        ("N. Korea", "PRK"),
        ("President Xi", "person:xi-jinping"),
        ("Mr. Putin", "person:putin-vladimir"),
        ("Prime Minister Ishiba", "person:ishiba-shigeru"),
        ("習主席", "person:xi-jinping"),
        ("プーチン氏", "person:putin-vladimir"),
        ("Persia", "IRN"),
        ("露", "RUS"),
        ("米", "USA"),
    ] {
        assert_eq!(g.resolve(arg).map(|e| e.actor.id.as_str()), Ok(id), "{arg}");
    }
}

#[test]
fn suggestions_compare_characters_for_cjk_and_complete_person_ids() {
    let g = gaz();
    let first = |arg: &str| match g.resolve(arg) {
        Err(LookupError::Unknown { suggestions, .. }) => suggestions.first().cloned(),
        other => panic!("{arg}: {other:?}"),
    };
    assert_eq!(first("ロシャ").as_deref(), Some("RUS (Russia)"));
    assert_eq!(first("北朝").as_deref(), Some("PRK (North Korea)"));
    assert_eq!(first("Japna").as_deref(), Some("JPN (Japan)"));
    assert_eq!(
        g.suggest("person:putin").first().map(String::as_str),
        Some("person:putin-vladimir (Vladimir Putin)")
    );
    assert!(
        !first("Persiaa").unwrap_or_default().starts_with("SRB"),
        "an old name is no typo of Serbia"
    );
}

#[test]
fn a_title_shared_by_two_holders_names_the_later_unless_the_earlier_was_named() {
    assert_eq!(ids("President Bush said."), ["person:bush-george-w"]);
    assert_eq!(
        ids("George H. W. Bush arrived. President Bush said."),
        ["person:bush-george-h-w", "person:bush-george-h-w"]
    );
}

#[test]
fn a_name_with_the_article_matches_at_the_start_of_a_sentence() {
    assert_eq!(
        ids("The West imposed sanctions on Russia."),
        ["WEST", "RUS"]
    );
    assert_eq!(ids("Russia blamed the West."), ["RUS", "WEST"]);
    // A stop phrase keeps its capitalized form out as well.
    assert!(!ids("The West African bloc met.").contains(&"WEST".to_owned()));
}
