//! The partner map page's parts: the interactive map, its legend, the
//! filters, the selected partner's panel and the table of partners.

pub mod map_legend;
pub mod partner_filters;
pub mod partner_map;
pub mod partner_panel;
pub mod partner_table;
