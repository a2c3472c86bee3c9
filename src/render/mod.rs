//! Turning data into pictures and documents: the stored card photo, the card PDF and its QR
//! code (later the report PDF).

pub mod card_pdf;
pub mod photo;
pub mod qr;
pub mod report_chart;
pub mod report_pdf;
