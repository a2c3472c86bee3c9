//! Who the client is, for throttling (logins, card checks): the connection's peer, or, when the
//! peer is a trusted reverse proxy (`server.trusted_proxies`), the right-most address in the
//! header it sets that is not itself a trusted proxy. Whatever a client writes into that
//! header itself sits to the left of what its proxy appends, so it is never believed. An
//! address that does not read counts as one shared client, never as none; IPv6 clients count
//! per /64 (one household or phone gets a whole /64 and can pick any address in it).

use std::net::IpAddr;

use actix_web::http::header::HeaderMap;
use actix_web::HttpRequest;
use ipnet::IpNet;

use crate::config::{ClientAddressHeader, ServerConfig};

/// The bucket a client is counted in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Client {
    /// An IPv4 address, or an IPv6 address's /64.
    Network(IpNet),
    /// A header value that does not read as an address: every such request shares this one.
    Unreadable,
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.1`, as a server bound to `[::]` sees
/// IPv4 peers) as the IPv4 address it is.
fn plain(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

impl Client {
    fn of(address: IpAddr) -> Self {
        let address = plain(address);
        let prefix = if address.is_ipv4() { 32 } else { 64 };
        IpNet::new(address, prefix)
            .map(|net| Client::Network(net.trunc()))
            .unwrap_or(Client::Unreadable)
    }

    /// A stable text for the bucket (hashed before it is stored anywhere).
    pub fn bucket(&self) -> String {
        match self {
            Client::Network(net) => net.to_string(),
            Client::Unreadable => "unreadable".into(),
        }
    }
}

/// The client of `req` under the server's proxy settings.
pub fn client_of(req: &HttpRequest, server: &ServerConfig) -> Client {
    match req.peer_addr() {
        Some(peer) => resolve(peer.ip(), req.headers(), server),
        // No socket address (a test request without one): one shared bucket.
        None => Client::Unreadable,
    }
}

fn resolve(peer: IpAddr, headers: &HeaderMap, server: &ServerConfig) -> Client {
    let trusted = |address: &IpAddr| {
        let address = plain(*address);
        server.trusted_proxies.iter().any(|n| n.contains(&address))
    };
    if !trusted(&peer) {
        return Client::of(peer);
    }
    // From the right: each hop was appended by the proxy before it.
    let mut hops = named_hops(headers, server.client_address_header);
    let mut client = Client::of(peer);
    while let Some(hop) = hops.pop() {
        match hop {
            Some(address) if trusted(&address) => client = Client::of(address),
            Some(address) => return Client::of(address),
            None => return Client::Unreadable,
        }
    }
    client
}

/// The addresses the header names, left to right; `None` for one that does not read.
fn named_hops(headers: &HeaderMap, header: ClientAddressHeader) -> Vec<Option<IpAddr>> {
    let name = match header {
        ClientAddressHeader::XForwardedFor => "x-forwarded-for",
        ClientAddressHeader::Forwarded => "forwarded",
    };
    let mut hops = Vec::new();
    for value in headers.get_all(name) {
        let Ok(text) = value.to_str() else {
            hops.push(None);
            continue;
        };
        for item in text.split(',') {
            let item = item.trim();
            hops.push(match header {
                ClientAddressHeader::XForwardedFor => parse_address(item),
                ClientAddressHeader::Forwarded => forwarded_for(item),
            });
        }
    }
    hops
}

/// The `for=` of one RFC 7239 element (`for=192.0.2.60;proto=http`, `for="[2001:db8::1]:4711"`).
fn forwarded_for(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("for")
            .then(|| parse_address(value.trim().trim_matches('"')))?
    })
}

/// An address, with or without a port (`192.0.2.1:80`, `[2001:db8::1]:80`, `2001:db8::1`).
fn parse_address(text: &str) -> Option<IpAddr> {
    if let Ok(address) = text.parse::<IpAddr>() {
        return Some(address);
    }
    if let Ok(socket) = text.parse::<std::net::SocketAddr>() {
        return Some(socket.ip());
    }
    text.strip_prefix('[')?.split(']').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderName, HeaderValue};

    use super::*;
    use crate::config::Config;

    fn server(trusted: &[&str], header: ClientAddressHeader) -> ServerConfig {
        let mut server = Config::from_toml_overrides("").unwrap().server;
        server.trusted_proxies = trusted.iter().map(|n| n.parse().unwrap()).collect();
        server.client_address_header = header;
        server
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                HeaderName::from_static(name),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    fn net(text: &str) -> Client {
        Client::Network(text.parse().unwrap())
    }

    const XFF: ClientAddressHeader = ClientAddressHeader::XForwardedFor;

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_headers_say() {
        let config = server(&[], XFF);
        let spoofed = headers(&[("x-forwarded-for", "203.0.113.9")]);
        let peer: IpAddr = "198.51.100.4".parse().unwrap();
        assert_eq!(resolve(peer, &spoofed, &config), net("198.51.100.4/32"));
    }

    #[test]
    fn the_client_is_the_right_most_address_that_is_not_a_trusted_proxy() {
        let config = server(&["10.0.0.0/8"], XFF);
        let peer: IpAddr = "10.0.0.2".parse().unwrap();
        // What the client wrote itself (left) is not believed; its proxy appended the real one.
        for written in ["1.2.3.4", "5.6.7.8, 9.9.9.9", "junk"] {
            let seen = headers(&[("x-forwarded-for", &format!("{written}, 203.0.113.7"))]);
            assert_eq!(resolve(peer, &seen, &config), net("203.0.113.7/32"));
        }
        // Through two proxies of ours.
        let seen = headers(&[("x-forwarded-for", "203.0.113.7, 10.1.1.1")]);
        assert_eq!(resolve(peer, &seen, &config), net("203.0.113.7/32"));
        // A request from outside the proxies is its own client, header or not.
        let outside: IpAddr = "198.51.100.4".parse().unwrap();
        assert_eq!(resolve(outside, &seen, &config), net("198.51.100.4/32"));
    }

    #[test]
    fn an_address_that_does_not_read_is_one_shared_client_never_none() {
        let config = server(&["127.0.0.1/32"], XFF);
        let peer: IpAddr = "127.0.0.1".parse().unwrap();
        let junk = headers(&[("x-forwarded-for", "junk")]);
        assert_eq!(resolve(peer, &junk, &config), Client::Unreadable);
        let other_junk = headers(&[("x-forwarded-for", "other junk")]);
        assert_eq!(resolve(peer, &other_junk, &config), Client::Unreadable);
        // No header at all: the proxy itself.
        assert_eq!(
            resolve(peer, &HeaderMap::new(), &config),
            net("127.0.0.1/32")
        );
    }

    #[test]
    fn ipv6_clients_count_per_64_and_mapped_ipv4_as_ipv4() {
        let config = server(&[], XFF);
        let none = HeaderMap::new();
        let a = resolve("2001:db8:1:2::1".parse().unwrap(), &none, &config);
        let b = resolve("2001:db8:1:2:ffff::9".parse().unwrap(), &none, &config);
        let c = resolve("2001:db8:1:3::1".parse().unwrap(), &none, &config);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.bucket(), "2001:db8:1:2::/64");
        let mapped = resolve("::ffff:192.0.2.1".parse().unwrap(), &none, &config);
        assert_eq!(mapped, net("192.0.2.1/32"));
        // A proxy seen as a mapped address by a server bound to [::] is still trusted.
        let proxied = server(&["10.0.0.2/32"], XFF);
        let seen = headers(&[("x-forwarded-for", "203.0.113.7")]);
        let peer: IpAddr = "::ffff:10.0.0.2".parse().unwrap();
        assert_eq!(resolve(peer, &seen, &proxied), net("203.0.113.7/32"));
    }

    #[test]
    fn forwarded_is_read_only_when_configured() {
        let peer: IpAddr = "10.0.0.2".parse().unwrap();
        let seen = headers(&[
            (
                "forwarded",
                "for=1.2.3.4, for=\"[2001:db8::7]:4711\";proto=https",
            ),
            ("x-forwarded-for", "203.0.113.7"),
        ]);
        let rfc = server(&["10.0.0.0/8"], ClientAddressHeader::Forwarded);
        assert_eq!(resolve(peer, &seen, &rfc), net("2001:db8::/64"));
        let xff = server(&["10.0.0.0/8"], XFF);
        assert_eq!(resolve(peer, &seen, &xff), net("203.0.113.7/32"));
    }
}
