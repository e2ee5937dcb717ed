use std::sync::Arc;

use leptos::prelude::*;
use reader_core::linking::{NameMatcher, Segment};
use reader_core::Block;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// The article's blocks in order: paragraphs, `h2` section headings, figures.
/// Text is always inserted as text, never parsed as HTML; partner names in
/// paragraphs link to the partner on the map once `matcher` is there.
#[component]
pub fn ArticleBody(
    blocks: Vec<Block>,
    #[prop(into)] matcher: Signal<Option<Arc<NameMatcher>>>,
) -> impl IntoView {
    view! {
        <div class="article-body">
            {blocks.into_iter().map(|block| render_block(block, matcher)).collect_view()}
        </div>
    }
}

fn render_block(block: Block, matcher: Signal<Option<Arc<NameMatcher>>>) -> AnyView {
    match block {
        Block::Paragraph { text } => view! {
            <p class="article-body__paragraph">{move || linked_text(&text, matcher.get().as_deref())}</p>
        }
        .into_any(),
        Block::Heading { text } => {
            view! { <h2 class="article-body__heading">{text}</h2> }.into_any()
        }
        Block::Image { src, alt, caption } => view! {
            <figure class="article-body__figure">
                <img class="article-body__image" src=src alt=alt loading="lazy"/>
                {caption.map(|caption| view! { <figcaption>{caption}</figcaption> })}
            </figure>
        }
        .into_any(),
        // Not shown as the data has it (an image from elsewhere): said, in
        // the reader's language, with the file and field for the newsroom.
        Block::Notice(error) => {
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
    }
}

fn linked_text(text: &str, matcher: Option<&NameMatcher>) -> AnyView {
    let Some(matcher) = matcher.filter(|m| !m.is_empty()) else {
        return text.to_owned().into_any();
    };
    matcher
        .segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => t.to_owned().into_any(),
            Segment::Partner { text, id } => view! {
                <a class="partner-link" href=format!("/partners/{id}")>{text.to_owned()}</a>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}
