//! A writer killed with SIGKILL in the middle of saving leaves the old or the new
//! store, loadable. The store is tens of MB so that kills land while the file is
//! being written; the test counts those (a temporary file left behind) and
//! requires a meaningful number of them.

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use diplograph::graph::KnowledgeGraph;
use diplograph::model::{Actor, ActorId, ArticleId, Claim, Evidence, Relation, Span};
use diplograph::persist::{self, StoreWriter};

use crate::common::{noise, tempdir};

/// Kills at least this many times...
const TRIALS: u32 = 30;
/// ...and go on, up to this many, until this many landed mid-write.
const MAX_TRIALS: u32 = 100;
const MIN_MID_WRITE: u32 = 8;

/// A store of about 40 MB: 2,000 evidence records whose sentences are 20 kB each.
fn big_graph(article: &str, n: u32) -> KnowledgeGraph {
    let ids = ["RUS", "PRK", "UKR", "USA", "CHN", "JPN"];
    let mut g = KnowledgeGraph::new();
    for i in 0..n {
        let filler = noise(i);
        let a = |k: u32| Actor::from_id(ActorId::new(ids[(k as usize) % ids.len()]).unwrap());
        let (s, t) = (a(i), a(i + 1 + i % 4));
        g.insert_claim(&Claim {
            source: s,
            relation: Relation::ALL[(i as usize) % Relation::ALL.len()],
            target: t,
            negated: i % 7 == 0,
            hedged: i % 5 == 0,
            attributed_to: vec![],
            evidence: Evidence {
                article: ArticleId(format!("{article}-{}", i / 10)),
                title: None,
                url: None,
                date: None,
                sentence: i % 10,
                span: Span::new(0, 20_000),
                text: format!("{i} {filler}"),
                lang: None,
            },
        });
    }
    g
}

fn merge_cmd(input: &std::path::Path, out: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_diplograph"));
    c.arg("merge").arg(input).arg("-o").arg(out);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Puts the old store back and clears the temporary files a killed writer
/// left, for the next trial.
fn restore(store: &std::path::Path, old_bytes: &[u8], dir: &std::path::Path) {
    fs::write(store, old_bytes).unwrap();
    for t in temp_files(dir) {
        fs::remove_file(t).unwrap();
    }
}

fn temp_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect()
}

