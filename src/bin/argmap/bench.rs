//! Benchmarks behind `argmap bench`: loading, saving, arranging and drawing
//! generated maps of several sizes, headless (egui's `run_ui` and
//! `tessellate`, no GPU), each the median of several runs.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Rect, pos2, vec2};

use argmap::generate::generate;
use argmap::layout::{self, Region};
use argmap::measure::{TextMeasure, card_sizes};
use argmap::model::{Arrangement, Growth, Map};
use argmap::store::{self, FileError};
use argmap::ui::canvas::{Drawn, Marks, View, canvas_ui};

/// One measured row: what, and the median time at each size.
#[derive(Debug, Clone)]
pub struct Row {
    /// What was measured.
    pub what: &'static str,
    /// The median time for each map size, in the order of the sizes.
    pub medians: Vec<Duration>,
}

/// The median of `runs` runs of `work` (after one warm-up run).
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    work();
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Weighs the links of a generated map as a coach would weigh a real one:
/// every link one of the five named steps, in turn by id, so the
/// evaluation weighs clashes rather than counting them.
fn weigh(map: &mut Map) {
    for (id, link) in &mut map.links {
        let step = usize::try_from(id.0).unwrap_or(0) % argmap::model::Weight::STEPS.len();
        link.weight = argmap::model::Weight::STEPS[step].0;
    }
}

/// What is measured, in the table's order.
const ROWS: [&str; 19] = [
    "load the RON file",
    "save the RON file",
    "measure card text (once per map)",
    "arrange compact, top-down",
    "arrange compact, left to right",
    "arrange wide, top-down",
    "arrange wide, left to right",
    "one frame, whole map in view",
    "one frame, zoomed in on ~50 claims",
    "one frame, zoomed out to titles (35 %)",
    "evaluate, links weighed (statuses and why)",
    "map checks (lint)",
    "one frame, whole map, evaluation shown",
    "one frame, zoomed in, evaluation shown",
    "diff of two versions (by id)",
    "three-way merge of two versions",
    "export the HTML handout (fonts subset)",
    "flow view: lay out again after a keystroke",
    "flow view: one frame, whole round in view",
];

/// Runs every benchmark on generated maps of `sizes` claims, writing the
/// map files into `dir`.
///
/// # Errors
/// When a map file cannot be written or read back.
pub fn run(sizes: &[usize], dir: &Path) -> Result<Vec<Row>, FileError> {
    let mut rows: Vec<Row> = ROWS
        .into_iter()
        .map(|what| Row {
            what,
            medians: Vec::new(),
        })
        .collect();
    let mut measure = TextMeasure::new();
    for &size in sizes {
        let mut map = generate(size, 1);
        weigh(&mut map);
        let started = Instant::now();
        let sizes_of = card_sizes(&map, &mut measure);
        let measuring = started.elapsed();
        for (id, pos) in layout::arrange(&map, &sizes_of, Region::All) {
            if let Some(claim) = map.claims.get_mut(&id) {
                claim.pos = pos;
            }
        }
        let path = dir.join(format!("bench-{size}.ron"));
        store::write_map(&path, &map)?;
        let mut load_error = None;
        let load = median(5, || {
            if let Err(err) = store::read_map(&path) {
                load_error = Some(err);
            }
        });
        if let Some(err) = load_error {
            return Err(err);
        }
        let mut save_error = None;
        let save = median(5, || {
            if let Err(err) = store::write_map(&path, &map) {
                save_error = Some(err);
            }
        });
        if let Some(err) = save_error {
            return Err(err);
        }
        let arranging = arrange_times(&map, &sizes_of);
        debug_rss("before frames");
        let whole = frame_time(&map, None, None, None);
        debug_rss("after whole-map frames");
        let close = frame_time(&map, Some(around_thesis(&map)), None, None);
        debug_rss("after close-up frames");
        let titles = frame_time(&map, Some(titles_view(&map)), None, None);
        let evaluate = median(9, || {
            let _ = argmap::eval::evaluate(&map);
        });
        let evaluation = argmap::eval::evaluate(&map);
        let lint = median(5, || {
            let _ = argmap::eval::checks::check(&map, &evaluation);
        });
        let (diffing, merging) = versions_times(&map);
        let whole_judged = frame_time(&map, None, Some(&evaluation), None);
        let close_judged = frame_time(&map, Some(around_thesis(&map)), Some(&evaluation), None);
        let handout = median(3, || {
            let _ = argmap::export::export(
                &map,
                argmap::export::ExportFormat::Html,
                &argmap::export::ExportOptions::default(),
                &mut measure,
            );
        });
        let (relayout, flow_frame) = flow_times(&map, &mut measure);
        for (row, time) in rows.iter_mut().zip([
            load,
            save,
            measuring,
            arranging[0],
            arranging[1],
            arranging[2],
            arranging[3],
            whole,
            close,
            titles,
            evaluate,
            lint,
            whole_judged,
            close_judged,
            diffing,
            merging,
            handout,
            relayout,
            flow_frame,
        ]) {
            row.medians.push(time);
        }
    }
    Ok(rows)
}

