//! Calls the service makes to other servers it is configured to trust (OpenBao, the city's
//! identity provider): HTTPS with only the roots named (a CA file, or the system's), plain
//! HTTP only to a loopback address, one timeout for the whole call, redirects never followed.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig, TlsProvider};

/// Where the Debian family keeps the system's trusted roots (used when no CA file is set).
const SYSTEM_ROOTS: &str = "/etc/ssl/certs/ca-certificates.crt";

/// Whether `address` (`scheme://host[:port][/path]`) may be called: `https://` anywhere,
/// `http://` only on loopback (what is sent would cross the network in the clear). Returns
/// whether it is HTTPS.
pub fn check_address(address: &str) -> Result<bool, String> {
    let parsed =
        url::Url::parse(address).map_err(|_| format!("`{address}` is not an http(s) URL"))?;
    // A user name or password in the URL would hide the host a reader of the setting sees.
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(format!("`{address}`: no user name or password in the URL"));
    }
    match parsed.scheme() {
        "https" => Ok(true),
        "http" => match parsed.host() {
            Some(url::Host::Domain("localhost")) => Ok(false),
            Some(url::Host::Ipv4(ip)) if ip.is_loopback() => Ok(false),
            Some(url::Host::Ipv6(ip)) if ip.is_loopback() => Ok(false),
            _ => Err(format!(
                "`{address}`: plain http is only allowed on loopback; use https"
            )),
        },
        _ => Err(format!("`{address}` is not an http(s) URL")),
    }
}

/// An agent for one server: its trusted roots (the CA file, or the system's when none is
/// given; none at all for plain HTTP on loopback), the timeout, no redirects, and every
/// status handed back as an answer.
pub fn agent(
    https: bool,
    ca_file: Option<&Path>,
    timeout: Duration,
) -> Result<ureq::Agent, String> {
    let roots = if https {
        read_roots(ca_file.unwrap_or(Path::new(SYSTEM_ROOTS)))?
    } else {
        Vec::new()
    };
    // ring, the crypto the service already uses (rustls 0.23.48 marks it deprecated only
    // for lacking post-quantum key exchange).
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = TlsConfig::builder()
        .provider(TlsProvider::Rustls)
        .unversioned_rustls_crypto_provider(provider)
        .root_certs(RootCerts::Specific(Arc::new(roots)))
        .build();
    Ok(ureq::Agent::config_builder()
        .tls_config(tls)
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(timeout))
        .build()
        .new_agent())
}

/// The trusted roots: only the certificates in `file`.
fn read_roots(file: &Path) -> Result<Vec<Certificate<'static>>, String> {
    let pem = std::fs::read(file).map_err(|e| format!("CA file {}: {e}", file.display()))?;
    let roots: Vec<Certificate<'static>> = ureq::tls::parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(cert),
            _ => None,
        })
        .collect();
    if roots.is_empty() {
        return Err(format!("CA file {} holds no certificate", file.display()));
    }
    Ok(roots)
}

#[cfg(test)]
mod tests {
    use super::check_address;

    #[test]
    fn plain_http_only_on_loopback() {
        assert_eq!(
            check_address("https://idp.city.example/realms/staff"),
            Ok(true)
        );
        assert_eq!(check_address("http://127.0.0.1:8200"), Ok(false));
        assert_eq!(check_address("http://localhost/oidc"), Ok(false));
        assert_eq!(check_address("http://[::1]:9000/"), Ok(false));
        assert!(check_address("http://idp.city.example").is_err());
        assert!(check_address("http://127.0.0.1.evil.example").is_err());
        assert!(check_address("ftp://127.0.0.1").is_err());
        // The host is what the URL names after any user information.
        assert!(check_address("http://127.0.0.1:1@idp.city.example/").is_err());
        assert!(check_address("https://user:pass@idp.city.example/").is_err());
        assert!(check_address("http://localhost.city.example/").is_err());
    }
}
