//! Single sign-on's rules: which account an identity provider's person is, and which role
//! their groups give. Pure: the claims come already verified.

use std::collections::BTreeMap;

use super::staff::{StaffRole, Username};

/// Why a person the identity provider vouched for gets no access here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The ID token has no (text) value for the username claim, or it is not a username here,
    /// or it is of another domain than the configured one.
    NoUsername,
    /// None of the person's groups is mapped to a role.
    NoRole,
    /// Their groups map to two different roles; the city must decide which.
    TwoRoles,
    /// The claim names the break-glass account, which signs in only with its password (the
    /// way in when the provider is down, never through it).
    BreakGlass,
    /// The username claim is an e-mail address the provider has not verified.
    EmailNotVerified,
    /// The provider does not say the person gave a second factor (`amr`), and the
    /// configuration requires it.
    NoSecondFactor,
    /// The account is bound to another person at the provider (its `sub`): the name was
    /// given to someone else there.
    OtherPerson,
}

impl Refusal {
    /// A stable name for logs and the page's message key.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::NoUsername => "no_username",
            Refusal::NoRole => "no_role",
            Refusal::TwoRoles => "two_roles",
            Refusal::BreakGlass => "break_glass",
            Refusal::EmailNotVerified => "email_not_verified",
            Refusal::NoSecondFactor => "no_second_factor",
            Refusal::OtherPerson => "other_person",
        }
    }
}

/// The username a claim value names: lower-cased, the configured domain taken off (a value of
/// any other domain, or none when one is configured, names nobody). Only ASCII is read: a
/// Unicode look-alike (the Kelvin sign lower-cases to `k`) or a trailing no-break space must
/// not name an account it is not.
pub fn username_of(claim: &str, domain: &str) -> Result<Username, Refusal> {
    if !claim.is_ascii() {
        return Err(Refusal::NoUsername);
    }
    let value = claim.to_ascii_lowercase();
    let local = if domain.is_empty() {
        value.as_str()
    } else {
        let suffix = format!("@{}", domain.to_ascii_lowercase());
        value.strip_suffix(&suffix).ok_or(Refusal::NoUsername)?
    };
    Username::parse(local).map_err(|_| Refusal::NoUsername)
}

/// The one role the person's groups give through `mapping`.
pub fn role_of(
    groups: &[String],
    mapping: &BTreeMap<String, StaffRole>,
) -> Result<StaffRole, Refusal> {
    let mut found: Option<StaffRole> = None;
    for role in groups.iter().filter_map(|g| mapping.get(g)) {
        match found {
            Some(other) if other != *role => return Err(Refusal::TwoRoles),
            _ => found = Some(*role),
        }
    }
    found.ok_or(Refusal::NoRole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping() -> BTreeMap<String, StaffRole> {
        BTreeMap::from([
            ("muni-clerks".to_owned(), StaffRole::Clerk),
            ("muni-counter".to_owned(), StaffRole::Clerk),
            ("muni-admins".to_owned(), StaffRole::Admin),
        ])
    }

    fn groups(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn a_mapped_group_gives_its_role() {
        let role = role_of(&groups(&["all-staff", "muni-clerks"]), &mapping());
        assert_eq!(role, Ok(StaffRole::Clerk));
        // Two groups of the same role are one role.
        let role = role_of(&groups(&["muni-clerks", "muni-counter"]), &mapping());
        assert_eq!(role, Ok(StaffRole::Clerk));
    }

    #[test]
    fn no_mapped_group_or_two_roles_give_nothing() {
        assert_eq!(
            role_of(&groups(&["all-staff"]), &mapping()),
            Err(Refusal::NoRole)
        );
        assert_eq!(role_of(&[], &mapping()), Err(Refusal::NoRole));
        // Group names are matched exactly: case and spaces count.
        assert_eq!(
            role_of(&groups(&["Muni-Clerks"]), &mapping()),
            Err(Refusal::NoRole)
        );
        assert_eq!(
            role_of(&groups(&["muni-clerks", "muni-admins"]), &mapping()),
            Err(Refusal::TwoRoles)
        );
    }

    #[test]
    fn usernames_with_and_without_a_domain() {
        assert_eq!(
            username_of("MLopez", "").map(|u| u.as_str().to_owned()),
            Ok("mlopez".into())
        );
        let ok = username_of("mlopez@City.Example", "city.example");
        assert_eq!(ok.map(|u| u.as_str().to_owned()), Ok("mlopez".into()));
        // Another domain, a look-alike, or no domain at all names nobody.
        assert_eq!(
            username_of("mlopez@other.example", "city.example").err(),
            Some(Refusal::NoUsername)
        );
        assert_eq!(
            username_of("mlopez@evilcity.example", "city.example").err(),
            Some(Refusal::NoUsername)
        );
        assert_eq!(
            username_of("mlopez", "city.example").err(),
            Some(Refusal::NoUsername)
        );
        assert_eq!(
            username_of("m@x@city.example", "city.example").err(),
            Some(Refusal::NoUsername)
        );
        // Not a username here.
        assert_eq!(
            username_of("María López", "").err(),
            Some(Refusal::NoUsername)
        );
        assert_eq!(username_of("", "").err(), Some(Refusal::NoUsername));
    }
}
