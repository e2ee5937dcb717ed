//! The partner map page's parts: the interactive map (with its pan/zoom
//! hook and its markers), legend, filters, timeline, the selected partner's
//! panel and the table of partners.

pub mod map_legend;
pub mod markers;
pub mod partner_filters;
pub mod partner_map;
pub mod partner_panel;
pub mod partner_table;
pub mod partners_intro;
pub mod partners_view;
pub mod timeline;
pub mod use_pan_zoom;
pub mod use_panel_focus;
pub mod world_layer;
