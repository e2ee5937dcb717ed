//! Every piece of interface text, in Japanese (the article language of the
//! district's site). Kept in one place so the interface can be translated.

use reader_core::{FontScale, LoadError};

pub const BACK_TO_TOP: &str = "トップへ戻る";
pub const SKIP_TO_CONTENT: &str = "本文へスキップ";
pub const BREADCRUMBS: &str = "パンくずリスト";
pub const PUBLISHED: &str = "発行日";
pub const VIEWS: &str = "閲覧数";
pub const FONT_SIZE: &str = "文字サイズ";
pub const PRINT: &str = "印刷";
pub const CLOSE: &str = "閉じる";
pub const LOADING: &str = "読み込み中…";
pub const RETRY: &str = "再読み込み";
pub const TO_COLUMN: &str = "記事一覧へ";
pub const NO_ARTICLES: &str = "まだ記事はありません。";
pub const ARTICLE_NOT_FOUND: &str = "記事が見つかりません";
pub const ARTICLE_NOT_FOUND_HELP: &str =
    "お探しの記事は削除されたか、アドレスが変わった可能性があります。";
pub const PAGE_NOT_FOUND: &str = "ページが見つかりません";
pub const PAGE_NOT_FOUND_HELP: &str = "アドレスをご確認ください。";
pub const COLUMN_FALLBACK_TITLE: &str = "ニュース";

pub fn font_scale_label(scale: FontScale) -> &'static str {
    match scale {
        FontScale::Large => "大",
        FontScale::Medium => "中",
        FontScale::Small => "小",
    }
}

/// A heading and an explanation of a load error, naming the file (and the
/// field, for bad data) so that a reader can pass it on to the newsroom.
pub fn describe(error: &LoadError) -> (&'static str, String) {
    let file = error.file();
    match error {
        LoadError::NotFound { .. } => ("データが見つかりません", format!("{file} がサーバーにありません。")),
        LoadError::Server { status, .. } => (
            "読み込めませんでした",
            format!("{file} を読み込めませんでした(サーバーエラー {status})。しばらくしてからもう一度お試しください。"),
        ),
        LoadError::Unreachable { .. } => (
            "読み込めませんでした",
            format!("{file} を読み込めませんでした。ネットワークの接続を確認して、もう一度お試しください。"),
        ),
        LoadError::TimedOut { .. } => (
            "読み込めませんでした",
            format!("{file} の読み込みに時間がかかりすぎています。もう一度お試しください。"),
        ),
        LoadError::BadData(data) => (
            "データに誤りがあります",
            format!("表示できませんでした。データの誤り: {data}"),
        ),
    }
}