/// The median time to arrange `map` compact and wide, each top-down and
/// left to right.
fn arrange_times(map: &Map, sizes: &argmap::layout::Sizes) -> Vec<Duration> {
    let mut times = Vec::new();
    for arrangement in [Arrangement::Compact, Arrangement::Wide] {
        for direction in [Growth::Down, Growth::Right] {
            let mut shaped = map.clone();
            shaped.arrangement = arrangement;
            shaped.direction = direction;
            times.push(median(5, || {
                let _ = layout::arrange(&shaped, sizes, Region::All);
            }));
        }
    }
    times
}

/// The median times of a diff of two versions of `map` edited on two
/// sides, and of their three-way merge.
fn versions_times(map: &Map) -> (Duration, Duration) {
    let (ours, theirs) = (edited(map, 0), edited(map, 1));
    let diffing = median(5, || {
        let _ = argmap::versions::diff(&ours, &theirs);
    });
    let merging = median(5, || {
        let _ = argmap::versions::merge(map, &ours, &theirs).is_ok();
    });
    (diffing, merging)
}

/// `map` as one side of a team edited it: every 20th claim reworded
/// (which side decides which), every 7th card dragged, a reason added
/// under every 50th claim (both sides take the same new ids).
fn edited(map: &Map, side: usize) -> Map {
    let mut out = map.clone();
    let ids: Vec<_> = map.claims.keys().copied().collect();
    for (i, id) in ids.iter().enumerate() {
        if let Some(claim) = out.claims.get_mut(id) {
            if i % 20 == side * 10 {
                claim.text.push_str(" (reworded)");
            }
            if i % 7 == side {
                claim.pos.x += 40.0;
            }
        }
        if i % 50 == side {
            let reason = out.add_claim(argmap::model::Claim::new(
                "A reason added on one side.",
                argmap::model::Pos::default(),
            ));
            out.add_link(argmap::model::Link::new(
                argmap::model::LinkKind::Support,
                vec![reason],
                argmap::model::Target::Claim(*id),
            ));
        }
    }
    out
}

/// A part of the map around the thesis, about 1,400 × 900 map units: some
/// fifty cards at a zoom where their text is drawn.
fn around_thesis(map: &Map) -> Rect {
    let center = map
        .thesis
        .and_then(|t| map.claims.get(&t))
        .map_or(pos2(0.0, 0.0), |c| pos2(c.pos.x, c.pos.y + 300.0));
    Rect::from_center_size(center, vec2(1400.0, 900.0))
}

/// The part of the map around the thesis that a 1280 × 800 window shows
/// at 35 %: cards show their titles.
fn titles_view(map: &Map) -> Rect {
    Rect::from_center_size(around_thesis(map).center(), vec2(1280.0, 800.0) / 0.35)
}

