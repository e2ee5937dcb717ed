//! `cargo xtask gen-archive COUNT [SITE_DIR]`: a newsroom's archive for the
//! benchmarks and tests: COUNT articles of ordinary district news (about
//! 1,500 characters each, headings, a summary now and then, some naming a
//! partner city from the site's own `cities.json`) added to the site's
//! column beside what it holds, newest first. Deterministic: article `i`
//! is the same in every archive size, so the 1,000 newest of a 10,000
//! archive are the 1,000 archive.

use std::path::Path;

use reader_core::column::COLUMN_FILE;
use serde_json::{json, Value};

/// The newest generated article is published on this day; each article
/// before it a few hours earlier (about three a working day).
const NEWEST: (i32, u32, u32) = (2026, 11, 30);
/// The first generated article's id; article `i` is `FIRST_ID - i`.
const FIRST_ID: u32 = 900_000;

/// Writes `count` articles into `site/data/articles/` and lists them in the
/// column (the column's own articles stay, in date order among them).
pub fn generate(site: &Path, count: u32) -> Result<(), String> {
    let data = site.join("data");
    let read = |file: &str| -> Result<Value, String> {
        let text = std::fs::read_to_string(data.join(file))
            .map_err(|e| format!("cannot read {}: {e}", data.join(file).display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))
    };
    let mut column = read(COLUMN_FILE)?;
    let partners = read("cities.json")
        .ok()
        .and_then(|cities| cities["partners"].as_array().cloned())
        .unwrap_or_default();
    let mut entries: Vec<Value> = column["articles"].as_array().cloned().unwrap_or_default();
    entries.retain(|entry| !entry["id"].as_str().is_some_and(is_generated));
    remove_generated(&data.join("articles"))?;
    for i in 1..=count {
        let article = article(i, &partners);
        let file = data.join("articles").join(format!(
            "{}.json",
            article["id"].as_str().unwrap_or_default()
        ));
        let text = serde_json::to_string(&article).map_err(|e| e.to_string())?;
        std::fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        let mut entry = json!({
            "id": article["id"],
            "title": article["title"],
            "published": article["published"],
        });
        if let Some(summary) = summary(i) {
            entry["summary"] = json!(summary);
        }
        entries.push(entry);
    }
    // Newest first; among one day, the order they were made in.
    entries.sort_by(|a, b| b["published"].as_str().cmp(&a["published"].as_str()));
    column["articles"] = Value::Array(entries);
    let text = serde_json::to_string(&column).map_err(|e| e.to_string())?;
    std::fs::write(data.join(COLUMN_FILE), text)
        .map_err(|e| format!("cannot write the column: {e}"))?;
    println!("{count} generated articles in {}", data.display());
    Ok(())
}

/// Removes the files of an earlier generated archive.
fn remove_generated(dir: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let id = name.split('.').next().unwrap_or_default();
        if is_generated(id) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}

/// Whether `id` is a generated article's (so a second run replaces them).
fn is_generated(id: &str) -> bool {
    id.parse::<u32>()
        .is_ok_and(|n| (FIRST_ID - 200_000..FIRST_ID).contains(&n))
}

