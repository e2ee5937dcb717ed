use std::sync::Arc;

use leptos::prelude::*;
use reader_core::linking::NameMatcher;
use reader_core::reading::plan::{Part, SentenceKey};
use reader_core::reading::ruby::Readings;
use reader_core::Block;
use wasm_bindgen::JsCast;

use super::inline_text::InlineText;
use super::read_aloud::part_of;
use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// The article's blocks in order: paragraphs, `h2` section headings, figures.
/// Partner names in paragraphs link to the partner on the map once
/// `matcher` is there; readings show over kanji while `readings` is there;
/// the sentence read aloud is highlighted. A click on a part of the text
/// (not on a link) is passed to `on_choose` (reading aloud moves there).
#[component]
pub fn ArticleBody(
    blocks: Vec<Block>,
    #[prop(into)] matcher: Signal<Option<Arc<NameMatcher>>>,
    #[prop(into)] readings: Signal<Option<Arc<Readings>>>,
    #[prop(into)] current: Signal<Option<SentenceKey>>,
    #[prop(into)] on_choose: Callback<Part>,
) -> impl IntoView {
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let on_link = target.closest("a").ok().flatten().is_some();
        if let Some(part) = part_of(&target).filter(|_| !on_link) {
            on_choose.run(part);
        }
    };
    let no_links = Signal::stored(None);
    view! {
        <div class="article-body" on:click=on_click>
            {blocks
                .into_iter()
                .enumerate()
                .map(|(index, block)| {
                    let part = Part::Block(index);
                    match block {
                        Block::Paragraph { text } => view! {
                            <p class="article-body__paragraph" data-part=part.to_attr()>
                                <InlineText text=text part=part links=matcher readings=readings current=current/>
                            </p>
                        }
                        .into_any(),
                        Block::Heading { text } => view! {
                            <h2 class="article-body__heading" data-part=part.to_attr()>
                                <InlineText text=text part=part links=no_links readings=readings current=current/>
                            </h2>
                        }
                        .into_any(),
                        Block::Image { src, alt, caption } => view! {
                            <figure class="article-body__figure">
                                <img class="article-body__image" src=src alt=alt loading="lazy"/>
                                {caption.map(|caption| view! {
                                    <figcaption>
                                        <InlineText text=caption part=part links=no_links readings=readings current=current/>
                                    </figcaption>
                                })}
                            </figure>
                        }
                        .into_any(),
                        Block::Notice(error) => notice(error),
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A block not shown as the data has it (an image from elsewhere): said,
/// in the reader's language, with the file and field for the newsroom.
fn notice(error: reader_core::DataError) -> AnyView {
    let lang = use_language();
    let place = text::data_error_place(&error);
    view! {
        <p class="article-body__notice" role="note" lang=move || lang.code()>
            {move || td_string!(lang.get(), block_not_shown)}" "<code>{place}</code>": "
            {move || text::problem(&error.problem, lang.get())}
        </p>
    }
    .into_any()
}
