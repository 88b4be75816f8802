//! Tracks: every horizontal run of an edge lies in the gap between two ranks (gap `g` is above
//! rank `g`, gap `ranks` below the last). Runs fanning out of one vertex, or gathering into one,
//! share a bus; buses that overlap get separate tracks, forks above merges above loop runs,
//! unless the other order makes fewer lines cross (a line dropping from a bus crosses every bus
//! below it that spans its x; a line coming down to a bus crosses every bus above it that does).

use std::collections::HashMap;

use super::exits::BIG;
use super::state::Layered;

/// A horizontal run between two ranks, waiting for a track.
struct Run {
    gap: usize,
    lo: f32,
    hi: f32,
    /// x of the line coming down to the run and of the line leaving it downwards.
    up: f32,
    down: f32,
    key: BusKey,
    target: RunTarget,
}

/// Runs of one key joined: their extent and the x of every line above and below them.
struct Bus {
    key: BusKey,
    lo: f32,
    hi: f32,
    ups: Vec<f32>,
    downs: Vec<f32>,
    runs: Vec<usize>,
}

impl Bus {
    /// Lines that cross when `self` lies above `below`: `self`'s drops through `below`, and
    /// `below`'s incoming lines through `self`.
    fn crossings_above(&self, below: &Bus) -> usize {
        let inside = |x: f32, b: &Bus| x > b.lo + 0.01 && x < b.hi - 0.01;
        self.downs.iter().filter(|&&x| inside(x, below)).count()
            + below.ups.iter().filter(|&&x| inside(x, self)).count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum BusKey {
    /// Runs fanning out of one vertex share a track.
    Fork(usize),
    /// Runs gathering into one vertex share a track.
    Merge(usize),
    /// A loop's run to its lane has a track of its own.
    Loop(usize, bool),
}

impl BusKey {
    fn category(&self) -> u8 {
        match self {
            BusKey::Fork(_) => 0,
            BusKey::Merge(_) => 1,
            BusKey::Loop(..) => 2,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum RunTarget {
    Segment(usize, usize),
    LoopExit(usize),
    LoopEntry(usize),
}

/// The tracks of every gap; loops keep theirs in `LoopEdge::{exit,entry}_track`.
pub(super) struct Tracks {
    /// Number of tracks per gap (`ranks + 1` gaps).
    pub count: Vec<usize>,
    /// Track of the horizontal run of the chain segment `(a, b)`, in the gap above `b`.
    pub segment: HashMap<(usize, usize), usize>,
}

pub(super) fn assign(lg: &mut Layered, fs: f32) -> Tracks {
    let runs = collect_runs(lg);
    let mut count = vec![0usize; lg.ranks + 1];
    let mut segment: HashMap<(usize, usize), usize> = HashMap::new();
    for (gap, count) in count.iter_mut().enumerate() {
        let buses = buses_of_gap(&runs, gap);
        let chosen = choose_tracks(&buses, 0.6 * fs);
        for (bus, &t) in buses.iter().zip(&chosen) {
            for &ri in &bus.runs {
                match runs[ri].target {
                    RunTarget::Segment(a, b) => {
                        segment.insert((a, b), t);
                    }
                    RunTarget::LoopExit(li) => lg.loops[li].exit_track = Some(t),
                    RunTarget::LoopEntry(li) => lg.loops[li].entry_track = Some(t),
                }
            }
        }
        *count = chosen.iter().map(|t| t + 1).max().unwrap_or(0);
    }
    Tracks { count, segment }
}

/// Track of each bus (0 = top): the first free track, below every earlier overlapping bus that
/// crosses fewer lines above it than under it. Buses are taken in their fixed order, except that
/// a bus moves ahead of the one before it when that makes fewer lines cross.
fn choose_tracks(buses: &[Bus], margin: f32) -> Vec<usize> {
    let overlap = |a: &Bus, b: &Bus| !(a.hi + margin < b.lo || a.lo - margin > b.hi);
    let prefers_above =
        |a: &Bus, b: &Bus| overlap(a, b) && a.crossings_above(b) < b.crossings_above(a);
    let mut order: Vec<usize> = (0..buses.len()).collect();
    for _ in 0..buses.len() {
        let mut swapped = false;
        for k in 1..order.len() {
            if prefers_above(&buses[order[k]], &buses[order[k - 1]]) {
                order.swap(k - 1, k);
                swapped = true;
            }
        }
        if !swapped {
            break;
        }
    }
    let mut track: Vec<Option<usize>> = vec![None; buses.len()];
    for (k, &b) in order.iter().enumerate() {
        let placed = order[..k].iter().map(|&a| (a, track[a].unwrap_or(0)));
        let floor = placed
            .clone()
            .filter(|&(a, _)| prefers_above(&buses[a], &buses[b]))
            .map(|(_, t)| t + 1)
            .max()
            .unwrap_or(0);
        let t = (floor..)
            .find(|&t| {
                placed
                    .clone()
                    .all(|(a, ta)| ta != t || !overlap(&buses[a], &buses[b]))
            })
            .unwrap_or(floor);
        track[b] = Some(t);
    }
    track.into_iter().map(|t| t.unwrap_or(0)).collect()
}

/// Runs with the same key joined into buses, in a fixed order.
fn buses_of_gap(runs: &[Run], gap: usize) -> Vec<Bus> {
    let mut buses: Vec<Bus> = Vec::new();
    for (ri, run) in runs.iter().enumerate().filter(|(_, r)| r.gap == gap) {
        let bus = match buses.iter_mut().position(|b| b.key == run.key) {
            Some(i) => &mut buses[i],
            None => {
                buses.push(Bus {
                    key: run.key,
                    lo: run.lo,
                    hi: run.hi,
                    ups: Vec::new(),
                    downs: Vec::new(),
                    runs: Vec::new(),
                });
                buses.last_mut().expect("just pushed")
            }
        };
        bus.lo = bus.lo.min(run.lo);
        bus.hi = bus.hi.max(run.hi);
        for (xs, x) in [(&mut bus.ups, run.up), (&mut bus.downs, run.down)] {
            if x.is_finite() && !xs.iter().any(|&y| (y - x).abs() < 0.01) {
                xs.push(x);
            }
        }
        bus.runs.push(ri);
    }
    buses.sort_by(|a, b| {
        (a.key.category(), a.lo, a.key)
            .partial_cmp(&(b.key.category(), b.lo, b.key))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    buses
}

/// Every horizontal run: chain segments between vertices at different x (a corner exit's run
/// lies in its diamond's rank instead), and loop runs to their lane through a gap.
fn collect_runs(lg: &Layered) -> Vec<Run> {
    let verts = &lg.verts;
    let mut runs: Vec<Run> = Vec::new();
    let mut fork_count: HashMap<(usize, usize), usize> = HashMap::new();
    let segments = || {
        lg.chains.iter().flat_map(|c| {
            c.items
                .windows(2)
                .enumerate()
                .filter(move |(k, _)| !(*k == 0 && c.corner.is_some()))
                .map(|(_, w)| (w[0], w[1]))
        })
    };
    for (a, b) in segments() {
        if (verts[a].x - verts[b].x).abs() > 0.01 {
            *fork_count.entry((verts[b].rank, a)).or_insert(0) += 1;
        }
    }
    for (a, b) in segments() {
        let (xa, xb) = (verts[a].x, verts[b].x);
        if (xa - xb).abs() <= 0.01 {
            continue;
        }
        let gap = verts[b].rank;
        let key = if fork_count.get(&(gap, a)).copied().unwrap_or(0) > 1 {
            BusKey::Fork(a)
        } else {
            BusKey::Merge(b)
        };
        runs.push(Run {
            gap,
            lo: xa.min(xb),
            hi: xa.max(xb),
            up: xa,
            down: xb,
            key,
            target: RunTarget::Segment(a, b),
        });
    }
    for (li, lp) in lg.loops.iter().enumerate() {
        let reach = |x: f32| if lp.side > 0.0 { (x, BIG) } else { (-BIG, x) };
        if !lp.side_exit {
            let (lo, hi) = reach(verts[lp.from].x);
            runs.push(Run {
                gap: verts[lp.from].rank + 1,
                lo,
                hi,
                up: verts[lp.from].x,
                down: f32::NAN,
                key: BusKey::Loop(li, false),
                target: RunTarget::LoopExit(li),
            });
        }
        if !lp.side_entry {
            let (lo, hi) = reach(verts[lp.to].x);
            runs.push(Run {
                gap: verts[lp.to].rank,
                lo,
                hi,
                up: f32::NAN,
                down: verts[lp.to].x,
                key: BusKey::Loop(li, true),
                target: RunTarget::LoopEntry(li),
            });
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(gap: usize, (up, down): (f32, f32), key: BusKey) -> Run {
        Run {
            gap,
            lo: up.min(down),
            hi: up.max(down),
            up,
            down,
            key,
            target: RunTarget::Segment(0, 0),
        }
    }

    #[test]
    fn runs_of_one_fork_share_a_bus_and_forks_come_before_merges() {
        let runs = vec![
            run(1, (10.0, 0.0), BusKey::Merge(5)),
            run(1, (0.0, 20.0), BusKey::Fork(2)),
            run(1, (0.0, -20.0), BusKey::Fork(2)),
            run(2, (0.0, 10.0), BusKey::Fork(3)),
        ];
        let buses = buses_of_gap(&runs, 1);
        assert_eq!(buses.len(), 2);
        assert_eq!(buses[0].key, BusKey::Fork(2));
        assert_eq!((buses[0].lo, buses[0].hi), (-20.0, 20.0));
        assert_eq!(buses[0].runs, vec![1, 2]);
        assert_eq!(buses[0].downs, vec![20.0, -20.0]);
        assert_eq!(buses[1].key, BusKey::Merge(5));
        // They overlap and neither order crosses a line: the fork on top, first come.
        assert_eq!(choose_tracks(&buses, 1.0), vec![0, 1]);
    }

    #[test]
    fn a_merge_goes_above_a_fork_when_the_fork_on_top_would_cross_its_lines() {
        // A county chart (6-8): a fork from x = 0 to 100 and 270; five boxes at 150 … 760 merging into 480.
        let mut runs = vec![
            run(4, (0.0, 100.0), BusKey::Fork(1)),
            run(4, (0.0, 270.0), BusKey::Fork(1)),
        ];
        for x in [150.0, 310.0, 630.0, 760.0] {
            runs.push(run(4, (x, 480.0), BusKey::Merge(9)));
        }
        let buses = buses_of_gap(&runs, 4);
        assert_eq!(buses[0].crossings_above(&buses[1]), 2);
        assert_eq!(buses[1].crossings_above(&buses[0]), 0);
        // Merge on track 0, fork below it: no line crosses.
        assert_eq!(choose_tracks(&buses, 1.0), vec![1, 0]);
        // Apart, both keep the top track.
        let apart = vec![
            run(2, (0.0, 100.0), BusKey::Fork(1)),
            run(2, (300.0, 200.0), BusKey::Merge(9)),
        ];
        assert_eq!(choose_tracks(&buses_of_gap(&apart, 2), 1.0), vec![0, 0]);
    }
}