/// Generated article `i` (1 = the newest).
pub fn article(i: u32, partners: &[Value]) -> Value {
    let mut rng = Rng::new(u64::from(i));
    let place = *rng.pick(PLACES);
    let facility = *rng.pick(FACILITIES);
    let event = *rng.pick(EVENTS);
    let people = 20 + rng.below(480);
    let partner = (i.is_multiple_of(7) && !partners.is_empty())
        .then(|| &partners[(i as usize / 7) % partners.len()]);
    let title = match partner {
        Some(p) => format!(
            "{}の代表団が{place}を訪問　第{i}回{event}で交流",
            p["names"]["ja"].as_str().unwrap_or("友好都市")
        ),
        None => format!("{place}の{facility}で第{i}回{event}　住民{people}人が参加"),
    };
    let mut blocks = Vec::new();
    let mut length = 0;
    let mut section = 0;
    while length < 1_400 {
        if length > 0 && rng.below(3) == 0 && section < HEADINGS.len() {
            blocks.push(json!({ "kind": "heading", "text": HEADINGS[section] }));
            section += 1;
        }
        let paragraph: String = (0..4)
            .map(|_| sentence(&mut rng, place, facility, event, partner))
            .collect();
        length += paragraph.chars().count();
        blocks.push(json!({ "kind": "paragraph", "text": paragraph }));
    }
    json!({
        "id": (FIRST_ID - i).to_string(),
        "lang": "ja",
        "title": title,
        "published": date(i),
        "views": if i.is_multiple_of(3) { Value::Null } else { json!(100 + rng.below(5_000)) },
        "breadcrumbs": ["長寧ニュース", "長寧ニューズ"],
        "blocks": blocks,
        "partners": partner.map(|p| vec![p["id"].clone()]).unwrap_or_default(),
    })
}

/// A summary for some articles (the column's is optional).
pub fn summary(i: u32) -> Option<String> {
    i.is_multiple_of(2)
        .then(|| format!("第{i}回の取り組みについて、参加した住民の声とともに紹介します。"))
}

/// The day article `i` was published: three a working day, going back.
fn date(i: u32) -> String {
    let (mut year, mut month, mut day) = NEWEST;
    let mut working_days = (i - 1) / 3;
    let mut weekday = weekday(year, month, day);
    loop {
        if weekday < 5 {
            if working_days == 0 {
                break;
            }
            working_days -= 1;
        }
        // One day back.
        weekday = (weekday + 6) % 7;
        if day > 1 {
            day -= 1;
        } else {
            month = if month == 1 { 12 } else { month - 1 };
            if month == 12 {
                year -= 1;
            }
            day = days_in_month(year, month);
        }
    }
    format!("{year:04}-{month:02}-{day:02}")
}

/// 0 = Monday … 6 = Sunday (Sakamoto's method).
fn weekday(year: i32, month: u32, day: u32) -> u32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_first =
        (y + y / 4 - y / 100 + y / 400 + T[month as usize - 1] + day as i32).rem_euclid(7) as u32;
    (sunday_first + 6) % 7
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn sentence(
    rng: &mut Rng,
    place: &str,
    facility: &str,
    event: &str,
    partner: Option<&Value>,
) -> String {
    let n = 10 + rng.below(300);
    let month = 1 + rng.below(12);
    match rng.below(8) {
        0 => format!("{place}の{facility}で{event}が開かれ、住民{n}人が参加しました。"),
        1 => format!(
            "参加者は{}を体験し、{}について理解を深めました。",
            rng.pick(ACTIVITIES),
            rng.pick(TOPICS)
        ),
        2 => format!("区の担当者は「{}」と話しています。", rng.pick(QUOTES)),
        3 => format!("今年度は{n}回目の開催で、延べ{}人が参加しています。", n * 7),
        4 => format!(
            "次回は{month}月に{}で予定されており、事前の申し込みが必要です。",
            rng.pick(FACILITIES)
        ),
        5 => match partner {
            Some(p) => format!(
                "{}からの代表団も加わり、{}について意見を交わしました。",
                p["names"]["ja"].as_str().unwrap_or("友好都市"),
                rng.pick(TOPICS)
            ),
            None => format!("会場では{}に関する展示も行われました。", rng.pick(TOPICS)),
        },
        6 => format!(
            "{}の方法について、専門の講師が分かりやすく説明しました。",
            rng.pick(ACTIVITIES)
        ),
        _ => format!(
            "{place}では、{}を進めるため、住民と協力した取り組みを続けています。",
            rng.pick(TOPICS)
        ),
    }
}