#[test]
fn sigkill_during_save_leaves_the_old_or_the_new_store() {
    let dir = tempdir();
    let store = dir.path().join("world.dgraph");
    let extra = dir.path().join("extra.dgraph");
    let old = big_graph("old", 2_000);
    let new_part = big_graph("new", 10);
    for (path, g) in [(&store, &old), (&extra, &new_part)] {
        StoreWriter::lock(path).unwrap().save(g).unwrap();
    }
    let old_bytes = fs::read(&store).unwrap();
    let size_mb = old_bytes.len() as f64 / 1e6;
    assert!(size_mb > 20.0, "store is {size_mb:.1} MB, want tens of MB");
    let (old_n, new_n) = (
        old.evidence_count(),
        old.evidence_count() + new_part.evidence_count(),
    );

    // Calibration. One run polled for the temporary file tells at which fraction
    // of a run the write starts; polling costs CPU, so the run length itself is
    // the fastest of three unpolled runs. Kills are spread around that window.
    let t0 = Instant::now();
    let mut child = merge_cmd(&extra, &store).spawn().unwrap();
    let mut tmp_seen = None;
    let polled = loop {
        if tmp_seen.is_none() && !temp_files(dir.path()).is_empty() {
            tmp_seen = Some(t0.elapsed());
        }
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success());
            break t0.elapsed();
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let write_frac = tmp_seen.map_or(0.5, |t| t.as_secs_f64() / polled.as_secs_f64());
    let full = (0..3)
        .map(|_| {
            let t0 = Instant::now();
            assert!(merge_cmd(&extra, &store).status().unwrap().success());
            t0.elapsed()
        })
        .min()
        .unwrap();
    let write_starts = full.mul_f64(write_frac);
    assert_eq!(persist::load(&store).unwrap().evidence_count(), new_n);
    let (mut mid_write, mut kept_old, mut got_new) = (0, 0, 0);
    // Timings drift on a busy machine, so the aim follows the outcomes: a kill
    // that found the new store was too late, one that found no temporary file
    // and the old store was too early.
    let mut aim = write_starts + (full.saturating_sub(write_starts)) / 2;
    let step = (full.saturating_sub(write_starts) / 4).max(Duration::from_millis(5));
    let mut trials = 0;
    while trials < TRIALS || (mid_write < MIN_MID_WRITE && trials < MAX_TRIALS) {
        let trial = trials;
        trials += 1;
        restore(&store, &old_bytes, dir.path());
        // Every third kill anywhere in the run (start-up, load, merge), the rest
        // around the aim, with jitter.
        let anywhere = trial % 3 == 0;
        let delay = if anywhere {
            full.mul_f64(f64::from(trial % 30) / 30.0)
        } else {
            let f = f64::from((trial * 7) % 5) / 4.0 - 0.5;
            if f >= 0.0 {
                aim + step.mul_f64(f)
            } else {
                aim.saturating_sub(step.mul_f64(-f))
            }
        };
        let mut child = merge_cmd(&extra, &store).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let landed_mid_write = !temp_files(dir.path()).is_empty();
        mid_write += u32::from(landed_mid_write);
        let n = persist::load(&store)
            .unwrap_or_else(|e| panic!("trial {trial} (kill after {delay:?}) broke the store: {e}"))
            .evidence_count();
        match n {
            n if n == old_n => kept_old += 1,
            n if n == new_n => got_new += 1,
            n => panic!("trial {trial}: store has {n} evidence records, neither old nor new"),
        }
        if !anywhere {
            if n == new_n {
                aim = aim.saturating_sub(step / 2);
            } else if !landed_mid_write {
                aim += step / 2;
            }
        }
    }
    eprintln!(
        "kill_during_save: store {size_mb:.1} MB, full run {full:?} (temp file from {write_starts:?}), {trials} kills: \
         {mid_write} mid-write (temp file present), {kept_old} left the old store, {got_new} the new one"
    );
    assert!(
        mid_write >= MIN_MID_WRITE,
        "only {mid_write} of {trials} kills landed mid-write; the test proves too little"
    );
    // The next writer cleans up what the killed ones left.
    assert!(merge_cmd(&extra, &store).status().unwrap().success());
    assert!(temp_files(dir.path()).is_empty());
}

/// Claims of `n` new articles in the JSONL contract, 20 kB of noise each.
fn new_claims(n: u32) -> String {
    (0..n)
        .map(|i| {
            format!(
                r#"{{"source":"USA","relation":"sanctions","target":"RUS","article":"app-{i}","sentence":0,"span":[0,20000],"text":"{}"}}"#,
                noise(10_000 + i)
            ) + "\n"
        })
        .collect()
}

