fn main() -> std::process::ExitCode {
    limit_malloc_arenas();
    muni_id::cli::run()
}

/// glibc keeps a malloc arena per busy thread (up to eight per core), and each holds on to the
/// memory it once used: with photos decoded on many blocking threads, the peak resident memory
/// grows with the thread count. Two arenas keep it bounded at no measurable cost. The same as
/// `MALLOC_ARENA_MAX=2`, which an operator may still override.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only changes an allocator setting; called before any other thread
        // exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}