const PLACES: &[&str] = &[
    "虹橋街道",
    "天山路街道",
    "仙霞新村街道",
    "周家橋街道",
    "華陽路街道",
    "江蘇路街道",
    "新華路街道",
    "程家橋街道",
    "北新涇街道",
    "新涇鎮",
];
const FACILITIES: &[&str] = &[
    "区民センター",
    "図書館",
    "体育館",
    "文化会館",
    "中山公園",
    "小学校",
    "高齢者福祉センター",
    "消防署",
    "保健所",
    "区役所",
];
/// Compounds and their parts alone (防災訓練, 防災講習, 避難訓練), for search.
const EVENTS: &[&str] = &[
    "防災訓練",
    "健康講座",
    "清掃活動",
    "文化祭",
    "交流会",
    "説明会",
    "展示会",
    "読書会",
    "スポーツ大会",
    "子ども教室",
    "防犯パトロール",
    "献血活動",
    "防災講習",
    "避難訓練",
    "交通安全教室",
];
const ACTIVITIES: &[&str] = &[
    "消火器の使い方",
    "心肺蘇生",
    "応急手当",
    "ごみの分別",
    "健康づくり",
    "伝統料理",
    "書道",
    "太極拳",
    "地域の歴史",
];
const TOPICS: &[&str] = &[
    "地域の安全",
    "健康管理",
    "環境保護",
    "多文化共生",
    "子育て支援",
    "高齢者の見守り",
    "国際交流",
    "生涯学習",
];
const QUOTES: &[&str] = &[
    "これからも住民の皆さんと一緒に取り組んでいきたい",
    "多くの方に参加していただき、うれしく思います",
    "身近なところから始めることが大切です",
];
const HEADINGS: &[&str] = &["当日の様子", "参加者の声", "今後の予定"];

/// splitmix64: small, fast, the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n)) as u32
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u32) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader_core::{decode_article, decode_column, Id};

    #[test]
    fn articles_are_valid_the_same_in_every_size_and_about_1500_characters() {
        let partners = vec![json!({ "id": "hirakata", "names": { "ja": "枚方市" } })];
        for i in [1, 2, 7, 999, 30_000] {
            let a = article(i, &partners);
            assert_eq!(a, article(i, &partners), "deterministic");
            let id = Id::parse(a["id"].as_str().unwrap()).unwrap();
            let decoded = decode_article(&id, a.to_string()).unwrap();
            let chars: usize = decoded
                .blocks
                .iter()
                .map(|b| match b {
                    reader_core::Block::Paragraph { text } => text.chars().count(),
                    _ => 0,
                })
                .sum();
            assert!((1_400..2_200).contains(&chars), "{i}: {chars}");
        }
        assert!(article(7, &partners)["title"]
            .as_str()
            .unwrap()
            .contains("枚方市"));
        assert_eq!(article(7, &partners)["partners"], json!(["hirakata"]));
    }

    #[test]
    fn dates_go_back_three_a_working_day() {
        assert_eq!(date(1), "2026-11-30");
        assert_eq!(date(3), "2026-11-30");
        assert_eq!(date(4), "2026-11-27", "the Friday before");
        assert!(date(30_000) < date(10_000));
        assert_eq!(weekday(2026, 11, 30), 0, "a Monday");
    }

    #[test]
    fn the_column_lists_them_newest_first_beside_its_own() {
        let site = std::env::temp_dir().join(format!("gen-archive-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&site);
        crate::shell::copy_dir(&crate::root().join("public/data"), &site.join("data")).unwrap();
        generate(&site, 50).unwrap();
        generate(&site, 40).unwrap();
        let column =
            decode_column(std::fs::read(site.join("data/articles/index.json")).unwrap()).unwrap();
        assert_eq!(
            column.articles.len(),
            41,
            "the sample's own and 40 generated"
        );
        assert!(column
            .articles
            .windows(2)
            .all(|w| w[0].published >= w[1].published));
        assert_eq!(column.articles.last().unwrap().id.as_str(), "595305");
        let files = std::fs::read_dir(site.join("data/articles"))
            .unwrap()
            .count();
        assert_eq!(
            files,
            1 + 1 + 40,
            "the column, the sample article and 40, none left over"
        );
        let _ = std::fs::remove_dir_all(&site);
    }
}
