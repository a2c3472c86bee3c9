fn main() -> std::process::ExitCode {
    muni_id::cli::run()
}
