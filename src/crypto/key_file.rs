//! Writing a key file: one way for every key the service keeps on disk, so that the key ring
//! and the card-signing keys cannot drift apart. The folder is created 0700, the file is
//! written 0600 beside its final name, flushed to disk, renamed over the old one (a reader sees
//! the old file or the new, never half of one) and the rename itself is flushed.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Creates `dir` (and its missing parents) readable by this user only; an existing folder is
/// left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        fs::create_dir_all(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Replaces `path` with `contents`, atomically and durably, mode 0600.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir {
        create_private_dir(dir)?;
    }
    let tmp = path.with_extension("tmp");
    {
        let mut out = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        out.write_all(contents)?;
        out.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    // A file system that cannot flush a folder still has the file itself on disk.
    if let Some(dir) = dir.and_then(|d| File::open(d).ok()) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::MetadataExt;

    use super::*;

    #[test]
    fn the_folder_is_private_and_the_file_is_replaced_whole() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("keys/signing.json");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let mode = |p: &Path| fs::metadata(p).unwrap().mode() & 0o777;
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(&path), 0o600);
        assert!(!path.with_extension("tmp").exists());
    }
}
