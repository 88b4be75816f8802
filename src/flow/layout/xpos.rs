//! Phase 5, x positions: every vertex is pulled toward its neighbours (placeholder chains and
//! column continuations weigh more, the main column is pinned at x = 0) while each rank keeps
//! its order and minimum gaps (weighted isotonic regression per rank); then chains are
//! straightened where the rank leaves room, and notes settle next to their box.

use super::slots::Slots;
use super::state::{Input, Layered, Vertex};
use crate::flow::graph::NodeKind;

/// One end's view of a link between vertices of adjacent ranks.
#[derive(Debug, Clone, Copy)]
struct Pull {
    other: usize,
    weight: f32,
    /// Where this vertex wants to be relative to `other`.
    off: f32,
    /// The edge continues its source's column (or runs between placeholders).
    cont: bool,
}

/// Minimum distance between the centres of neighbours `a` (index `ia`) and `b` in a rank.
fn separation(a: &Vertex, b: &Vertex, ia: usize, ib: usize, fs: f32) -> f32 {
    let note_gap = 2.5 * fs;
    let base = match (a.node.is_some(), b.node.is_some()) {
        (true, true) if a.note_of == Some(ib) || b.note_of == Some(ia) => note_gap,
        (true, true) => 2.0 * fs,
        (false, false) => 0.8 * fs,
        _ => 1.2 * fs,
    };
    (a.w + b.w) / 2.0 + base
}

/// Where note `v` wants its centre: beside its box `t`, on the side it was ordered to.
fn note_target(lg: &Layered, v: usize, t: usize, fs: f32) -> f32 {
    let note_gap = 2.5 * fs;
    let verts = &lg.verts;
    let side = if lg.pos[v] < lg.pos[t] { -1.0 } else { 1.0 };
    verts[t].x + side * ((verts[t].w + verts[v].w) / 2.0 + note_gap)
}

pub(super) fn assign(lg: &mut Layered, g: &Input, s: &Slots, fs: f32) {
    let pulls = pulls(lg, g, s, fs);
    for layer in &lg.layers {
        for &v in layer {
            lg.verts[v].x = lg.verts[v].slot * 6.0 * fs;
        }
    }
    for v in 0..lg.verts.len() {
        if let Some(t) = lg.verts[v].note_of {
            lg.verts[v].x = note_target(lg, v, t, fs);
        }
    }
    for r in 0..lg.ranks {
        let desired: Vec<f32> = lg.layers[r].iter().map(|&v| lg.verts[v].x).collect();
        let weights = vec![1.0; desired.len()];
        project_layer(lg, r, &desired, &weights, fs);
    }
    for it in 0..16 {
        let order: Vec<usize> = if it % 2 == 0 {
            (0..lg.ranks).collect()
        } else {
            (0..lg.ranks).rev().collect()
        };
        for r in order {
            pull_rank(lg, &pulls, r, fs);
        }
    }
    straighten(lg, &pulls, fs);
    settle_notes(lg, fs);
}

/// The links of every chain segment, seen from both ends.
fn pulls(lg: &Layered, g: &Input, s: &Slots, fs: f32) -> Vec<Vec<Pull>> {
    let verts = &lg.verts;
    let mut incident: Vec<Vec<Pull>> = vec![Vec::new(); verts.len()];
    for c in &lg.chains {
        for (k, w) in c.items.windows(2).enumerate() {
            let (a, b) = (w[0], w[1]);
            let dummies =
                usize::from(verts[a].node.is_none()) + usize::from(verts[b].node.is_none());
            let weight = [1.0, 2.0, 8.0][dummies];
            let mut off = 0.0;
            // A decision's branch is pulled beyond the diamond's corner it will leave from.
            if k == 0 && g.kind(a) == NodeKind::Decision {
                let sl = s.edge_slot[c.le] - s.slot[a];
                if sl.abs() > 0.01 {
                    off = sl.signum() * (verts[a].w / 2.0 + 1.2 * fs);
                }
            }
            let cont = if k == 0 {
                (s.edge_slot[c.le] - s.slot[a]).abs() < 0.01
            } else {
                dummies == 2
            };
            incident[b].push(Pull {
                other: a,
                weight,
                off,
                cont,
            });
            incident[a].push(Pull {
                other: b,
                weight,
                off: -off,
                cont,
            });
        }
    }
    incident
}

