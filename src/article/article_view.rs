use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use reader_core::linking::NameMatcher;
use reader_core::print::partner_rows;
use reader_core::reading::plan::{speech_lang, Part, ReadingPlan};
use reader_core::reading::ruby::Readings;
use reader_core::world::World;
use reader_core::{Article, Cities, FontScale, Id, IsoDate};

use super::article_actions::ArticleActions;
use super::article_body::ArticleBody;
use super::article_meta::ArticleMeta;
use super::article_partners::ArticlePartners;
use super::breadcrumbs::Breadcrumbs;
use super::colour_theme_control::ColourThemeControl;
use super::font_size_control::FontSizeControl;
use super::furigana_toggle::FuriganaToggle;
use super::inline_text::InlineText;
use super::read_aloud::ReadAloud;
use super::read_aloud_control::ReadAloudControl;
use crate::handover::in_a_task_of_its_own;
use crate::kiosk_mode::KioskResets;
use crate::language::use_language;
use crate::parts::{self, PartStatus};
use crate::print::print_parts::PrintMasthead;
use crate::print::PrintGate;
use crate::reading_aids::{ArticleAids, FuriganaReadings};

/// A loaded article, element by element as the original page had them.
/// It shows what it is given: the partner cities (the list of partners, the
/// printed table and map), the matcher linking partner names in the text,
/// and the printed map's world outline each fill in when they arrive.
#[component]
pub fn ArticleView(
    article: Arc<Article>,
    font_scale: RwSignal<FontScale>,
    /// The partner cities, once (and if) they are loaded.
    #[prop(into, default = Signal::stored(None))]
    cities: Signal<Option<Arc<Cities>>>,
    /// Partner names to link in the text, once built.
    #[prop(into, default = Signal::stored(None))]
    matcher: Signal<Option<Arc<NameMatcher>>>,
    /// The world outline for the printed map, once loaded.
    #[prop(into, default = Signal::stored(None))]
    world: Signal<Option<Arc<World>>>,
    /// The colour theme and furigana (the defaults when rendered ahead of time).
    #[prop(optional)]
    aids: ArticleAids,
) -> impl IntoView {
    let plan = Arc::new(ReadingPlan::for_article(&article));
    let reader = ReadAloud::new(plan, speech_lang(article.lang.as_deref()));
    let article = Arc::unwrap_or_clone(article);
    let (print_partners, print_footer) =
        printed_parts(article.partners.clone(), article.id.clone(), cities, world);
    let partner_ids = article.partners.clone();
    let partners = move || {
        cities
            .get()
            .map(|cities| view! { <ArticlePartners ids=partner_ids.clone() cities=cities/> })
    };
    let readings = Signal::derive(move || match aids.readings.get() {
        FuriganaReadings::Loaded(readings) if aids.furigana.on() => Some(readings),
        _ => None,
    });
    let current = reader.current;
    scroll_to_sentence_read(reader);
    // Taking over a published page, the body renders in a task after the
    // header's (each is a fair share of the article's work).
    let blocks = article.blocks;
    let body = in_a_task_of_its_own(Box::new(move || {
        view! {
            <ArticleBody
                blocks=blocks
                matcher=matcher
                readings=readings
                current=current
                on_choose=move |part| reader.choose(part)
            />
        }
        .into_any()
    }));
    view! {
        <Breadcrumbs crumbs=article.breadcrumbs crumbs_lang=article.lang.clone()/>
        <article class="article print-document" lang=article.lang>
            <PrintMasthead/>
            <ArticleHeader
                title=article.title
                published=article.published
                views=article.views
                font_scale
                aids
                reader
                readings
            />
            {body}
            {partners}
            {print_partners}
            <ArticleActions id=article.id/>
            {print_footer}
        </article>
    }
}

