//! Import from a program's old system: a vendor's CSV export through a mapping file. What this
//! service never keeps cannot be mapped, and every column not mapped is dropped unread; a
//! re-run adds nothing; a run stopped half-way resumes and ends exact; the report is signed and
//! names rows by number only. On SQLite and PostgreSQL.

use std::path::Path;

use muni_id::domain::import_mapping::MappingError;
use muni_id::domain::staff::StaffRole;
use muni_id::services::import::{self, ImportError, ImportOptions};
use serde_json::Value;

use crate::helpers::{spawn_app, TestApp};

const PHOTO_PNG: &[u8] = include_bytes!("../fixtures/photo.png");
const IMMIGRATION_SENTINEL: &str = "Undocumentedsentinel";
const PASSPORT_SENTINEL: &str = "PX99887766sentinel";

const HEADER: &str = "Record ID,Full Name,Date of Birth,Sex,Street,City,ZIP,Language,Veteran,Photo File,Card Expires,immigration_status,passport_number";

const MAPPING: &str = r#"
[columns]
legal_name = "Full Name"
date_of_birth = "Date of Birth"
gender = "Sex"
address_line1 = "Street"
address_city = "City"
address_postal_code = "ZIP"
language_1 = "Language"
veteran = "Veteran"
photo_file = "Photo File"
card_expires_on = "Card Expires"

[formats]
date = "%m/%d/%Y"

[gender]
Female = "F"
Male = "M"
"#;

/// A row of the export: the old system's id, a name, a birth date, and a card expiry (empty:
/// none), with the columns this service never keeps filled with sentinels.
fn row(id: u32, name: &str, born: &str, expires: &str) -> String {
    format!(
        "{id},{name},{born},Female,{id} Elm St,Springfield,01101,es,Y,photo.png,{expires},{IMMIGRATION_SENTINEL},{PASSPORT_SENTINEL}"
    )
}

/// Writes the export (header and rows), its photo and its mapping into `dir`, the photo in
/// `dir/photos` (and another beside the export, outside the photos folder).
fn export(dir: &Path, rows: &[String], mapping: &str) -> ImportOptions {
    std::fs::create_dir_all(dir.join("photos")).unwrap();
    std::fs::write(dir.join("photos/photo.png"), PHOTO_PNG).unwrap();
    std::fs::write(dir.join("photo.png"), PHOTO_PNG).unwrap();
    let link = dir.join("photos/link.png");
    if !link.exists() {
        std::os::unix::fs::symlink(dir.join("photo.png"), link).unwrap();
    }
    let mut csv = String::from(HEADER);
    for row in rows {
        csv.push('\n');
        csv.push_str(row);
    }
    csv.push('\n');
    std::fs::write(dir.join("export.csv"), csv).unwrap();
    std::fs::write(dir.join("mapping.toml"), mapping).unwrap();
    ImportOptions {
        file: dir.join("export.csv"),
        mapping: dir.join("mapping.toml"),
        photos: Some(dir.join("photos")),
        operator: OPERATOR.into(),
        fail_after: None,
    }
}

const OPERATOR: &str = "import-admin";

fn residents_on_record(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    muni_id::db::schema::residents::table
        .count()
        .get_result(&mut *app.ctx.db().unwrap())
        .unwrap()
}

/// Everything the database holds, as bytes (SQLite: its files; PostgreSQL: every row as text).
fn database_text(app: &TestApp) -> Vec<u8> {
    if !app.database.is_postgres() {
        let mut all = Vec::new();
        for entry in std::fs::read_dir(app.data_dir.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                all.extend(std::fs::read(path).unwrap());
            }
        }
        return all;
    }
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Dump {
        #[diesel(sql_type = diesel::sql_types::Text)]
        row: String,
    }
    let mut conn = app.ctx.db().unwrap();
    let mut all = String::new();
    for table in [
        "residents",
        "resident_photos",
        "cards",
        "card_deliveries",
        "audit_log",
        "import_runs",
    ] {
        let rows: Vec<Dump> = diesel::sql_query(format!("SELECT t::text AS row FROM {table} t"))
            .load(&mut *conn)
            .unwrap();
        all.extend(rows.into_iter().map(|r| r.row));
    }
    all.into_bytes()
}