fn import_cmd(store: &std::path::Path, input: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_diplograph"));
    c.env_remove("DIPLOGRAPH_STORE")
        .arg("--store")
        .arg(store)
        .arg("import")
        .arg(input);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Kills that land while an import appends to the store (a commit torn). The
/// append is a short window at the end of a run (about 5% of it): on a busy
/// machine, 3 to 5 of 60 to 100 kills land in it.
const MIN_MID_APPEND: u32 = 3;

#[test]
fn sigkill_during_append_leaves_the_old_or_the_new_store() {
    // See: issue 12. An append writes blocks, a graph section, a census, then
    // the footer that makes them the store; a kill before the footer leaves a
    // torn commit, which readers skip and the next writer cuts off.
    let dir = tempdir();
    let store = dir.path().join("world.dgraph");
    let input = dir.path().join("new.jsonl");
    let old = big_graph("old", 1_000);
    StoreWriter::lock(&store).unwrap().save(&old).unwrap();
    fs::write(&input, new_claims(1_000)).unwrap();
    let old_bytes = fs::read(&store).unwrap();
    let (old_n, new_n) = (old.evidence_count(), old.evidence_count() + 1_000);
    let full = (0..3)
        .map(|_| {
            fs::write(&store, &old_bytes).unwrap();
            let t0 = Instant::now();
            assert!(import_cmd(&store, &input).status().unwrap().success());
            t0.elapsed()
        })
        .min()
        .unwrap();
    assert_eq!(persist::load(&store).unwrap().evidence_count(), new_n);
    assert!(
        fs::metadata(&store).unwrap().len() > old_bytes.len() as u64,
        "an append, not a rewrite"
    );
    let (mut torn, mut kept_old, mut got_new, mut trials) = (0, 0, 0, 0);
    // The append is the last few percent of a run. The aim follows the
    // outcomes: a kill that found the new store was too late, one that left
    // the file as it was too early.
    let step = full / 40;
    let mut aim = full.mul_f64(0.9);
    while trials < TRIALS || (torn < MIN_MID_APPEND && trials < MAX_TRIALS) {
        let trial = trials;
        trials += 1;
        fs::write(&store, &old_bytes).unwrap();
        // Every fifth kill anywhere in the run, the rest around the aim.
        let delay = if trial % 5 == 0 {
            full.mul_f64(f64::from(trial % 20) / 20.0)
        } else {
            let jitter = step.mul_f64(f64::from((trial * 7) % 5) / 4.0);
            (aim + jitter).saturating_sub(step / 2)
        };
        let mut child = import_cmd(&store, &input).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let len = fs::metadata(&store).unwrap().len();
        let n = persist::load(&store)
            .unwrap_or_else(|e| panic!("trial {trial} (kill after {delay:?}) broke the store: {e}"))
            .evidence_count();
        match n {
            n if n == old_n && len > old_bytes.len() as u64 => torn += 1,
            n if n == old_n => kept_old += 1,
            n if n == new_n => got_new += 1,
            n => panic!("trial {trial}: store has {n} evidence records, neither old nor new"),
        }
        if trial % 5 != 0 {
            if n == new_n {
                aim = aim.saturating_sub(step / 2);
            } else if len == old_bytes.len() as u64 {
                aim += step / 2;
            }
        }
        if n == old_n && len > old_bytes.len() as u64 {
            // The next writer cuts the torn commit off and appends its own.
            assert!(import_cmd(&store, &input).status().unwrap().success());
            assert_eq!(persist::load(&store).unwrap().evidence_count(), new_n);
        }
    }
    eprintln!(
        "kill_during_append: full run {full:?}, {trials} kills: {torn} tore an append (old store kept), \
         {kept_old} left the old store untouched, {got_new} the new one"
    );
    assert!(
        torn >= MIN_MID_APPEND,
        "only {torn} of {trials} kills tore an append; the test proves too little"
    );
}

/// A corpus of `n` short English articles, each naming a few pairs of states
/// in sentences the extractor reads (about five claims an article).
fn ingest_corpus(n: u32) -> String {
    let states = [
        "Japan", "Russia", "France", "Germany", "China", "India", "Brazil", "Canada", "Iran",
        "Israel", "Turkey", "Egypt", "Kenya", "Mexico", "Spain", "Italy", "Poland", "Ukraine",
    ];
    let templates = [
        "{a} imposed sanctions on {b}.",
        "{a} and {b} held talks in the capital.",
        "{a} condemned {b}.",
        "{a} signed an agreement with {b}.",
        "{a} supplied weapons to {b}.",
    ];
    let mut x = 0x2545_f491_4f6c_dd1d_u64;
    let mut draw = |k: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % k as u64) as usize
    };
    (0..n)
        .map(|i| {
            let text: Vec<String> = templates
                .iter()
                .map(|t| {
                    let a = draw(states.len());
                    let b = (a + 1 + draw(states.len() - 1)) % states.len();
                    t.replace("{a}", states[a]).replace("{b}", states[b])
                })
                .collect();
            format!(r#"{{"id":"k-{i}","text":"{}"}}"#, text.join(" ")) + "\n"
        })
        .collect()
}

fn ingest_cmd(store: &std::path::Path, input: &std::path::Path, jobs: u32) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_diplograph"));
    c.env_remove("DIPLOGRAPH_STORE")
        .arg("--store")
        .arg(store)
        .arg("ingest")
        .arg("--jobs")
        .arg(jobs.to_string())
        .arg("--batch-records")
        .arg("400")
        .arg(input);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// The store's claims in the JSONL contract, one line each, sorted, with the
/// article each names.
fn claims_of(store: &std::path::Path) -> Vec<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .env_remove("DIPLOGRAPH_STORE")
        .arg("--store")
        .arg(store)
        .args(["export", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "export of {}", store.display());
    let mut lines: Vec<(String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["article"].as_str().unwrap().to_owned(), l.to_owned())
        })
        .collect();
    lines.sort();
    lines
}

/// Kills at random moments of a batched ingest.
const INGEST_TRIALS: u32 = 40;
/// Kills that must land between the first batch and the last, leaving a
/// store with some of the corpus.
const MIN_PART_WAY: u32 = 5;

