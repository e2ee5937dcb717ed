//! Every piece of interface text, in Japanese (the article language of the
//! district's site). Kept in one place so the interface can be translated.

use reader_core::{FontScale, LoadError};

pub const BACK_TO_TOP: &str = "トップへ戻る";
pub const SITE_NAV: &str = "サイト内";
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

pub const PARTNERS_TITLE: &str = "提携都市";
pub const PARTNERS_LINK: &str = "提携都市の地図";
pub const MAP_LABEL: &str = "提携都市の地図";
pub const MAP_HELP: &str = "ドラッグで移動、ホイールやピンチで拡大・縮小できます。矢印キーで移動、+ と − キーで拡大・縮小、0 キーで全体表示。";
pub const ZOOM_IN: &str = "拡大";
pub const ZOOM_OUT: &str = "縮小";
pub const ZOOM_RESET: &str = "全体を表示";
pub const LEGEND: &str = "凡例";
pub const HOME: &str = "本区";
pub const FILTER_RELATION: &str = "関係";
pub const FILTER_CONTINENT: &str = "大陸";
pub const FILTER_ALL: &str = "すべて";
pub const COL_NAME: &str = "都市";
pub const COL_COUNTRY: &str = "国・地域";
pub const COL_CONTINENT: &str = "大陸";
pub const COL_RELATION: &str = "関係";
pub const COL_SINCE: &str = "提携開始";
pub const SUMMARY: &str = "概要";
pub const ARTICLES_NAMING: &str = "この都市が登場する記事";
pub const NO_ARTICLES_NAMING: &str = "この都市が登場する記事はまだありません。";
pub const CLOSE_SELECTION: &str = "選択を解除";
pub const UNKNOWN_PARTNER: &str = "その提携都市は見つかりません";
pub const UNKNOWN_PARTNER_HELP: &str =
    "アドレスの都市はデータにありません。地図と一覧から選んでください。";
pub const MAP_UNAVAILABLE: &str = "提携都市のデータを表示できません";
pub const WORLD_UNAVAILABLE: &str =
    "世界地図を読み込めませんでした。提携都市は一覧でご覧ください。";
pub const NOTICE_HEADING: &str = "地図に載せていない提携都市があります";
pub const NOTICE_HELP: &str = "次の項目はデータに誤りがあるため表示していません:";
pub const NO_MATCHES: &str = "条件に合う提携都市はありません。";
pub const PREVIOUS_PAGE: &str = "前へ";
pub const NEXT_PAGE: &str = "次へ";
pub const UNKNOWN_DATE: &str = "—";
pub const IN_THIS_ARTICLE: &str = "この記事の提携都市";

pub fn counts_sentence(c: reader_core::partners::Counts) -> String {
    format!(
        "{}都市・{}か国・{}大陸",
        c.partners, c.countries, c.continents
    )
}

pub fn cluster_label(n: usize) -> String {
    format!("{n}件の提携都市(拡大して表示)")
}

pub fn page_of(page: usize, pages: usize) -> String {
    format!("{page} / {pages} ページ")
}

pub fn relation_label(relation: reader_core::Relation) -> &'static str {
    use reader_core::Relation::*;
    match relation {
        Sister => "姉妹都市",
        Exchange => "友好交流都市",
        Contact => "交流準備中",
    }
}

pub fn continent_label(continent: reader_core::Continent) -> &'static str {
    use reader_core::Continent::*;
    match continent {
        Asia => "アジア",
        Europe => "ヨーロッパ",
        Africa => "アフリカ",
        NorthAmerica => "北アメリカ",
        SouthAmerica => "南アメリカ",
        Oceania => "オセアニア",
        Antarctica => "南極",
    }
}

pub const PRINT_VIEW: &str = "印刷用ページ";
pub const BACK_TO_ARTICLE: &str = "記事に戻る";
pub const ONLINE_AT: &str = "この記事のウェブページ:";
pub const PRINTED_ON: &str = "印刷日:";
pub const QR_LABEL: &str = "QRコード:";

pub const SELECTION_CLEARED: &str = "選択を解除しました";

pub fn selected_announcement(name: &str) -> String {
    format!("{name}を選択しました")
}

pub const SHOWING_SAVED_COPY: &str =
    "ネットワークに接続できないため、保存済みのデータを表示しています";
pub const SAVED_ON: &str = "保存";

pub const KIOSK_STAY: &str = "このまま使う";

pub fn kiosk_countdown(seconds: u32) -> String {
    format!("操作がないため、{seconds}秒後に最初の画面に戻ります")
}
