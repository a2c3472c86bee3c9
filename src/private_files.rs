//! Where the service's files live and who may read them, checked at every start: the process
//! creates files readable by itself alone, the SQLite database and its WAL and shared-memory
//! files are 0600 whoever created the folder, and outside development mode no key file may sit
//! in the same folder or volume as a SQLite database (a copy of that volume would hold both the
//! data and the keys that open it).

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};

use crate::config::{Config, DatabaseUrl};

/// Files this process creates are readable by its own user only.
pub fn restrict_umask() {
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// Bytes an unprivileged process may still write on the file system holding `path`.
pub fn free_bytes(path: &Path) -> std::io::Result<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `c_path` is a NUL-terminated path and `stats` is a buffer of the right type, which
    // statvfs fills completely when it returns 0.
    let stats = unsafe {
        if libc::statvfs(c_path.as_ptr(), stats.as_mut_ptr()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        stats.assume_init()
    };
    // The field types differ between platforms (u32 on some, u64 here).
    #[allow(clippy::useless_conversion)]
    Ok(u64::from(stats.f_bavail).saturating_mul(u64::from(stats.f_frsize)))
}

/// The SQLite database's files, as SQLite names them.
pub fn sqlite_files(db: &Path) -> [PathBuf; 3] {
    let with_suffix = |suffix: &str| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [db.to_owned(), with_suffix("-wal"), with_suffix("-shm")]
}

/// Makes the SQLite files 0600 (they may have been created by an older version, another tool
/// or a process with a looser umask); refuses to start when that is not possible.
pub fn secure_database_files(config: &Config) -> anyhow::Result<()> {
    let DatabaseUrl::Sqlite(db) = config.database_url() else {
        return Ok(());
    };
    for file in sqlite_files(&db) {
        let Ok(metadata) = fs::metadata(&file) else {
            continue;
        };
        if metadata.permissions().mode() & 0o077 != 0 {
            fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).with_context(|| {
                format!(
                    "{} can be read by other users and its mode cannot be changed; run `chmod 600 {}`",
                    file.display(),
                    file.display()
                )
            })?;
        }
    }
    Ok(())
}

/// Outside development mode, refuses key files in the same folder or volume as a SQLite
/// database.
pub fn refuse_keys_beside_database(config: &Config, key_files: &[PathBuf]) -> anyhow::Result<()> {
    if config.dev_mode {
        return Ok(());
    }
    let DatabaseUrl::Sqlite(db) = config.database_url() else {
        return Ok(());
    };
    let db_dir = existing_folder(&db)?;
    for key_file in key_files {
        let key_dir = existing_folder(key_file)?;
        if db_dir.starts_with(&key_dir) || key_dir.starts_with(&db_dir) {
            bail!(
                "the key file {} is in the same folder as the SQLite database {}: a copy of \
                 that folder would hold both the data and the keys that open it. Put the keys \
                 on their own volume (keys.keyring_file), or set dev_mode = true for development",
                key_file.display(),
                db.display()
            );
        }
        if same_volume(&key_dir, &db_dir) {
            bail!(
                "the key file {} is on the same volume as the SQLite database {}: a copy of that \
                 volume would hold both the data and the keys that open it. Mount the keys from \
                 their own volume, use PostgreSQL, or set dev_mode = true for development",
                key_file.display(),
                db.display()
            );
        }
    }
    Ok(())
}

/// The folder a file is (or will be) in, resolved to its nearest existing ancestor.
fn existing_folder(file: &Path) -> anyhow::Result<PathBuf> {
    let absolute = if file.is_absolute() {
        file.to_owned()
    } else {
        std::env::current_dir()?.join(file)
    };
    let mut folder = absolute.parent().map(Path::to_owned).unwrap_or(absolute);
    loop {
        if let Ok(real) = folder.canonicalize() {
            return Ok(real);
        }
        match folder.parent() {
            Some(parent) => folder = parent.to_owned(),
            None => bail!("no folder of {} exists", file.display()),
        }
    }
}

/// Whether two folders are under the same mount (a container volume is its own mount even when
/// it shares a disk with another). Falls back to the device number where mounts are unknown.
fn same_volume(a: &Path, b: &Path) -> bool {
    match fs::read_to_string("/proc/self/mountinfo") {
        Ok(table) => {
            let mounts = mount_points(&table);
            mount_of(&mounts, a) == mount_of(&mounts, b)
        }
        Err(_) => match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev(),
            _ => false,
        },
    }
}

/// The mount points listed in /proc/self/mountinfo (the fifth field, octal escapes decoded).
fn mount_points(table: &str) -> Vec<PathBuf> {
    table
        .lines()
        .filter_map(|line| line.split(' ').nth(4))
        .map(|field| PathBuf::from(unescape_octal(field)))
        .collect()
}

fn unescape_octal(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes
            .get(i + 1..i + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u8::from_str_radix(d, 8).ok());
        match (bytes[i], octal) {
            (b'\\', Some(byte)) => {
                out.push(byte);
                i += 4;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The deepest mount point that contains `path`.
fn mount_of<'a>(mounts: &'a [PathBuf], path: &Path) -> Option<&'a PathBuf> {
    mounts
        .iter()
        .filter(|m| path.starts_with(m))
        .max_by_key(|m| m.components().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_points_are_read_and_the_deepest_wins() {
        let table = "22 1 0:21 / / rw - ext4 /dev/vda rw\n\
                     30 22 0:30 / /data rw - ext4 /dev/vda rw\n\
                     31 22 0:31 / /keys\\040here rw - tmpfs tmpfs rw\n";
        let mounts = mount_points(table);
        assert_eq!(
            mount_of(&mounts, Path::new("/data/db")),
            Some(&PathBuf::from("/data"))
        );
        assert_eq!(
            mount_of(&mounts, Path::new("/keys here/k")),
            Some(&PathBuf::from("/keys here"))
        );
        assert_eq!(
            mount_of(&mounts, Path::new("/srv/x")),
            Some(&PathBuf::from("/"))
        );
    }

    #[test]
    fn the_wal_and_shm_files_are_named_as_sqlite_names_them() {
        let [db, wal, shm] = sqlite_files(Path::new("/d/muni-id.db"));
        assert_eq!(db, PathBuf::from("/d/muni-id.db"));
        assert_eq!(wal, PathBuf::from("/d/muni-id.db-wal"));
        assert_eq!(shm, PathBuf::from("/d/muni-id.db-shm"));
    }
}