/// The article's title, date and views, and the reading aids.
#[component]
fn ArticleHeader(
    title: String,
    published: IsoDate,
    views: Option<u64>,
    font_scale: RwSignal<FontScale>,
    aids: ArticleAids,
    reader: ReadAloud,
    readings: Signal<Option<Arc<Readings>>>,
) -> impl IntoView {
    // `elementtiming` lets the benchmark read the paint time of the title.
    let title = view! {
        <h1 class="article__title" data-part=Part::Title.to_attr()>
            <InlineText
                text=title
                part=Part::Title
                links=Signal::stored(None)
                readings=readings
                current=reader.current
            />
        </h1>
    }
    .add_any_attr(custom_attribute("elementtiming", "article-title"));
    view! {
        <header class="article__header">
            {title}
            <div class="article__meta-row">
                <ArticleMeta published views/>
            </div>
            <div class="article__aids screen-only">
                <FontSizeControl scale=font_scale/>
                <ColourThemeControl theme=aids.theme/>
                <Show when=move || aids.readings.with(FuriganaReadings::offered)>
                    <FuriganaToggle on=aids.furigana.0 readings=aids.readings/>
                </Show>
                <ReadAloudControl reader=reader/>
            </div>
        </header>
    }
}

/// For paper: the partners as a table and a still map, and the footer with
/// its QR code, each a part of the app downloaded with the article
/// (`crate::parts`); printing waits for them (`crate::print::PrintGate`).
/// Both are made again when the page asks for the parts again (they are
/// views of the parts: `PrintGate::retry_parts`). Taking over a published
/// page, each is rendered (and its part asked for) in a task of its own,
/// after the article's.
fn printed_parts(
    partner_ids: Vec<Id>,
    id: Id,
    cities: Signal<Option<Arc<Cities>>>,
    world: Signal<Option<Arc<World>>>,
) -> (AnyView, AnyView) {
    let lang = use_language();
    let partners_part = RwSignal::new(PartStatus::Coming);
    let footer_part = RwSignal::new(PartStatus::Coming);
    let gate = PrintGate::use_context();
    let retries = move || gate.inspect(|gate| gate.track_retries());
    if let Some(gate) = gate {
        // Open once the footer is here and, if the partner cities are, their
        // table and map too (or either cannot come).
        gate.opens_when(move || {
            footer_part.get().settled()
                && (cities.with(Option::is_none) || partners_part.get().settled())
        });
        gate.missing_when(move || {
            footer_part.get() == PartStatus::Missing || partners_part.get() == PartStatus::Missing
        });
    }
    let partners = move || {
        retries();
        cities.get().map(|c| {
            let rows = partner_rows(&partner_ids, &c, lang.code()).0;
            let home = (c.home.lon, c.home.lat);
            parts::view_of_part(parts::print_partners(rows, home, world), partners_part)
        })
    };
    let footer = move || {
        retries();
        parts::view_of_part(parts::print_footer(id.clone()), footer_part)
    };
    (
        in_a_task_of_its_own(Box::new(move || partners.into_any())),
        in_a_task_of_its_own(Box::new(move || footer.into_any())),
    )
}

/// Keeps the sentence read aloud in view (smoothly, unless the reader
/// prefers reduced motion); a kiosk's reset stops reading.
fn scroll_to_sentence_read(reader: ReadAloud) {
    Effect::new(move |_| {
        let Some(key) = reader.current.get() else {
            return;
        };
        let selector = format!("[data-sentence=\"{}\"]", key.to_attr());
        if let Ok(Some(sentence)) = document().query_selector(&selector) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            let smooth = !crate::motion::prefers_reduced_motion();
            options.set_behavior(if smooth {
                web_sys::ScrollBehavior::Smooth
            } else {
                web_sys::ScrollBehavior::Auto
            });
            sentence.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    if let Some(resets) = use_context::<KioskResets>() {
        Effect::watch(
            move || resets.0.track(),
            move |_, _, _| reader.stop(),
            false,
        );
    }
}