#[test]
fn sigkill_during_a_batched_ingest_leaves_whole_batches() {
    // See: issue 12 (item 3). `ingest` appends a commit each time its graph
    // holds a batch of records; a kill at any moment must leave a store that
    // loads and holds the old articles plus whole articles of the corpus,
    // each with exactly the claims a full run gives it, in input order with
    // one worker; ingesting the corpus again then adds the rest.
    let dir = tempdir();
    let store = dir.path().join("world.dgraph");
    let reference = dir.path().join("reference.dgraph");
    let seed = dir.path().join("seed.jsonl");
    let corpus = dir.path().join("corpus.jsonl");
    fs::write(
        &seed,
        r#"{"id":"seed","text":"Japan imposed sanctions on Russia."}"#,
    )
    .unwrap();
    fs::write(&corpus, ingest_corpus(3_000)).unwrap();
    assert!(ingest_cmd(&store, &seed, 1).status().unwrap().success());
    let old_bytes = fs::read(&store).unwrap();
    fs::write(&reference, &old_bytes).unwrap();
    let t0 = Instant::now();
    assert!(
        ingest_cmd(&reference, &corpus, 1)
            .status()
            .unwrap()
            .success()
    );
    let full = t0.elapsed();
    let all = claims_of(&reference);
    let corpus_articles = 3_000;
    assert!(
        all.len() > 10 * 400,
        "{} claims: too few batches",
        all.len()
    );
    let mut x = 0x9e37_79b9_7f4a_7c15_u64;
    let (mut kept_old, mut part_way, mut whole) = (0, 0, 0);
    let mut states = std::collections::BTreeSet::new();
    for trial in 0..INGEST_TRIALS {
        fs::write(&store, &old_bytes).unwrap();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // Anywhere from start-up to a little past the end of a run.
        let delay = full.mul_f64((x % 1_100) as f64 / 1_000.0);
        let jobs = 1 + trial % 2;
        let mut child = ingest_cmd(&store, &corpus, jobs).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let g = persist::load(&store).unwrap_or_else(|e| {
            panic!("trial {trial} (--jobs {jobs}, kill after {delay:?}) broke the store: {e}")
        });
        let got = claims_of(&store);
        let held: std::collections::HashSet<&str> = got.iter().map(|(a, _)| a.as_str()).collect();
        let expected: Vec<_> = all
            .iter()
            .filter(|(a, _)| held.contains(a.as_str()))
            .cloned()
            .collect();
        assert!(
            got == expected,
            "trial {trial} (--jobs {jobs}, kill after {delay:?}): the store holds {} claims \
             of its {} articles, a full run gives them {}",
            got.len(),
            held.len(),
            expected.len()
        );
        let read = g.article_count() - 1;
        if jobs == 1 {
            // One worker merges in input order: the batches are a prefix.
            let rows = g.article_rows();
            let ids: std::collections::HashSet<&str> =
                rows.iter().map(|a| a.id.0.as_str()).collect();
            for i in 0..read {
                assert!(
                    ids.contains(format!("k-{i}").as_str()),
                    "trial {trial}: {read} articles held but not k-{i}"
                );
            }
        }
        match read {
            0 => kept_old += 1,
            n if n == corpus_articles => whole += 1,
            n => {
                part_way += 1;
                states.insert(n);
            }
        }
    }
    eprintln!(
        "kill_during_ingest: full run {full:?}, {INGEST_TRIALS} kills: {kept_old} left the old store, \
         {part_way} part way ({} distinct states), {whole} the whole corpus",
        states.len()
    );
    assert!(
        part_way >= MIN_PART_WAY,
        "only {part_way} of {INGEST_TRIALS} kills landed part way; the test proves too little"
    );
    // Ingesting the corpus again adds the rest.
    assert!(ingest_cmd(&store, &corpus, 2).status().unwrap().success());
    assert!(
        claims_of(&store) == all,
        "a second run does not complete the store"
    );
}