/// Places rank `r` as close to `desired` as its order and gaps allow.
fn project_layer(lg: &mut Layered, r: usize, desired: &[f32], weights: &[f32], fs: f32) {
    let layer = &lg.layers[r];
    let verts = &mut lg.verts;
    let gaps: Vec<f32> = layer
        .windows(2)
        .map(|w| separation(&verts[w[0]], &verts[w[1]], w[0], w[1], fs))
        .collect();
    let xs = isotonic(desired, weights, &gaps);
    for (&v, x) in layer.iter().zip(xs) {
        verts[v].x = x;
    }
}

/// One pull of rank `r` toward its neighbours' positions.
fn pull_rank(lg: &mut Layered, pulls: &[Vec<Pull>], r: usize, fs: f32) {
    let layer = &lg.layers[r];
    let mut desired = Vec::with_capacity(layer.len());
    let mut weights = Vec::with_capacity(layer.len());
    for &v in layer {
        let (mut sx, mut sw) = (0.0f32, 0.0f32);
        for p in &pulls[v] {
            sx += p.weight * (lg.verts[p.other].x + p.off);
            sw += p.weight;
        }
        if lg.verts[v].main {
            // Pinned: the main column stays at x = 0.
            sx = 0.0;
            sw = 1.0e6;
        }
        if let Some(t) = lg.verts[v].note_of {
            sx += 4.0 * note_target(lg, v, t, fs);
            sw += 4.0;
        }
        if sw > 0.0 {
            desired.push(sx / sw);
            weights.push(sw);
        } else {
            desired.push(lg.verts[v].x);
            weights.push(1e-3);
        }
    }
    project_layer(lg, r, &desired, &weights, fs);
}

/// A box or placeholder moves into line with its neighbour above (or below) when they are
/// joined one-to-one, when the edge continues a column, or when they are within 2 pt, provided
/// the rank leaves room. A box moves together with its notes.
fn straighten(lg: &mut Layered, pulls: &[Vec<Pull>], fs: f32) {
    for _ in 0..2 {
        for downward in [true, false] {
            let order: Vec<usize> = if downward {
                (0..lg.ranks).collect()
            } else {
                (0..lg.ranks).rev().collect()
            };
            for r in order {
                for i in 0..lg.layers[r].len() {
                    straighten_one(lg, pulls, r, i, downward, fs);
                }
            }
        }
    }
}

fn straighten_one(
    lg: &mut Layered,
    pulls: &[Vec<Pull>],
    r: usize,
    i: usize,
    downward: bool,
    fs: f32,
) {
    let layer = &lg.layers[r];
    let v = layer[i];
    let verts = &mut lg.verts;
    if verts[v].main || verts[v].note_of.is_some() {
        return;
    }
    // The group: v with its notes, which sit right beside it.
    let mut first = i;
    while first > 0 && verts[layer[first - 1]].note_of == Some(v) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < layer.len() && verts[layer[last + 1]].note_of == Some(v) {
        last += 1;
    }
    let (d_lo, d_hi) = room(layer, first, last, verts, fs);
    let (nbrs, other) = if downward {
        (&lg.up[v], &lg.down)
    } else {
        (&lg.down[v], &lg.up)
    };
    let one_to_one = nbrs.len() == 1 && other[nbrs[0]].len() == 1;
    for &o in nbrs {
        let Some(p) = pulls[v].iter().find(|p| p.other == o) else {
            continue;
        };
        let delta = verts[o].x + p.off - verts[v].x;
        let wanted = one_to_one || p.cont || delta.abs() < 2.0;
        if wanted && delta >= d_lo - 0.01 && delta <= d_hi + 0.01 {
            for &m in &layer[first..=last] {
                verts[m].x += delta;
            }
            break;
        }
    }
}

