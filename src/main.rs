fn main() -> std::process::ExitCode {
    zhinan::cli::main()
}
