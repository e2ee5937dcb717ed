//! What frames every page: the header (with the language switcher), the
//! footer, and the views for loading, load errors and data notices.

pub mod data_notice;
pub mod language_switcher;
pub mod load_error;
pub mod site_footer;
pub mod site_header;
