//! Turning data into pictures and documents: the stored card photo, the card PDF and its QR
//! code, the retention report's chart, PDF and CSV.

pub mod card_pdf;
pub mod photo;
pub mod qr;
pub mod report_chart;
pub mod report_csv;
pub mod report_pdf;
