//! Turning data into pictures and documents: the stored card photo, the card PDF and its QR
//! code, the retention and council reports' chart, PDFs (in the reader's language) and CSV.

pub mod card_pdf;
pub mod card_words;
pub mod pdf_pages;
pub mod photo;
pub mod program_csv;
pub mod program_pdf;
pub mod qr;
pub mod report_chart;
pub mod report_csv;
pub mod report_pdf;
pub mod report_words;