fn audited(app: &TestApp, action: &str) -> Vec<Option<String>> {
    use diesel::prelude::*;
    use muni_id::db::schema::audit_log;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select(audit_log::actor.nullable())
        .load(&mut *app.ctx.db().unwrap())
        .unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn an_export_imports_what_we_keep_drops_the_rest_and_a_rerun_adds_nothing() {
    let app = spawn_app().await;
    app.add_staff(OPERATOR, StaffRole::Admin);
    app.add_staff("import-clerk", StaffRole::Clerk);
    let dir = tempfile::tempdir().unwrap();
    let rows = vec![
        row(101, "Ana Importada", "04/01/1990", "06/30/2029"),
        row(102, "Bea Importada", "05/02/1985", "12/31/2027"),
        // A card that expired, and none: this service keeps residents for their cards.
        row(103, "Cai Importado", "06/03/1970", "01/31/2020"),
        row(104, "Dan Importado", "1970-06-03", "12/31/2027"),
        row(105, "Eva Importada", "07/04/1999", "12/31/2027").replace("photo.png", "missing.png"),
        // The first row again (the old system had it twice).
        row(106, "Ana Importada", "04/01/1990", "06/30/2029"),
        "107,Short Row,01/01/1990".to_owned(),
        row(108, "Fay Importada", "08/05/2001", "03/31/2028").replace("photo.png", "../photo.png"),
        row(109, "Gus Importado", "09/06/1962", "03/31/2028").replace("photo.png", "link.png"),
        row(110, "Hal Importado", "10/07/1963", ""),
    ];

    // A mapping that puts what we never keep into a field is refused outright.
    for bad in [
        MAPPING.replace(
            "legal_name = \"Full Name\"",
            "legal_name = \"immigration_status\"",
        ),
        MAPPING.replace("veteran = \"Veteran\"", "veteran = \"passport_number\""),
        MAPPING.replace(
            "[formats]",
            "immigration_status = \"immigration_status\"\n\n[formats]",
        ),
    ] {
        let options = export(dir.path(), &rows, &bad);
        let refused = import::run(&app.ctx, &options, &|_, _| {}).unwrap_err();
        assert!(
            matches!(
                refused,
                ImportError::Mapping(
                    MappingError::NeverKeptColumn { .. } | MappingError::NeverKeptField(_)
                )
            ),
            "{refused}"
        );
        assert!(refused.to_string().contains("never"), "{refused}");
    }
    // An import runs as an admin.
    let mut as_clerk = export(dir.path(), &rows, MAPPING);
    as_clerk.operator = "import-clerk".into();
    let refused = import::run(&app.ctx, &as_clerk, &|_, _| {}).unwrap_err();
    assert!(matches!(refused, ImportError::Operator(_)), "{refused}");
    assert_eq!(residents_on_record(&app), 0, "nothing was imported");

    let options = export(dir.path(), &rows, MAPPING);
    let outcome = import::run(&app.ctx, &options, &|_, _| {}).unwrap();
    assert!(!outcome.already_imported);
    let report = outcome.report;
    assert_eq!(
        (
            report.rows,
            report.imported,
            report.duplicates,
            report.cards_issued
        ),
        (10, 2, 1, 2)
    );
    assert_eq!(report.duplicate_rows, [7]);
    let refused: Vec<(String, Vec<u64>)> = report
        .refused
        .iter()
        .map(|(reason, rows)| (reason.clone(), rows.rows.clone()))
        .collect();
    assert_eq!(
        refused,
        vec![
            ("invalid_date".into(), vec![5]),
            ("malformed_row".into(), vec![8]),
            ("no_active_card".into(), vec![4, 11]),
            ("photo_missing".into(), vec![6]),
            ("photo_outside_folder".into(), vec![9, 10]),
        ]
    );
    assert_eq!(
        report.dropped_columns,
        ["Record ID", "immigration_status", "passport_number"]
    );
    assert_eq!(residents_on_record(&app), 2);
    assert_eq!(
        audited(&app, "resident.import"),
        [Some("cli".to_owned()), Some("cli".to_owned())],
        "the command line imported them"
    );

    // The active card came across with a new number, to be mailed; the record reads back.
    let clerk = app.session(StaffRole::Clerk).await;
    let search = app
        .post_json(
            &clerk,
            "/api/v1/residents/search",
            &serde_json::json!({"legal_name": "Ana Importada", "date_of_birth": "1990-04-01"}),
        )
        .await;
    let found: Value = search.json().await.unwrap();
    let id = found["matches"][0]["resident_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let record: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            record["gender"].as_str(),
            record["veteran"].as_bool(),
            record["address"]["line1"].as_str()
        ),
        (Some("F"), Some(true), Some("101 Elm St"))
    );
    let cards: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}/cards"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cards[0]["expires_on"], "2029-06-30");
    assert_eq!(cards[0]["stage"], "issued");
    assert_eq!(cards[0]["delivery"]["method"], "mail");

    // What is never kept was never read: not in the database, not in the report.
    let stored = database_text(&app);
    assert!(contains(&stored, &id), "the database is read");
    for sentinel in [IMMIGRATION_SENTINEL, PASSPORT_SENTINEL, "Importada"] {
        assert!(!contains(&stored, sentinel), "{sentinel} in the database");
    }
    // (Its hashes and signature aside, whose letters and digits are random.)
    let mut bare = report.clone();
    bare.signature = None;
    bare.file_sha256.clear();
    bare.mapping_sha256.clear();
    let report_json = serde_json::to_string(&bare).unwrap();
    for value in [
        IMMIGRATION_SENTINEL,
        PASSPORT_SENTINEL,
        "Importada",
        "1990",
        "Elm",
    ] {
        assert!(!report_json.contains(value), "{value} in the report");
    }

    // The report verifies; one changed figure does not.
    let bytes = serde_json::to_vec_pretty(&report).unwrap();
    import::verify(&app.ctx.signing, &bytes).unwrap();
    let original = String::from_utf8(bytes).unwrap();
    let forged = original.replace("\"imported\": 2", "\"imported\": 3");
    assert_ne!(forged, original);
    assert!(import::verify(&app.ctx.signing, forged.as_bytes()).is_err());

    // The same file again, after its refusals: the rows imported before are on record, and
    // nothing is imported twice.
    let again = import::run(&app.ctx, &options, &|_, _| {}).unwrap();
    assert!(!again.already_imported, "refused rows are tried again");
    assert_eq!((again.report.imported, again.report.duplicates), (0, 3));
    assert_eq!(again.report.sittings, 2);
    assert_eq!(residents_on_record(&app), 2);

    // The export fixed (rows that were refused now good): only they are new; once every row
    // that can come in is in (one without a card never can), the same file only shows its
    // report.
    let fixed: Vec<String> = rows
        .iter()
        .take(3)
        .cloned()
        .chain([row(111, "Ivy Importada", "11/08/1964", "03/31/2028")])
        .collect();
    let options = export(dir.path(), &fixed, MAPPING);
    let later = import::run(&app.ctx, &options, &|_, _| {}).unwrap().report;
    assert_eq!((later.imported, later.duplicates), (1, 2));
    let done = import::run(&app.ctx, &options, &|_, _| {}).unwrap();
    assert!(done.already_imported);
    assert_eq!(done.report, {
        let mut same = later.clone();
        same.generated_at = done.report.generated_at;
        same.signature = done.report.signature.clone();
        same
    });
    assert_eq!(residents_on_record(&app), 3);
}

