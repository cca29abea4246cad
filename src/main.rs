//! The `irbook` command line: parses arguments and hands over to one module per subcommand.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use irbook::cmd::{
    self, Output, build::BuildArgs, check::CheckArgs, import::ImportArgs, init::InitArgs, schema::SchemaArgs,
    serve::ServeArgs, watch::WatchArgs,
};

/// mimalloc instead of the system's allocator: rendering allocates many small strings on
/// several threads. Without transparent huge pages (`no_thp`), which cost a short-lived
/// process more system time than they save (see bench/PROFILE.md for what it bought).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Incident-response handbooks from plain files: check them, build them into a static site,
/// preview them while editing.
#[derive(Debug, Parser)]
#[command(name = "irbook", version, propagate_version = true)]
struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Print what is done and how long it takes.
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the handbook into a static site (default: <root>/site).
    Build(BuildArgs),
    /// Check the handbook and report every problem with file, line and a hint.
    Check(CheckArgs),
    /// Bring a folder of Markdown (mdBook, MkDocs, Jekyll, Hugo, plain) in as playbooks or pages.
    Import(ImportArgs),
    /// Write a complete example handbook into a new or empty folder.
    Init(InitArgs),
    /// Write a JSON Schema for each YAML file kind, for editors (default: <root>/schemas).
    Schema(SchemaArgs),
    /// Build into memory, serve on a local port, rebuild on every change, reload the browser.
    Serve(ServeArgs),
    /// Rebuild the site into the output folder on every change.
    Watch(WatchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Output::new(cli.quiet, cli.verbose);
    match &cli.command {
        Command::Build(args) => cmd::build::run(args, &out),
        Command::Check(args) => cmd::check::run(args, &out),
        Command::Import(args) => cmd::import::run(args, &out),
        Command::Init(args) => cmd::init::run(args, &out),
        Command::Schema(args) => cmd::schema::run(args, &out),
        Command::Serve(args) => cmd::serve::run(args, &out),
        Command::Watch(args) => cmd::watch::run(args, &out),
    }
}
