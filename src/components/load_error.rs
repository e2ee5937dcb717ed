use leptos::prelude::*;
use reader_core::LoadError;

use crate::text;

/// What could not be loaded and why, with a retry button when trying again can help.
#[component]
pub fn LoadErrorView(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let (heading, message) = text::describe(&error);
    view! {
        <section class="load-error" role="alert">
            <h1 class="load-error__heading">{heading}</h1>
            <p class="load-error__message">{message}</p>
            <p class="load-error__actions">
                {error.can_retry().then(|| view! {
                    <button type="button" class="load-error__retry button-primary" on:click=move |_| on_retry.run(())>
                        {text::RETRY}
                    </button>
                })}
                <a class="load-error__link" href="/">{text::TO_COLUMN}</a>
            </p>
        </section>
    }
}

/// Shown while a file is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{text::LOADING}</p> }
}
