//! Time per doubling of inputs that expose super-linear cost: one endless
//! Japanese sentence of clauses, mixed scripts with emoji and bidi marks, HTML
//! with many `<script>` blocks, an "X and Y and ..." chain, names joined by
//! dots, runs of single-kanji abbreviations, and ordinary sentences (the
//! linear baseline). Each input is generated (seeded) at 0.5, 1, 2 and 4 MB
//! and extracted in full; the table gives the best of three runs and the
//! growth per doubling, which is 2.0 for linear cost.
//!
//! Run: `cargo bench --bench hard_inputs`.
// The bench prints its table.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use diplograph::extract::{Extractor, article};
use diplograph::gazetteer::Gazetteer;

const SIZES_MB: [f64; 4] = [0.5, 1.0, 2.0, 4.0];

/// A small deterministic generator (xorshift), so every run sees the same text.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        items[(self.0 % items.len() as u64) as usize]
    }
}

const NAMES: &[&str] = &[
    "Russia", "China", "Japan", "Iran", "Israel", "Ukraine", "India", "Turkey", "Brazil", "Egypt",
];

/// The units each kind of input repeats.
fn units(kind: &str) -> &'static [&'static str] {
    match kind {
        "ja-clauses" => &[
            "ロシアと中国が会談し、",
            "日本は北朝鮮に制裁を科し、",
            "米国は韓国と協議し、",
            "欧米はイランを非難し、",
        ],
        "mixed" => &[
            "Russia ",
            "ロシア",
            "러시아 ",
            "俄罗斯",
            "😀",
            "\u{200f}",
            "e\u{301}",
            "と",
            " and ",
            "、",
            "ﷺ",
            "\u{202e}",
        ],
        "html-script" => &[
            "<p>Japan imposed sanctions on Russia.</p>\n",
            "<script>var x = '<p>a</p>';</script>\n",
            "<style>p { color: red }</style>\n",
        ],
        "abbreviations" => &["日", "米", "中", "露", "韓", "朝", "英", "仏"],
        _ => &[],
    }
}

fn generate(kind: &str, bytes: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        match kind {
            "and-chain" => {
                out.push_str(rng.pick(NAMES));
                out.push_str(" and ");
            }
            "dots" => {
                out.push_str(rng.pick(NAMES));
                out.push('.');
            }
            "sentences" => {
                let (a, b) = (rng.pick(NAMES), rng.pick(NAMES));
                out.push_str(&format!(
                    "{a} imposed new sanctions on {b} on Monday, officials said. "
                ));
            }
            _ => out.push_str(rng.pick(units(kind))),
        }
    }
    out
}

fn best_of_three(f: impl Fn() -> usize) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .expect("three runs")
}

fn main() {
    let extractor = Extractor::new(Gazetteer::builtin());
    println!("kind            MB  seconds  MB/s   growth per doubling");
    for kind in [
        "ja-clauses",
        "mixed",
        "html-script",
        "and-chain",
        "dots",
        "abbreviations",
        "sentences",
    ] {
        let mut previous: Option<Duration> = None;
        for mb in SIZES_MB {
            let text = generate(kind, (mb * 1e6) as usize);
            let time = best_of_three(|| {
                let a = if kind == "html-script" {
                    article::from_html(&format!("<html><body>\n{text}</body></html>\n"))
                } else {
                    article::from_plain(text.clone())
                };
                extractor.extract_each(&a, &mut |c| {
                    black_box(c);
                })
            });
            let growth = previous.map_or(String::new(), |p| {
                format!("x{:.2}", time.as_secs_f64() / p.as_secs_f64())
            });
            println!(
                "{kind:<14} {mb:>4} {:>8.3} {:>6.1}   {growth}",
                time.as_secs_f64(),
                mb / time.as_secs_f64()
            );
            previous = Some(time);
        }
    }
}
