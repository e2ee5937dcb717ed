use std::sync::Arc;

use leptos::prelude::*;
use reader_core::linking::NameMatcher;
use reader_core::reading::inline::{compose, Piece, Run};
use reader_core::reading::plan::{Part, SentenceKey};
use reader_core::reading::ruby::Readings;
use reader_core::route::AppRoute;

/// A text of the article (its title, a heading, a paragraph) in sentences,
/// the one being read aloud highlighted, partner names linked once
/// `links` is there, and readings over kanji while `readings` is there.
/// Text is always inserted as text, never parsed as HTML.
#[component]
pub fn InlineText(
    text: String,
    part: Part,
    #[prop(into)] links: Signal<Option<Arc<NameMatcher>>>,
    #[prop(into)] readings: Signal<Option<Arc<Readings>>>,
    #[prop(into)] current: Signal<Option<SentenceKey>>,
) -> impl IntoView {
    move || {
        let matcher = links.get();
        let link_spans = matcher
            .filter(|m| !m.is_empty())
            .map(|m| m.links(&text))
            .unwrap_or_default();
        let readings = readings.get();
        let ruby = readings.as_deref().map_or(&[][..], |r| r.for_text(&text));
        compose(&text, &link_spans, ruby)
            .into_iter()
            .enumerate()
            .map(|(sentence, s)| {
                let key = SentenceKey { part, sentence };
                view! {
                    <span
                        class="sentence"
                        data-sentence=key.to_attr()
                        class:sentence--reading=move || current.get() == Some(key)
                    >
                        {s.runs.into_iter().map(run_view).collect_view()}
                    </span>
                }
            })
            .collect_view()
    }
}

fn run_view(run: Run) -> AnyView {
    let pieces = run.pieces.into_iter().map(piece_view).collect_view();
    match run.partner {
        Some(id) => {
            view! { <a class="partner-link" href=AppRoute::Partner(id).href()>{pieces}</a> }
                .into_any()
        }
        None => pieces.into_any(),
    }
}

/// A piece of text, with its reading over it when furigana are on. The
/// reading is for the eye: assistive technology reads the text once, as
/// without furigana, and a partner link keeps its name.
fn piece_view(piece: Piece) -> AnyView {
    match piece.reading {
        Some(reading) => view! {
            <ruby>
                {piece.text.to_owned()}
                <rp aria-hidden="true">"("</rp>
                <rt aria-hidden="true">{reading.to_owned()}</rt>
                <rp aria-hidden="true">")"</rp>
            </ruby>
        }
        .into_any(),
        None => piece.text.to_owned().into_any(),
    }
}
