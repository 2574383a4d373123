//! `argmap bench --pipeline`: what `argmap export MAP --arrange --to svg`
//! does, phase by phase, on a generated map: read the file, measure the
//! cards' text, arrange, shape and route the links, evaluate, write the
//! SVG. Each phase is a function of its own that is never inlined, so an
//! instruction counter (`.ci/bench-guard`, valgrind's callgrind) can tell
//! their costs apart by name.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use argmap::draw::raster::Texts;
use argmap::draw::svg::{self, SvgOptions};
use argmap::measure::{TextMeasure, card_texts};
use argmap::model::Map;
use argmap::store::{self, FileError};

/// The phases, in the order they run and the guard lists them.
pub const PHASES: [&str; 6] = [
    "guard_load",
    "guard_measure",
    "guard_arrange",
    "guard_route",
    "guard_evaluate",
    "guard_svg",
];

#[inline(never)]
fn guard_load(path: &Path) -> Result<Map, FileError> {
    store::read_map(path)
}

#[inline(never)]
fn guard_measure(map: &Map, measure: &mut TextMeasure) -> Texts {
    card_texts(map, measure)
}

#[inline(never)]
fn guard_arrange(map: &mut Map, texts: &Texts) {
    argmap::export::arrange_measured(map, texts);
}

#[inline(never)]
fn guard_route(map: &Map, texts: &Texts) -> usize {
    black_box(svg::Scene::of(map, texts)).links.len()
}

#[inline(never)]
fn guard_evaluate(map: &Map) -> usize {
    black_box(argmap::eval::evaluate(map)).claims().count()
}

#[inline(never)]
fn guard_svg(map: &Map, texts: &Texts, measure: &mut TextMeasure) -> String {
    svg::svg_of(map, texts, measure, &SvgOptions::default())
}

/// The time each phase took on the map at `path`, in [`PHASES`] order,
/// and the size of the SVG. The phases run on one of rayon's threads, so
/// the parallel parts of each (which rayon runs on that thread too when it
/// has no other) count toward it in an instruction counter.
///
/// # Errors
/// When the map cannot be read.
pub fn run(path: &Path) -> Result<(Vec<Duration>, usize), FileError> {
    rayon::scope(|_| phases(path))
}

fn phases(path: &Path) -> Result<(Vec<Duration>, usize), FileError> {
    let mut times = Vec::with_capacity(PHASES.len());
    let mut clock = Instant::now();
    let mut lap = |times: &mut Vec<Duration>| {
        times.push(clock.elapsed());
        clock = Instant::now();
    };
    let mut map = guard_load(path)?;
    lap(&mut times);
    let mut measure = TextMeasure::new();
    let texts = guard_measure(&map, &mut measure);
    lap(&mut times);
    guard_arrange(&mut map, &texts);
    lap(&mut times);
    guard_route(&map, &texts);
    lap(&mut times);
    guard_evaluate(&map);
    lap(&mut times);
    let drawing = guard_svg(&map, &texts, &mut measure);
    lap(&mut times);
    Ok((times, drawing.len()))
}

/// One run of `argmap export MAP --arrange --to svg` against `dot -Tsvg`
/// on the same map (see [`crate::dot`]), with its arrows labelled as
/// Argmap draws them and without, each a whole process, in this run:
/// Argmap's median of three, dot's one each, and the files' sizes.
///
/// # Errors
/// When the map cannot be read, a scratch file cannot be written, or
/// either program cannot run.
#[expect(
    clippy::disallowed_methods,
    reason = "a scratch folder of the benchmark's own, removed afterwards"
)]
pub fn against_dot(path: &Path) -> anyhow::Result<Comparison> {
    use anyhow::Context as _;
    let map = store::read_map(path)?;
    let mut measure = TextMeasure::new();
    let texts = card_texts(&map, &mut measure);
    let dir = std::env::temp_dir().join(format!("argmap-dot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let ours_file = dir.join("argmap.svg");
    let me = std::env::current_exe().context("cannot find the argmap binary")?;
    let mut ours: Vec<Duration> = (0..3)
        .map(|_| {
            timed(std::process::Command::new(&me).args([
                "export".as_ref(),
                path.as_os_str(),
                "--arrange".as_ref(),
                "--to".as_ref(),
                "svg".as_ref(),
                "-o".as_ref(),
                ours_file.as_os_str(),
            ]))
        })
        .collect::<anyhow::Result<_>>()?;
    ours.sort();
    let mut dot = Vec::new();
    for labelled in [true, false] {
        let dot_file = dir.join("map.dot");
        let theirs_file = dir.join("dot.svg");
        store::write_atomic(
            &dot_file,
            crate::dot::dot(&map, &texts, labelled).as_bytes(),
        )
        .with_context(|| format!("cannot write {}", dot_file.display()))?;
        let time = timed(
            std::process::Command::new("dot")
                .arg("-Tsvg")
                .arg(&dot_file)
                .arg("-o")
                .arg(&theirs_file),
        )
        .context("Graphviz dot did not run (Debian: apt install graphviz)")?;
        dot.push((time, store::file_len(&theirs_file).unwrap_or(0)));
    }
    let comparison = Comparison {
        ours: ours[1],
        ours_bytes: store::file_len(&ours_file).unwrap_or(0),
        labelled: dot[0],
        bare: dot[1],
    };
    let _ = std::fs::remove_dir_all(&dir);
    Ok(comparison)
}

/// Argmap and Graphviz on one map.
pub struct Comparison {
    /// Argmap's time, arranging and writing the SVG.
    pub ours: Duration,
    /// The size of Argmap's SVG.
    pub ours_bytes: u64,
    /// Graphviz dot's time and SVG size, the arrows labelled.
    pub labelled: (Duration, u64),
    /// The same without the arrows' labels.
    pub bare: (Duration, u64),
}

/// How long `command` ran; an error when it failed.
fn timed(command: &mut std::process::Command) -> anyhow::Result<Duration> {
    let start = Instant::now();
    let output = command.output()?;
    let took = start.elapsed();
    anyhow::ensure!(
        output.status.success(),
        "{} failed: {}",
        command.get_program().display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(took)
}
