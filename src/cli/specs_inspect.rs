//! `specs list`, `specs show`, `specs diff`: looking at specs without evaluating them. The
//! listing, the description and the diff are library code ([`crate::spec::describe`],
//! [`crate::spec::diff`]); this file parses the flags and hands the results to `output`.

use std::path::PathBuf;

use crate::cli::args::{OutputArgs, SourceArgs};
use crate::error::{Error, ExitCode, Result};
use crate::output::{self, Format};
use crate::source::{self, load_specs};
use crate::spec::describe::{Category, in_categories, list_rows, similar_names};
use crate::spec::diff::diff_specs;
use crate::spec::model::{Kind, Spec};

/// An entity kind to filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// Feature gates (not segments or holdouts).
    Gate,
    Segment,
    Holdout,
    /// Dynamic configs (not experiments or autotunes).
    Config,
    Experiment,
    Autotune,
    Layer,
    /// Parameter stores.
    ParamStore,
}

impl KindArg {
    pub fn category(self) -> Category {
        match self {
            KindArg::Gate => Category::Gate,
            KindArg::Segment => Category::Segment,
            KindArg::Holdout => Category::Holdout,
            KindArg::Config => Category::Config,
            KindArg::Experiment => Category::Experiment,
            KindArg::Autotune => Category::Autotune,
            KindArg::Layer => Category::Layer,
            KindArg::ParamStore => Category::ParamStore,
        }
    }
}

/// The categories of `--kind` flags.
fn categories(kinds: &[KindArg]) -> Vec<Category> {
    kinds.iter().map(|k| k.category()).collect()
}

#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    /// Only these kinds (repeat the flag or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<KindArg>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ShowArgs {
    /// The entity's name; every gate, config, layer and parameter store of that name is
    /// shown (an experiment with its groups and their values).
    pub name: String,
    /// Only entities of these kinds (repeat the flag or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<KindArg>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The old payload (v1 or v2; `-` reads stdin).
    pub old: PathBuf,
    /// The new payload; without it, the specs the source options give (e.g. `--specs FILE`).
    pub new: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub source: SourceArgs,
}

pub fn list(a: &ListArgs) -> Result<ExitCode> {
    let format = a
        .output
        .choose("specs list", Format::DOCUMENT, Format::Table, Format::Table)?;
    let loaded = load_specs(&a.source.settings())?;
    let rows = list_rows(&loaded.specs, &categories(&a.kind));
    output::print(&output::spec_list(format, &rows)?)?;
    Ok(ExitCode::Success)
}

pub fn show(a: &ShowArgs) -> Result<ExitCode> {
    let format = a
        .output
        .choose("specs show", Format::DOCUMENT, Format::Text, Format::Text)?;
    let loaded = load_specs(&a.source.settings())?;
    let specs = &loaded.specs;
    let filter = categories(&a.kind);
    let found: Vec<&Spec> = [Kind::Gate, Kind::Config, Kind::Layer]
        .into_iter()
        .filter_map(|k| specs.get(k, &a.name))
        .filter(|s| in_categories(&filter, s))
        .collect();
    let store = specs
        .stores
        .get(&a.name)
        .filter(|_| filter.is_empty() || filter.contains(&Category::ParamStore));
    if found.is_empty() && store.is_none() {
        let mut msg = format!(
            "{}: no gate, config, layer or parameter store named {:?}",
            loaded.origin, a.name
        );
        if !a.kind.is_empty() {
            msg.push_str(" of the kinds asked for");
        }
        let similar = similar_names(specs, &a.name);
        if !similar.is_empty() {
            msg.push_str(&format!("; similar names: {}", similar.join(", ")));
        }
        return Err(Error::Unknown(msg));
    }
    output::print(&output::spec_show(format, specs, &found, store)?)?;
    Ok(ExitCode::Success)
}

pub fn diff(a: &DiffArgs) -> Result<ExitCode> {
    let format = a
        .output
        .choose("specs diff", Format::DOCUMENT, Format::Text, Format::Text)?;
    let (old, old_origin) = source::compile_loaded(source::file::load(&a.old)?)?;
    let (new, new_origin) = match &a.new {
        Some(p) => source::compile_loaded(source::file::load(p)?)?,
        None => source::compile_loaded(source::load(&a.source.settings())?)?,
    };
    let mut d = diff_specs(&old, &new);
    d.old = old_origin;
    d.new = new_origin;
    output::print_answer(&output::diff(format, &d)?)?;
    Ok(if d.identical {
        ExitCode::Success
    } else {
        ExitCode::No
    })
}
