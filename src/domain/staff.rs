//! Staff accounts: who may do what.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    Clerk,
    Supervisor,
    Auditor,
    Admin,
}

impl StaffRole {
    pub const ALL: [StaffRole; 4] = [
        StaffRole::Clerk,
        StaffRole::Supervisor,
        StaffRole::Auditor,
        StaffRole::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Clerk => "clerk",
            StaffRole::Supervisor => "supervisor",
            StaffRole::Auditor => "auditor",
            StaffRole::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == raw)
            .ok_or_else(|| format!("`{raw}` is not a role (clerk, supervisor, auditor, admin)"))
    }
}

/// The groups of routes, and which roles may use each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Enroll, read, change and search residents; issue and print cards.
    ServeResidents,
    /// Retention report and audit chain.
    Audit,
    /// Staff accounts and keys.
    Administer,
}

impl Permission {
    pub fn allowed_roles(self) -> &'static [StaffRole] {
        match self {
            Permission::ServeResidents => &[StaffRole::Clerk, StaffRole::Supervisor],
            Permission::Audit => &[StaffRole::Auditor, StaffRole::Admin],
            Permission::Administer => &[StaffRole::Admin],
        }
    }

    pub fn granted_to(self, role: StaffRole) -> bool {
        self.allowed_roles().contains(&role)
    }
}

/// A login name: 2-64 characters of lower-case a-z, 0-9, `.`, `_`, `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let ok = (2..=64).contains(&raw.len())
            && raw.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_' || b == b'-'
            });
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err("a username is 2-64 characters of a-z, 0-9, '.', '_' and '-'")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The rule for a new staff password: long enough to resist guessing (NIST SP 800-63B).
pub fn check_new_password(password: &str) -> Result<(), &'static str> {
    let chars = password.chars().count();
    if chars < 12 {
        Err("a password needs at least 12 characters")
    } else if chars > 256 {
        Err("a password has at most 256 characters")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_unknown_roles_fail() {
        for role in StaffRole::ALL {
            assert_eq!(StaffRole::parse(role.as_str()), Ok(role));
        }
        assert!(StaffRole::parse("root").is_err());
    }

    #[test]
    fn auditors_cannot_serve_residents_and_clerks_cannot_audit() {
        assert!(!Permission::ServeResidents.granted_to(StaffRole::Auditor));
        assert!(!Permission::ServeResidents.granted_to(StaffRole::Admin));
        assert!(!Permission::Audit.granted_to(StaffRole::Clerk));
        assert!(Permission::Administer.granted_to(StaffRole::Admin));
        assert!(!Permission::Administer.granted_to(StaffRole::Supervisor));
    }

    #[test]
    fn usernames_are_restricted() {
        assert!(Username::parse("clerk.one").is_ok());
        for bad in ["A", "Clerk", "a b", "x", "élise"] {
            assert!(Username::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_new_password("short").is_err());
        assert!(check_new_password("a long enough passphrase").is_ok());
    }
}
