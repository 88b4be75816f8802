//! Phases 3 and 4: the layered graph with placeholder points on the ranks a long edge crosses,
//! then the order within each rank: by slot and declaration, improved by barycenter sweeps
//! that keep a new order only when it has fewer crossings; notes go right beside their box.

use std::collections::HashMap;

use super::cycles::Cycles;
use super::params::Shape;
use super::ranks::Ranks;
use super::slots::Slots;
use super::state::{Chain, Input, Layered, LoopEdge, Vertex};
use crate::flow::graph::NodeKind;

/// Builds the layered graph: one vertex per node, placeholders for long edges, chains for
/// forward edges and loop edges apart. Layers are left empty for [`order`].
pub(super) fn build(g: &Input, c: &Cycles, r: &Ranks, s: &Slots, shapes: &[Shape]) -> Layered {
    let mut verts: Vec<Vertex> = (0..g.n)
        .map(|i| Vertex {
            node: Some(i),
            rank: r.rank[i],
            w: shapes[i].w,
            h: shapes[i].h,
            slot: s.slot[i],
            key: i as f32,
            main: r.main[i],
            note_of: g.attached[i],
            x: 0.0,
        })
        .collect();
    let mut chains: Vec<Chain> = Vec::new();
    let mut loops: Vec<LoopEdge> = Vec::new();
    for (le, arrow) in g.arrows.iter().enumerate() {
        let (a, b) = (arrow.from, arrow.to);
        if c.is_loop[le] {
            loops.push(LoopEdge {
                edge: arrow.edge,
                from: a,
                to: b,
                side: 1.0,
                side_exit: false,
                side_entry: false,
                exit_track: None,
                entry_track: None,
            });
            continue;
        }
        let mut items = vec![a];
        for rank in r.rank[a] + 1..r.rank[b] {
            verts.push(Vertex {
                node: None,
                rank,
                w: 0.0,
                h: 0.0,
                slot: s.edge_slot[le],
                key: a as f32 + 0.5,
                main: false,
                note_of: None,
                x: 0.0,
            });
            items.push(verts.len() - 1);
        }
        items.push(b);
        chains.push(Chain {
            edge: arrow.edge,
            le,
            items,
            corner: None,
        });
    }
    let nv = verts.len();
    let ranks = verts.iter().map(|v| v.rank + 1).max().unwrap_or(0);
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); nv];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); nv];
    for c in &chains {
        for w in c.items.windows(2) {
            down[w[0]].push(w[1]);
            up[w[1]].push(w[0]);
        }
    }
    Layered {
        verts,
        chains,
        loops,
        up,
        down,
        ranks,
        layers: vec![Vec::new(); ranks],
        pos: vec![0; nv],
    }
}

