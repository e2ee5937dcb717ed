use leptos::prelude::*;
use reader_core::Block;

/// The article's blocks in order: paragraphs, `h2` section headings, figures.
/// Text is always inserted as text, never parsed as HTML.
#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    view! {
        <div class="article-body">
            {blocks.into_iter().map(render_block).collect_view()}
        </div>
    }
}

fn render_block(block: Block) -> AnyView {
    match block {
        Block::Paragraph { text } => {
            view! { <p class="article-body__paragraph">{text}</p> }.into_any()
        }
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
    }
}
