//! Posted forms. A handler gets a form's fields only through these extractors, and they check
//! the CSRF token first: no page form can be acted on without it.

use actix_multipart::Multipart;
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;

use std::marker::PhantomData;

use super::view::{PageError, Viewer};
use crate::domain::staff::Permission;
use crate::services::Actor;

/// Largest text field of a multipart form other than a retained photo.
const TEXT_FIELD_LIMIT: usize = 16 * 1024;

/// The fields of a form, in order, repeated names kept (checkbox lists).
#[derive(Default)]
pub struct Form {
    pairs: Vec<(String, String)>,
}

impl Form {
    /// The first value of a field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The value, trimmed, if not blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        let value = self.get(name).trim();
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// Every value of a repeated field.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// A ticked checkbox.
    pub fn flag(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }
}

/// A urlencoded form whose CSRF token has been checked.
pub struct Posted {
    pub viewer: Viewer,
    pub form: Form,
}

impl FromRequest for Posted {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Form::<Vec<(String, String)>>::from_request(&req, payload);
        Box::pin(async move {
            let viewer = Viewer::load(&req).await?;
            let pairs = match body.await {
                Ok(form) => form.into_inner(),
                Err(_) => return Err(unreadable(&viewer)),
            };
            let form = Form { pairs };
            viewer.check_csrf(form.get("csrf"))?;
            Ok(Posted { viewer, form })
        })
    }
}

/// What a multipart form asks of its sender before a byte of its body is read.
pub trait FormFor {
    /// The permission the form's action needs.
    const PERMISSION: Permission;
}

/// A multipart form (one with a file, up to `server.max_body_bytes`): the sender's session and
/// role are checked before any of the body is read, and the CSRF token before the rest of it
/// (the `X-CSRF-Token` header, or else the form's first field, `csrf`, at most
/// [`CSRF_FIELD_LIMIT`] bytes: the page's forms put it first), so nobody without them can
/// make the server read megabytes. At most [`MAX_FIELDS`] fields.
pub struct PostedWithFile<F: FormFor> {
    pub viewer: Viewer,
    pub actor: Actor,
    pub form: Form,
    /// Uploaded files by field name; an empty file input is left out.
    pub files: Vec<(String, Bytes)>,
    _for: PhantomData<F>,
}

/// Fields a multipart form may have (the enrollment form has about sixty).
const MAX_FIELDS: usize = 300;
/// The CSRF field is 64 hexadecimal digits.
const CSRF_FIELD_LIMIT: usize = 128;

impl<F: FormFor + 'static> FromRequest for PostedWithFile<F> {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut multipart = Multipart::new(req.headers(), payload.take());
        Box::pin(async move {
            let viewer = Viewer::load(&req).await?;
            let actor = viewer.require(F::PERMISSION)?;
            let header = req
                .headers()
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok());
            let token = match header {
                Some(token) => token.to_owned(),
                None => first_field_csrf(&mut multipart).await.unwrap_or_default(),
            };
            viewer.check_csrf(&token)?;
            let limit = viewer.ctx.config.server.max_body_bytes;
            let (form, files) = read_multipart(multipart, limit)
                .await
                .ok_or_else(|| unreadable(&viewer))?;
            Ok(PostedWithFile {
                viewer,
                actor,
                form,
                files,
                _for: PhantomData,
            })
        })
    }
}

/// The token in the form's first field, when that field is `csrf` (read up to
/// [`CSRF_FIELD_LIMIT`] bytes, nothing beyond).
async fn first_field_csrf(multipart: &mut Multipart) -> Option<String> {
    let mut field = multipart.next().await?.ok()?;
    if field.name()? != "csrf" {
        return None;
    }
    let bytes = field.bytes(CSRF_FIELD_LIMIT).await.ok()?.ok()?;
    String::from_utf8(bytes.to_vec()).ok()
}

async fn read_multipart(
    mut multipart: Multipart,
    limit: usize,
) -> Option<(Form, Vec<(String, Bytes)>)> {
    let mut form = Form::default();
    let mut files = Vec::new();
    let mut remaining = limit;
    let mut fields = 0;
    while let Some(field) = multipart.next().await {
        fields += 1;
        if fields > MAX_FIELDS {
            return None;
        }
        let mut field = field.ok()?;
        let name = field.name()?.to_owned();
        let is_file = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .is_some();
        let cap = if is_file || name == "photo_data" {
            remaining
        } else {
            remaining.min(TEXT_FIELD_LIMIT)
        };
        let bytes = field.bytes(cap).await.ok()?.ok()?;
        remaining = remaining.saturating_sub(bytes.len());
        if is_file {
            if !bytes.is_empty() {
                files.push((name, bytes));
            }
        } else {
            form.pairs
                .push((name, String::from_utf8(bytes.to_vec()).ok()?));
        }
    }
    Some((form, files))
}

fn unreadable(viewer: &Viewer) -> PageError {
    viewer.fail(
        StatusCode::BAD_REQUEST,
        "form-unreadable-title",
        "err-form-unreadable",
        &[],
    )
}
