//! Tracks: every horizontal run of an edge lies in the gap between two ranks (gap `g` is above
//! rank `g`, gap `ranks` below the last). Runs fanning out of one vertex, or gathering into one,
//! share a bus; buses that overlap get separate tracks, forks above merges above loop runs.

use std::collections::HashMap;

use super::exits::BIG;
use super::state::Layered;

/// A horizontal run between two ranks, waiting for a track.
struct Run {
    gap: usize,
    lo: f32,
    hi: f32,
    key: BusKey,
    target: RunTarget,
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
        let mut tracks: Vec<Vec<(f32, f32)>> = Vec::new();
        for (_, lo, hi, members) in &buses {
            let margin = 0.6 * fs;
            let t = tracks
                .iter()
                .position(|t| t.iter().all(|&(a, b)| *hi + margin < a || *lo - margin > b))
                .unwrap_or_else(|| {
                    tracks.push(Vec::new());
                    tracks.len() - 1
                });
            tracks[t].push((*lo, *hi));
            for &ri in members {
                match runs[ri].target {
                    RunTarget::Segment(a, b) => {
                        segment.insert((a, b), t);
                    }
                    RunTarget::LoopExit(li) => lg.loops[li].exit_track = Some(t),
                    RunTarget::LoopEntry(li) => lg.loops[li].entry_track = Some(t),
                }
            }
        }
        *count = tracks.len();
    }
    Tracks { count, segment }
}

/// Runs with the same key joined into buses `(key, lo, hi, runs)`, in a fixed order.
fn buses_of_gap(runs: &[Run], gap: usize) -> Vec<(BusKey, f32, f32, Vec<usize>)> {
    let mut buses: Vec<(BusKey, f32, f32, Vec<usize>)> = Vec::new();
    for (ri, run) in runs.iter().enumerate().filter(|(_, r)| r.gap == gap) {
        match buses.iter_mut().find(|b| b.0 == run.key) {
            Some(b) => {
                b.1 = b.1.min(run.lo);
                b.2 = b.2.max(run.hi);
                b.3.push(ri);
            }
            None => buses.push((run.key, run.lo, run.hi, vec![ri])),
        }
    }
    buses.sort_by(|a, b| {
        (a.0.category(), a.1, a.0)
            .partial_cmp(&(b.0.category(), b.1, b.0))
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

    fn run(gap: usize, lo: f32, hi: f32, key: BusKey) -> Run {
        Run {
            gap,
            lo,
            hi,
            key,
            target: RunTarget::Segment(0, 0),
        }
    }

    #[test]
    fn runs_of_one_fork_share_a_bus_and_forks_come_before_merges() {
        let runs = vec![
            run(1, 0.0, 10.0, BusKey::Merge(5)),
            run(1, 0.0, 20.0, BusKey::Fork(2)),
            run(1, -20.0, 0.0, BusKey::Fork(2)),
            run(2, 0.0, 10.0, BusKey::Fork(3)),
        ];
        let buses = buses_of_gap(&runs, 1);
        assert_eq!(buses.len(), 2);
        assert_eq!(buses[0].0, BusKey::Fork(2));
        assert_eq!((buses[0].1, buses[0].2), (-20.0, 20.0));
        assert_eq!(buses[0].3, vec![1, 2]);
        assert_eq!(buses[1].0, BusKey::Merge(5));
    }
}