fn compact_cmd(store: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_diplograph"));
    c.env_remove("DIPLOGRAPH_STORE")
        .arg("--store")
        .arg(store)
        .arg("compact");
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Kills that must land while `compact` writes its temporary file. It
/// streams the store into it from start to end of its run, so most aimed
/// kills land there.
const MIN_MID_COMPACT: u32 = 10;

/// A store of four commits, about 20 MB: a save and three appends of 250
/// records of 20 kB sentences each, over the same edges.
fn store_of_four_commits(store: &std::path::Path) {
    let w = StoreWriter::lock(store).unwrap();
    w.save(&big_graph("p0", 250)).unwrap();
    for p in 1..4 {
        let added = w.append(&big_graph(&format!("p{p}"), 250)).unwrap();
        let added = added.expect("new articles are appended");
        assert!(
            !added.compacted,
            "the evidence outweighs the graph sections"
        );
    }
}

#[test]
fn sigkill_during_compact_leaves_the_old_or_the_compacted_store() {
    // See: issue 12 ("SIGKILL at any moment leaves the old or the new
    // store"). `compact` copies the store a block at a time into a temporary
    // file, then syncs it and renames it over the store: a kill at any moment
    // leaves the file as it was or the compacted one, and both hold what the
    // store held.
    let dir = tempdir();
    let store = dir.path().join("world.dgraph");
    store_of_four_commits(&store);
    let old_bytes = fs::read(&store).unwrap();
    let (content, census) = (
        persist::load(&store).unwrap(),
        persist::census(&store).unwrap(),
    );
    // The compacted file, and the run's length (the fastest of three).
    let full = (0..3)
        .map(|_| {
            fs::write(&store, &old_bytes).unwrap();
            let t0 = Instant::now();
            assert!(compact_cmd(&store).status().unwrap().success());
            t0.elapsed()
        })
        .min()
        .unwrap();
    let new_bytes = fs::read(&store).unwrap();
    assert!(
        new_bytes.len() < old_bytes.len(),
        "compact dropped the superseded sections"
    );
    let size_mb = old_bytes.len() as f64 / 1e6;
    let (mut mid_write, mut kept_old, mut got_new, mut trials) = (0, 0, 0, 0);
    // The aim follows the outcomes, as for a save: a kill that found the
    // compacted store was too late, one that found no temporary file and
    // the old store too early.
    let step = (full / 8).max(Duration::from_millis(5));
    let mut aim = full / 2;
    while trials < TRIALS || (mid_write < MIN_MID_COMPACT && trials < MAX_TRIALS) {
        let trial = trials;
        trials += 1;
        restore(&store, &old_bytes, dir.path());
        // Every third kill anywhere from start-up to a little past the end
        // of a run, the rest around the aim.
        let anywhere = trial % 3 == 0;
        let delay = if anywhere {
            full.mul_f64(1.25 * f64::from(trial / 3 % 10) / 9.0)
        } else {
            (aim + step.mul_f64(f64::from((trial * 7) % 5) / 4.0)).saturating_sub(step / 2)
        };
        let mut child = compact_cmd(&store).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let landed_mid_write = !temp_files(dir.path()).is_empty();
        let bytes = fs::read(&store).unwrap();
        let (old, new) = (bytes == old_bytes, bytes == new_bytes);
        assert!(
            old || new,
            "trial {trial} (kill after {delay:?}): the store is neither the old file nor the compacted one"
        );
        let loaded = persist::load(&store).unwrap_or_else(|e| {
            panic!("trial {trial} (kill after {delay:?}) broke the store: {e}")
        });
        assert!(
            loaded == content,
            "trial {trial}: the store's content changed"
        );
        assert_eq!(persist::census(&store).unwrap(), census, "trial {trial}");
        mid_write += u32::from(old && landed_mid_write);
        kept_old += u32::from(old && !landed_mid_write);
        got_new += u32::from(new);
        if !anywhere {
            if new {
                aim = aim.saturating_sub(step / 2);
            } else if !landed_mid_write {
                aim += step / 2;
            }
        }
    }
    eprintln!(
        "kill_during_compact: store {size_mb:.1} MB in 4 commits, full run {full:?}, {trials} kills: \
         {mid_write} mid-write (temp file present, old store kept), {kept_old} before it, {got_new} left the compacted store"
    );
    assert!(
        mid_write >= MIN_MID_COMPACT,
        "only {mid_write} of {trials} kills landed mid-write; the test proves too little"
    );
    // The next writer cleans up what the killed ones left.
    fs::write(&store, &old_bytes).unwrap();
    assert!(compact_cmd(&store).status().unwrap().success());
    assert!(temp_files(dir.path()).is_empty());
    assert!(fs::read(&store).unwrap() == new_bytes);
}