/// Notes may have room to sit closer after the straightening.
fn settle_notes(lg: &mut Layered, fs: f32) {
    for r in 0..lg.ranks {
        for i in 0..lg.layers[r].len() {
            let v = lg.layers[r][i];
            let Some(t) = lg.verts[v].note_of else {
                continue;
            };
            let want = note_target(lg, v, t, fs);
            let (d_lo, d_hi) = room(&lg.layers[r], i, i, &lg.verts, fs);
            let x = lg.verts[v].x;
            let (lo, hi) = (x + d_lo, x + d_hi);
            if lo <= hi {
                lg.verts[v].x = want.clamp(lo, hi);
            }
        }
    }
}

/// How far `layer[first..=last]` may shift (left bound ≤ 0 ≤ right bound when the rank is
/// consistent) before it comes closer to its neighbours than their minimum gaps.
fn room(layer: &[usize], first: usize, last: usize, verts: &[Vertex], fs: f32) -> (f32, f32) {
    let (fv, lv) = (layer[first], layer[last]);
    let lo = if first > 0 {
        let pv = layer[first - 1];
        verts[pv].x + separation(&verts[pv], &verts[fv], pv, fv, fs) - verts[fv].x
    } else {
        f32::NEG_INFINITY
    };
    let hi = if last + 1 < layer.len() {
        let nx = layer[last + 1];
        verts[nx].x - separation(&verts[lv], &verts[nx], lv, nx, fs) - verts[lv].x
    } else {
        f32::INFINITY
    };
    (lo, hi)
}

/// Weighted least squares under order and minimum gaps: minimise Σ wᵢ(xᵢ − dᵢ)² subject to
/// xᵢ₊₁ − xᵢ ≥ gapᵢ (pool-adjacent-violators on the gap-shifted targets).
pub(super) fn isotonic(desired: &[f32], weights: &[f32], gaps: &[f32]) -> Vec<f32> {
    // f64: pinned main-column boxes weigh 1e6 and must come out exactly where they are pinned.
    let mut offset = Vec::with_capacity(desired.len());
    let mut acc = 0.0f64;
    for i in 0..desired.len() {
        if i > 0 {
            acc += f64::from(gaps[i - 1]);
        }
        offset.push(acc);
    }
    // Blocks of (weighted mean, weight, size).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for i in 0..desired.len() {
        let w = f64::from(weights[i]).max(1e-6);
        blocks.push((f64::from(desired[i]) - offset[i], w, 1));
        while blocks.len() >= 2 {
            let (m2, w2, n2) = blocks[blocks.len() - 1];
            let (m1, w1, n1) = blocks[blocks.len() - 2];
            if m1 <= m2 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = ((m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, n1 + n2);
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (m, _, size) in blocks {
        for _ in 0..size {
            out.push((m + offset[out.len()]) as f32);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isotonic_keeps_gaps_and_honours_weights() {
        // Both want x = 0, gap 10: equal weights split the difference.
        assert_eq!(isotonic(&[0.0, 0.0], &[1.0, 1.0], &[10.0]), vec![-5.0, 5.0]);
        // A pinned vertex stays put, the other moves.
        let pinned = isotonic(&[0.0, 0.0], &[1.0e6, 1.0], &[10.0]);
        assert!(pinned[0].abs() < 1e-4 && (pinned[1] - 10.0).abs() < 1e-4);
        // Already far enough apart: unchanged.
        assert_eq!(
            isotonic(&[0.0, 30.0], &[1.0, 1.0], &[10.0]),
            vec![0.0, 30.0]
        );
    }

    fn vertex(x: f32, w: f32) -> Vertex {
        Vertex {
            node: Some(0),
            rank: 0,
            w,
            h: 10.0,
            slot: 0.0,
            key: 0.0,
            main: false,
            note_of: None,
            x,
        }
    }

    #[test]
    fn room_is_bounded_by_the_neighbours_gaps() {
        let verts = vec![vertex(0.0, 20.0), vertex(50.0, 20.0), vertex(100.0, 20.0)];
        // Boxes need (20 + 20) / 2 + 2 em = 40 pt between centres at 10 pt.
        let (lo, hi) = room(&[0, 1, 2], 1, 1, &verts, 10.0);
        assert_eq!((lo, hi), (-10.0, 10.0));
        let (lo, hi) = room(&[0, 1, 2], 0, 0, &verts, 10.0);
        assert_eq!((lo, hi), (f32::NEG_INFINITY, 10.0));
    }
}
