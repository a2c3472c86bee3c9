//! The document points system: the clerk ticks which kinds of document were shown, the
//! program totals their points. Only whether each requirement was met is ever kept.

use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentKind {
    code: String,
    identity_points: u32,
    residency_points: u32,
}

impl DocumentKind {
    pub fn new(code: &str, identity_points: u32, residency_points: u32) -> Result<Self, String> {
        let well_formed = (2..=40).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !well_formed {
            return Err(format!(
                "document kind `{code}` must be 2-40 characters of a-z, 0-9 and _"
            ));
        }
        if identity_points == 0 && residency_points == 0 {
            return Err(format!("document kind `{code}` is worth no points"));
        }
        Ok(Self {
            code: code.to_owned(),
            identity_points,
            residency_points,
        })
    }

    pub fn code(&self) -> &str {
        &self.code
    }
    pub fn identity_points(&self) -> u32 {
        self.identity_points
    }
    pub fn residency_points(&self) -> u32 {
        self.residency_points
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointsRequirement {
    pub identity: u32,
    pub residency: u32,
}

/// The outcome of totalling the documents shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointsTally {
    pub identity_points: u32,
    pub residency_points: u32,
    pub required: PointsRequirement,
}

impl PointsTally {
    pub fn identity_met(&self) -> bool {
        self.identity_points >= self.required.identity
    }
    pub fn residency_met(&self) -> bool {
        self.residency_points >= self.required.residency
    }
    pub fn sufficient(&self) -> bool {
        self.identity_met() && self.residency_met()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("`{0}` is not a document kind on the configured list")]
    UnknownKind(String),
    #[error("at least one document kind must be ticked")]
    NoneShown,
}

#[derive(Debug, Clone)]
pub struct DocumentPolicy {
    kinds: Vec<DocumentKind>,
    requirement: PointsRequirement,
}

impl DocumentPolicy {
    pub fn new(kinds: Vec<DocumentKind>, requirement: PointsRequirement) -> Result<Self, String> {
        let max_identity: u32 = kinds.iter().map(|k| k.identity_points).sum();
        let max_residency: u32 = kinds.iter().map(|k| k.residency_points).sum();
        if requirement.identity > max_identity || requirement.residency > max_residency {
            return Err("the requirement cannot be met with the configured documents".into());
        }
        Ok(Self { kinds, requirement })
    }

    pub fn kinds(&self) -> &[DocumentKind] {
        &self.kinds
    }

    pub fn kind(&self, code: &str) -> Option<&DocumentKind> {
        self.kinds.iter().find(|k| k.code == code)
    }

    pub fn requirement(&self) -> PointsRequirement {
        self.requirement
    }

    /// Totals the points of the kinds shown; a kind ticked twice counts once.
    pub fn tally(&self, shown: &[String]) -> Result<PointsTally, DocumentError> {
        if shown.is_empty() {
            return Err(DocumentError::NoneShown);
        }
        let mut codes = BTreeSet::new();
        for code in shown {
            if self.kind(code).is_none() {
                return Err(DocumentError::UnknownKind(code.clone()));
            }
            codes.insert(code.as_str());
        }
        let kinds = codes.iter().filter_map(|c| self.kind(c));
        let (identity_points, residency_points) = kinds.fold((0, 0), |(i, r), k| {
            (i + k.identity_points, r + k.residency_points)
        });
        Ok(PointsTally {
            identity_points,
            residency_points,
            required: self.requirement,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> DocumentPolicy {
        let kinds = vec![
            DocumentKind::new("passport", 3, 0).unwrap(),
            DocumentKind::new("birth_certificate", 1, 0).unwrap(),
            DocumentKind::new("drivers_license", 2, 1).unwrap(),
            DocumentKind::new("utility_bill", 0, 1).unwrap(),
        ];
        DocumentPolicy::new(
            kinds,
            PointsRequirement {
                identity: 3,
                residency: 1,
            },
        )
        .unwrap()
    }

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn totals_points_and_checks_the_requirement() {
        let tally = policy()
            .tally(&codes(&["passport", "utility_bill"]))
            .unwrap();
        assert_eq!((tally.identity_points, tally.residency_points), (3, 1));
        assert!(tally.sufficient());
        let short = policy().tally(&codes(&["drivers_license"])).unwrap();
        assert!(!short.identity_met() && short.residency_met());
        let enough = policy()
            .tally(&codes(&["drivers_license", "birth_certificate"]))
            .unwrap();
        assert!(enough.sufficient());
    }

    #[test]
    fn a_kind_ticked_twice_counts_once() {
        let tally = policy()
            .tally(&codes(&[
                "birth_certificate",
                "birth_certificate",
                "birth_certificate",
            ]))
            .unwrap();
        assert_eq!(tally.identity_points, 1);
    }

    #[test]
    fn unknown_kinds_and_empty_lists_are_refused() {
        assert_eq!(
            policy().tally(&codes(&["passport", "library_card"])),
            Err(DocumentError::UnknownKind("library_card".into()))
        );
        assert_eq!(policy().tally(&[]), Err(DocumentError::NoneShown));
    }

    #[test]
    fn an_unreachable_requirement_is_a_configuration_error() {
        let kinds = vec![DocumentKind::new("lease", 0, 1).unwrap()];
        assert!(DocumentPolicy::new(
            kinds,
            PointsRequirement {
                identity: 1,
                residency: 1
            }
        )
        .is_err());
    }
}
