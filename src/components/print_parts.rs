//! The parts of an article that only paper shows (and the print view shows
//! on screen): the site's name, a table and still map of the partners, and
//! a footer leading back online (address, print date, QR code).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use reader_core::print::{canonical_url, qr_image, PartnerRow};
use reader_core::world::World;
use reader_core::{Id, IsoDate};

use super::static_map::StaticPartnerMap;
use crate::i18n::td_string;
use crate::text;

/// The site's name above the title.
#[component]
pub fn PrintMasthead(site: Option<String>) -> impl IntoView {
    let lang = crate::language::current();
    view! { <p class="print-only print-masthead">{site.unwrap_or_else(|| td_string!(lang, column_fallback_title).to_owned())}</p> }
}

/// The partners the article is about: a table, and where they are.
#[component]
pub fn PrintPartners(
    rows: Vec<PartnerRow>,
    home: (f64, f64),
    world: Signal<Option<Arc<World>>>,
) -> impl IntoView {
    let lang = crate::language::current();
    (!rows.is_empty()).then(|| {
        let map_rows = rows.clone();
        view! {
            <section class="print-only print-partners" lang=lang.as_str() aria-labelledby="print-partners-heading">
                <h2 class="print-partners__heading" id="print-partners-heading">{td_string!(lang, in_this_article)}</h2>
                <table class="print-partners__table">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(lang, col_name)}</th>
                            <th scope="col">{td_string!(lang, col_country)}</th>
                            <th scope="col">{td_string!(lang, col_relation)}</th>
                            <th scope="col">{td_string!(lang, col_since)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| view! {
                                <tr>
                                    <th scope="row">{row.name}</th>
                                    <td>{row.country}</td>
                                    <td>{text::relation_label(row.relation, lang)}</td>
                                    <td>{row.since.map(|d| d.format(lang.as_str())).unwrap_or_else(|| td_string!(lang, unknown_date).to_owned())}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <div class="print-partners__map">
                    {move || view! { <StaticPartnerMap rows=map_rows.clone() home=home world=world.get()/> }}
                </div>
            </section>
        }
    })
}

/// The way back online: the article's address, when it was printed, and a
/// QR code of the address.
#[component]
pub fn PrintFooter(id: Id) -> impl IntoView {
    let lang = crate::language::current();
    let origin = window().location().origin().unwrap_or_default();
    let url = canonical_url(&origin, &id);
    let qr = qr_image(&url);
    let today = js_sys::Date::new_0();
    let printed = IsoDate::parse(&format!(
        "{:04}-{:02}-{:02}",
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date()
    ));
    view! {
        <footer class="print-only print-footer" lang=lang.as_str()>
            <div class="print-footer__text">
                <p class="print-footer__url">{td_string!(lang, online_at)}" "<span class="print-footer__address">{url.clone()}</span></p>
                {printed.map(|d| view! {
                    <p class="print-footer__date">{td_string!(lang, printed_on)}" "<time datetime=d.to_string()>{d.format(lang.as_str())}</time></p>
                })}
            </div>
            {qr.map(|qr| view! {
                <svg
                    class="print-footer__qr"
                    viewBox=format!("0 0 {0} {0}", qr.size)
                    role="img"
                    aria-label=format!("{} {url}", td_string!(lang, qr_label))
                    shape-rendering="crispEdges"
                >
                    <rect width=qr.size height=qr.size fill="#fff"/>
                    <path d=qr.path fill="#000"/>
                </svg>
            })}
        </footer>
    }
}