/// Orders every rank and records each vertex's position in it.
pub(super) fn order(lg: &mut Layered, g: &Input, c: &Cycles, s: &Slots) {
    let verts = &lg.verts;
    for (v, vx) in verts.iter().enumerate() {
        if vx.note_of.is_none() {
            lg.layers[vx.rank].push(v);
        }
    }
    for layer in &mut lg.layers {
        layer.sort_by(|&a, &b| {
            (verts[a].slot, verts[a].key)
                .partial_cmp(&(verts[b].slot, verts[b].key))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    reduce_crossings(&mut lg.layers, &lg.up, &lg.down, verts.len());
    insert_notes(&mut lg.layers, verts, g, c, s);
    for layer in &lg.layers {
        for (i, &v) in layer.iter().enumerate() {
            lg.pos[v] = i;
        }
    }
}

/// Crossings between rank `r` and rank `r + 1`.
fn crossings(layers: &[Vec<usize>], down: &[Vec<usize>], pos: &[usize], r: usize) -> usize {
    if r + 1 >= layers.len() {
        return 0;
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &u in &layers[r] {
        for &v in &down[u] {
            pairs.push((pos[u], pos[v]));
        }
    }
    let mut c = 0;
    for i in 0..pairs.len() {
        for j in i + 1..pairs.len() {
            let (a, b) = (pairs[i], pairs[j]);
            if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                c += 1;
            }
        }
    }
    c
}

fn refresh(layers: &[Vec<usize>], pos: &mut [usize]) {
    for layer in layers {
        for (i, &v) in layer.iter().enumerate() {
            pos[v] = i;
        }
    }
}

/// Barycenter sweeps; a new order is kept only when it has fewer crossings.
fn reduce_crossings(layers: &mut [Vec<usize>], up: &[Vec<usize>], down: &[Vec<usize>], nv: usize) {
    let mut pos = vec![0usize; nv];
    refresh(layers, &mut pos);
    let r_count = layers.len();
    for _ in 0..4 {
        let mut improved = false;
        for downward in [true, false] {
            let order: Vec<usize> = if downward {
                (1..r_count).collect()
            } else {
                (0..r_count.saturating_sub(1)).rev().collect()
            };
            let nbrs = if downward { up } else { down };
            for r in order {
                improved |= sweep_rank(layers, nbrs, down, &mut pos, r);
            }
        }
        if !improved {
            break;
        }
    }
}

/// Reorders rank `r` by the barycenters of its neighbours in `nbrs`; keeps the new order only
/// when the crossings next to the rank go down.
fn sweep_rank(
    layers: &mut [Vec<usize>],
    nbrs: &[Vec<usize>],
    down: &[Vec<usize>],
    pos: &mut [usize],
    r: usize,
) -> bool {
    let bary: Vec<(usize, f32)> = layers[r]
        .iter()
        .map(|&v| {
            let ns = &nbrs[v];
            let b = if ns.is_empty() {
                pos[v] as f32
            } else {
                ns.iter().map(|&o| pos[o] as f32).sum::<f32>() / ns.len() as f32
            };
            (v, b)
        })
        .collect();
    let mut sorted = bary.clone();
    sorted.sort_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal));
    let new: Vec<usize> = sorted.iter().map(|&(v, _)| v).collect();
    if new == layers[r] {
        return false;
    }
    let local = |layers: &[Vec<usize>], pos: &[usize]| {
        crossings(layers, down, pos, r)
            + if r > 0 {
                crossings(layers, down, pos, r - 1)
            } else {
                0
            }
    };
    let before = local(layers, pos);
    let old = std::mem::replace(&mut layers[r], new);
    refresh(layers, pos);
    if local(layers, pos) < before {
        true
    } else {
        layers[r] = old;
        refresh(layers, pos);
        false
    }
}

/// Puts each note into its box's rank, right beside the box: away from the side a decision's
/// branches leave to, else on the outer side; a second note goes to the other side.
fn insert_notes(layers: &mut [Vec<usize>], verts: &[Vertex], g: &Input, c: &Cycles, s: &Slots) {
    let mut placed: HashMap<usize, usize> = HashMap::new();
    for (v, vx) in verts.iter().enumerate() {
        let Some(t) = vx.note_of else { continue };
        let slot_t = verts[t].slot;
        let (mut left, mut right) = (0, 0);
        for (le, arrow) in g.arrows.iter().enumerate() {
            if arrow.from == t && !c.is_loop[le] {
                if s.edge_slot[le] > slot_t + 0.01 {
                    right += 1;
                } else if s.edge_slot[le] < slot_t - 0.01 {
                    left += 1;
                }
            }
        }
        let mut side = if g.kind(t) == NodeKind::Decision && (left + right) > 0 {
            if right >= left { -1 } else { 1 }
        } else if slot_t > 0.01 {
            1
        } else {
            -1
        };
        let k = placed.entry(t).or_insert(0);
        if *k % 2 == 1 {
            side = -side;
        }
        *k += 1;
        let layer = &mut layers[vx.rank];
        let Some(i) = layer.iter().position(|&x| x == t) else {
            layer.push(v);
            continue;
        };
        if side < 0 {
            layer.insert(i, v);
        } else {
            layer.insert(i + 1, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossings_are_counted_between_adjacent_ranks() {
        // Rank 0: 0, 1; rank 1: 2, 3; edges 0→3 and 1→2 cross once.
        let layers = vec![vec![0, 1], vec![2, 3]];
        let down = vec![vec![3], vec![2], vec![], vec![]];
        let pos = vec![0, 1, 0, 1];
        assert_eq!(crossings(&layers, &down, &pos, 0), 1);
        assert_eq!(crossings(&layers, &down, &pos, 1), 0);
    }

    #[test]
    fn a_sweep_untangles_two_crossing_edges() {
        let mut layers = vec![vec![0, 1], vec![2, 3]];
        let down = vec![vec![3], vec![2], vec![], vec![]];
        let up = vec![vec![], vec![], vec![1], vec![0]];
        reduce_crossings(&mut layers, &up, &down, 4);
        assert_eq!(layers[1], vec![3, 2]);
    }
}
