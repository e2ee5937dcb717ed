use super::*;

fn token(surface: &str, reading: &str) -> Token {
    Token {
        surface: surface.to_owned(),
        reading: (!reading.is_empty()).then(|| reading.to_owned()),
    }
}

#[test]
fn mecab_output_is_read_line_by_line() {
    let output = "長\tチョウ\n寧\tヤスシ\nEOS\nEOS\n34\t\n年\tネン\nWin\t*\nEOS\n";
    let lines = parse_mecab(output);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0][1].surface, "寧");
    assert_eq!(lines[0][1].reading.as_deref(), Some("ヤスシ"));
    assert!(lines[1].is_empty());
    assert_eq!(lines[2][0].reading, None);
    assert_eq!(lines[2][2].reading, None);
}

/// With MeCab installed (as `cargo xtask setup` does): the seed
/// article's words as MeCab reads them, before any dictionary.
#[test]
fn mecab_reads_the_seed_articles_words() {
    let lines = vec!["枚方市と交流を深めた".to_owned(), "取り組み".to_owned()];
    let analysed = mecab(&lines).expect("MeCab runs (cargo xtask setup installs it)");
    let words = &analysed["枚方市と交流を深めた"];
    assert_eq!(words[0].surface, "枚方");
    assert_eq!(words[0].reading.as_deref(), Some("ヒラカタ"));
    assert_eq!(analysed["取り組み"][0].reading.as_deref(), Some("トリクミ"));
}

#[test]
fn an_answer_fits_its_line_only_with_the_lines_words_in_order() {
    let words = [token("長寧", "チョウネイ"), token("区", "ク")];
    assert!(fits("長寧区", &words));
    assert!(fits(" 長寧 区 ", &words), "MeCab leaves out spaces");
    assert!(!fits("長寧区は", &words), "a word left out");
    assert!(!fits("区長寧", &words), "out of order");
    assert!(!fits("長寧", &words), "a word too many");
    assert!(fits("", &[]));
}

/// Control characters, which would end or split MeCab's line, go to it as
/// spaces: every line still gets its own answer, and its words.
#[test]
fn control_characters_do_not_cost_a_line_its_words() {
    let lines: Vec<String> = [
        "長寧\u{0}区",
        "枚方\u{b}市",
        "交流\r深めた",
        "\u{7f}取り組み\u{85}",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    let analysed = mecab(&lines).expect("MeCab runs");
    for line in &lines {
        let words: String = analysed[line].iter().map(|w| w.surface.as_str()).collect();
        let kept: String = line.chars().filter(|c| !c.is_control()).collect();
        assert_eq!(words, kept, "{line:?}");
    }
}

/// Long paragraphs: MeCab's own buffer holds 8192 bytes. Whatever the
/// length, the pieces are the line, and each is short enough.
#[test]
fn a_long_line_goes_in_pieces_of_whole_sentences() {
    let sentence = "長寧区は枚方市と交流を深めた。";
    for line in [
        sentence.repeat(10),                                         // short: whole
        sentence.repeat(2_000),                                      // 88 KB of sentences
        "長".repeat(100_000),                                        // 300 KB without a stop
        format!("{}、{}", "長".repeat(20_000), "寧".repeat(20_000)), // a comma to cut at
    ] {
        let pieces = mecab_pieces(&line);
        assert_eq!(pieces.concat(), line);
        if line.len() <= WHOLE_LINE {
            assert_eq!(pieces, [line.as_str()]);
        }
        for piece in &pieces {
            assert!(piece.len() <= LONGEST_PIECE, "{}", piece.len());
            let sentences = split_sentences(piece).len();
            assert!(
                piece.len() <= WHOLE_LINE || sentences == 1,
                "{}",
                piece.len()
            );
        }
    }
    let line = format!("{}、{}", "長".repeat(20_000), "寧".repeat(20_000));
    assert!(
        mecab_pieces(&line)[0].ends_with('、'),
        "cut after the comma"
    );
}