#[tokio::test]
async fn a_run_stopped_half_way_resumes_and_ends_exact() {
    let app = spawn_app().await;
    app.add_staff(OPERATOR, StaffRole::Admin);
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<String> = (0..450)
        .map(|i| {
            let born = format!("{:02}/{:02}/{}", i % 12 + 1, i % 28 + 1, 1950 + i % 50);
            let name = format!("Person {}", name_of(i));
            match i {
                // Every hundredth row has a date the mapping cannot read.
                _ if i % 100 == 7 => row(i, &name, "31.12.1990", ""),
                _ => row(i, &name, &born, "12/31/2028"),
            }
        })
        .collect();
    let mut options = export(dir.path(), &rows, MAPPING);
    options.fail_after = Some(300);
    let stopped = import::run(&app.ctx, &options, &|_, _| {}).unwrap_err();
    assert!(matches!(stopped, ImportError::Injected(200)), "{stopped}");
    assert_eq!(residents_on_record(&app), 198, "the first batch stayed");

    options.fail_after = None;
    let seen = std::cell::RefCell::new(Vec::new());
    let report = import::run(&app.ctx, &options, &|done, total| {
        seen.borrow_mut().push((done, total))
    })
    .unwrap()
    .report;
    assert_eq!(
        seen.into_inner(),
        [(400, 450), (450, 450)],
        "resumed after row 200"
    );
    assert_eq!(report.sittings, 2);
    assert_eq!(
        (report.rows, report.imported, report.duplicates),
        (450, 445, 0)
    );
    assert_eq!(report.refused["invalid_date"].rows, [9, 109, 209, 309, 409]);
    assert_eq!(report.cards_issued, 445);
    assert_eq!(residents_on_record(&app), 445);
}

/// A distinct name for each number, in letters (a name holds no digit).
fn name_of(mut i: u32) -> String {
    let mut name = String::from("Q");
    loop {
        name.push(char::from(b'a' + (i % 26) as u8));
        i /= 26;
        if i == 0 {
            return name;
        }
    }
}

/// The command line as an operator types it, in the export's folder: the export named by its
/// file name alone (its photos beside it), then the report checked.
#[test]
fn the_command_line_imports_an_export_named_by_its_file_name_and_verifies_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let muni_id = |args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_muni-id"))
            .args(args)
            .current_dir(dir.path())
            .env("MUNI_ID__DATA_DIR", &data)
            .env(
                "MUNI_ID__DATABASE__URL",
                format!("sqlite://{}/muni-id.db", data.display()),
            )
            .env("MUNI_ID__AUTH__ARGON2_MEMORY_KIB", "64")
            .env("MUNI_ID__AUTH__ARGON2_ITERATIONS", "1")
            .env("MUNI_ID__LOG__LEVEL", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let errors = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{args:?}: {text}{errors}");
        text
    };
    muni_id(
        &["staff", "add", "ops", "--role", "admin", "--password-stdin"],
        "ops admin passphrase\n",
    );
    let mut options = export(
        dir.path(),
        &[row(1, "Cli Importada", "04/01/1990", "06/30/2029")],
        MAPPING,
    );
    options.photos = None;
    let imported = muni_id(
        &[
            "import",
            "residents",
            "export.csv",
            "--mapping",
            "mapping.toml",
            "--as",
            "ops",
        ],
        "",
    );
    assert!(imported.contains("imported                1"), "{imported}");
    assert!(imported.contains("destroy the export"), "{imported}");
    let verified = muni_id(&["report", "verify", "export.csv.import-report.json"], "");
    assert!(
        verified.contains("Signature valid: import report"),
        "{verified}"
    );
}
