use leptos::prelude::*;
use reader_core::LoadError;

use crate::i18n::{t_string, td_string, use_i18n};
use crate::text;

/// What could not be loaded and why, with a retry button when trying again can help.
#[component]
pub fn LoadErrorView(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let lang = crate::language::current();
    let (heading, message) = text::describe(&error, lang);
    view! {
        <section class="load-error" role="alert">
            <h1 class="load-error__heading">{heading}</h1>
            <p class="load-error__message">{message}</p>
            <p class="load-error__actions">
                {error.can_retry().then(|| view! {
                    <button type="button" class="load-error__retry button-primary" on:click=move |_| on_retry.run(())>
                        {td_string!(lang, retry)}
                    </button>
                })}
                <a class="load-error__link" href="/">{td_string!(lang, to_column)}</a>
            </p>
        </section>
    }
}

/// Shown while a file is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{move || t_string!(i18n, loading)}</p> }
}