/// The median time of one frame of the canvas (`run_ui` + `tessellate`)
/// showing `view` (the whole map when `None`) in a 1280 × 800 window, with
/// the statuses of `evaluation` on the cards when given.
/// `map` as a Policy round, each claim made in the speech of its depth
/// below the motion (the motion in none): what the flow view shows.
fn as_round(map: &Map) -> Map {
    let mut round = map.clone();
    round.round = Some(argmap::model::Round::of(argmap::model::Format::Policy));
    let speeches = argmap::model::Format::Policy.speeches();
    let parents = argmap::model::nav::parents(map);
    for (id, claim) in &mut round.claims {
        let mut depth = 0;
        let mut at = *id;
        while let Some(&parent) = parents.get(&at) {
            depth += 1;
            at = parent;
            if depth > map.claims.len() {
                break;
            }
        }
        claim.speech = depth
            .checked_sub(1)
            .map(|d| speeches[d.min(speeches.len() - 1)].name.clone());
    }
    round
}

/// The flow view of `map` as a round: the median time to lay it out again
/// after an edit (drops, card sizes, places, the map as placed), and to
/// draw one frame of it whole.
fn flow_times(map: &Map, measure: &mut TextMeasure) -> (Duration, Duration) {
    use argmap::layout::flow::{flow_layout, flowed_map};
    use argmap::model::flow::{Flow, Sheets};
    let round = as_round(map);
    let relayout = median(5, || {
        if let Some(flow) = Flow::of(&round) {
            let sizes = card_sizes(&round, measure);
            let layout = flow_layout(&round, &flow, Sheets::One, &sizes, Some(0));
            let _ = flowed_map(&round, &layout);
        }
    });
    let Some(flow) = Flow::of(&round) else {
        return (relayout, Duration::ZERO);
    };
    let sizes = card_sizes(&round, measure);
    let layout = flow_layout(&round, &flow, Sheets::One, &sizes, Some(0));
    let flowed = flowed_map(&round, &layout);
    (relayout, frame_time(&flowed, None, None, Some(&layout)))
}

fn frame_time(
    map: &Map,
    view: Option<Rect>,
    evaluation: Option<&argmap::eval::Evaluation>,
    flow: Option<&argmap::layout::flow::FlowLayout>,
) -> Duration {
    let ctx = egui::Context::default();
    ctx.set_fonts(argmap::measure::fonts());
    let mut state = View::default();
    let mut measure = TextMeasure::new();
    let marks = Marks::default();
    let drops = std::collections::BTreeMap::new();
    // Measure the whole map in view, not the thesis close-up a huge map
    // opens on.
    state.camera.opening = false;
    let screen = Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0));
    let mut frame = |state: &mut View| {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            ..egui::RawInput::default()
        };
        let output = ctx.run_ui(input, |ui| {
            let mut actions = Vec::new();
            let shown = Drawn {
                map,
                revision: 1,
                roles: None,
                marks: &marks,
                evaluation,
                presenting: false,
                quotes: argmap::ui::canvas::Quoting::NONE,
                flow,
                drops: &drops,
            };
            canvas_ui(ui, shown, state, &mut measure, &mut actions);
        });
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    };
    // The first frames fit the view and build the index.
    for _ in 0..3 {
        frame(&mut state);
        debug_rss("  one frame");
    }
    if let Some(rect) = view {
        state.camera.scene_rect = rect;
        frame(&mut state);
    }
    let time = median(9, || frame(&mut state));
    if std::env::var_os("ARGMAP_BENCH_DEBUG").is_some() {
        eprintln!(
            "canvas {:?} scene {:?}",
            state.camera.canvas_rect, state.camera.scene_rect
        );
    }
    time
}

fn debug_rss(stage: &str) {
    if std::env::var_os("ARGMAP_BENCH_DEBUG").is_some() {
        eprintln!("{stage}: {:?} MB", resident_mb());
    }
}

/// The resident memory of this process, in megabytes, where Linux tells it.
#[expect(
    clippy::disallowed_methods,
    reason = "A line of /proc, not a user's file."
)]
pub fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// The rows as a Markdown table.
pub fn table(sizes: &[usize], rows: &[Row]) -> String {
    let mut out = String::from("| what |");
    for size in sizes {
        let _ = write!(out, " {size} claims |");
    }
    out.push_str("\n| --- |");
    for _ in sizes {
        out.push_str(" --- |");
    }
    out.push('\n');
    for row in rows {
        let _ = write!(out, "| {} |", row.what);
        for time in &row.medians {
            let _ = write!(out, " {:.1} ms |", time.as_secs_f64() * 1000.0);
        }
        out.push('\n');
    }
    out
}
